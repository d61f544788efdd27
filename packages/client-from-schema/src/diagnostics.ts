/**
 * Prisma's diagnostics with positions an editor can use. prisma-schema-wasm reports spans as
 * offsets in UTF-16 code units (JavaScript string indexes); editors want 1-based lines and columns.
 */
import type { LintEntry } from "./prisma-internals.ts";

export interface SchemaDiagnostic {
  severity: "error" | "warning";
  /** Prisma's own message, e.g. `Type "Intt" is neither a built-in type, nor refers to another model…`. */
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function diagnosticsFromLint(schema: string, entries: LintEntry[]): SchemaDiagnostic[] {
  const position = positionFinder(schema);
  return entries.map((entry) => {
    const start = position(entry.start);
    const end = position(entry.end);
    return {
      severity: entry.isWarning ? "warning" : "error",
      message: entry.text,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
  });
}

/**
 * Reads the errors out of the report `prisma validate` prints (`error: …` then `-->  schema.prisma:7`),
 * for the rare error the span-based lint does not report. Such diagnostics cover their whole line.
 */
export function diagnosticsFromReport(schema: string, report: string): SchemaDiagnostic[] {
  const lines = schema.split("\n");
  const found: SchemaDiagnostic[] = [];
  const pattern = /^error: ([^\n]*)\n\s*-->\s+\S+?:(\d+)/gm;
  for (const match of report.matchAll(pattern)) {
    const line = Number(match[2]);
    found.push({
      severity: "error",
      message: match[1] ?? "",
      line,
      column: 1,
      endLine: line,
      endColumn: (lines[line - 1]?.length ?? 0) + 1,
    });
  }
  return found;
}

function positionFinder(text: string): (offset: number) => { line: number; column: number } {
  return (offset) => {
    const before = text.slice(0, offset);
    const lineStart = before.lastIndexOf("\n") + 1;
    return { line: before.split("\n").length, column: offset - lineStart + 1 };
  };
}
