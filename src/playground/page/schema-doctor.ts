/**
 * The schema doctor on the playground page: the adapter's `checkSchema` over the schema Prisma
 * last checked, the options the code passes checked against it, and the "Adapter" note under the
 * schema editor. The editors add markers and quick fixes from the same report (editors-ui.ts).
 */
import { checkSchema, formatCallOptions, type SchemaCheck, type SchemaFinding, type SchemaModel } from "@lucia-auth/adapter-prisma/schema-doctor";
import type { Precompiled } from "../build/precompile-plugin.ts";
import { compileKey, databasesOf, withBrowserProvider, type Database } from "../database.ts";
import type { Playground } from "../engine/playground.ts";
import type { CompileOutcome } from "../protocol.ts";
import { pageElement } from "./page-element.ts";
import { findPrismaCall, writeFittingCall, writesFittingCall, type WrittenCall } from "./prisma-call.ts";

export interface DoctorReport {
  /** The schema text it is about. */
  readonly schema: string;
  /** Null when Prisma rejected the schema (its own diagnostics say why). */
  readonly check: SchemaCheck | null;
  readonly datamodel: readonly SchemaModel[] | null;
  readonly database: Database;
}

export interface CodeReport {
  readonly written: WrittenCall | null;
  /** What is wrong with the options the code passes, at their literals. */
  readonly findings: readonly { readonly finding: SchemaFinding; readonly start: number; readonly end: number }[];
  /** The code with the fitting call written in, when the schema fits and the code passes something else. */
  readonly fixedCode: string | null;
}

export interface SchemaDoctor {
  readonly report: DoctorReport | null;
  /** Called with every new report (and at once with the current one). */
  onReport(listener: (report: DoctorReport) => void): void;
  /** The code's call checked against the current report. */
  checkCode(code: string): CodeReport;
}

export function reportFor(schema: string, database: Database, outcome: CompileOutcome): DoctorReport {
  if (!outcome.ok) return { schema, check: null, datamodel: null, database };
  const datamodel = outcome.schema.datamodel;
  return { schema, check: checkSchema(datamodel, { provider: outcome.schema.provider }), datamodel, database };
}

export function createSchemaDoctor(playground: Playground, precompiled: Precompiled, writeCode: (code: string) => void): SchemaDoctor {
  const listeners = new Set<(report: DoctorReport) => void>();
  let report: DoctorReport | null = null;
  const take = (next: DoctorReport) => {
    report = next;
    for (const listener of listeners) listener(next);
    renderNote();
  };
  playground.on("schema-checked", ({ text, database, outcome }) => {
    if (text === playground.state.schema && database === databasesOf(playground.state.database)[0]) take(reportFor(text, database, outcome));
  });
  // The build checked the presets' schemas: their note is there before Prisma's tools load. (Any
  // change of state renders the note again: the code's call may have changed.)
  let pendingCheck: ReturnType<typeof setTimeout> | undefined;
  const fromBuild = () => {
    const database = databasesOf(playground.state.database)[0]!;
    const outcome = precompiled.schemas[compileKey(database, withBrowserProvider(playground.state.schema, database))];
    if (outcome !== undefined && report?.schema !== playground.state.schema) take(reportFor(playground.state.schema, database, outcome));
    else renderNote();
  };
  playground.on("state", ({ changed, cause }) => {
    fromBuild();
    // An edit in a preview (before Monaco, which checks as the reader types): ask Prisma here.
    // (An opened link waits for its first Run or the editor, as the loading policy wants.)
    if (cause === "edit" && changed.includes("schema") && report?.schema !== playground.state.schema) {
      clearTimeout(pendingCheck);
      pendingCheck = setTimeout(() => void playground.check(playground.state.schema).catch(() => {}), 250);
    }
  });
  fromBuild();

  function checkCode(code: string): CodeReport {
    const written = findPrismaCall(code);
    const check = report?.check ?? null;
    if (written === null || check === null || report?.datamodel == null) return { written, findings: [], fixedCode: null };
    const findings: CodeReport["findings"][number][] = [];
    if (written.call !== null) {
      const ofCall = checkSchema(report.datamodel, { call: written.call, provider: report.database });
      for (const finding of ofCall.findings) {
        if (finding.option === null || finding.severity !== "error") continue;
        const option = finding.option === "mode" ? "mode" : finding.option;
        const at = written.options.find((candidate) => candidate.option === option) ?? { start: written.start, end: written.end };
        findings.push({ finding, start: at.start, end: at.end });
      }
    }
    const fixedCode = check.call !== null && !writesFittingCall(written, check.call) ? writeFittingCall(code, written, check.call) : null;
    return { written, findings, fixedCode };
  }

  function renderNote(): void {
    const note = pageElement("pg-adapter-note");
    const button = pageElement<HTMLButtonElement>("pg-adapter-apply");
    const check = report?.schema === playground.state.schema ? report.check : undefined;
    button.hidden = true;
    if (check === undefined) {
      note.textContent = "Not checked for Lucia yet: that happens as you edit, or when you press Run.";
      return;
    }
    if (check === null) {
      note.textContent = "Prisma rejects this schema; its errors are marked in the editor.";
      return;
    }
    const counts = countsOf(check.findings);
    if (check.call === null) {
      note.textContent = `Not usable by the adapter yet: ${counts}. Each is marked in the schema, most with a quick fix (Ctrl+. on the line).`;
      return;
    }
    note.replaceChildren("Fits ", codeElement(`prisma({ client, ${formatCallOptions(check.call)} })`), check.findings.length > 0 ? `; ${counts} in the schema.` : ".");
    const fixed = checkCode(playground.state.code).fixedCode;
    if (fixed !== null) {
      button.hidden = false;
      button.onclick = () => writeCode(fixed);
    }
  }
  return {
    get report() {
      return report;
    },
    onReport(listener) {
      listeners.add(listener);
      if (report !== null) listener(report);
    },
    checkCode,
  };
}

function countsOf(findings: readonly SchemaFinding[]): string {
  const parts: string[] = [];
  for (const [severity, one, many] of [
    ["error", "problem", "problems"],
    ["warning", "warning", "warnings"],
    ["info", "note", "notes"],
  ] as const) {
    const count = findings.filter((finding) => finding.severity === severity).length;
    if (count > 0) parts.push(`${count} ${count === 1 ? one : many}`);
  }
  return parts.join(", ");
}

function codeElement(text: string): HTMLElement {
  const code = document.createElement("code");
  code.textContent = text;
  return code;
}
