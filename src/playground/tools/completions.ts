/**
 * Completions for the schema editor: Prisma's own (its language server's, from the wasm) where it
 * has any, else the words that fit where the cursor is: block keywords at the top level, field
 * types after a field name, attributes after `@` or `@@`.
 */
import type { SchemaCompiler } from "@lucia-prisma/client-from-schema";
import type { CompletionItem } from "../protocol.ts";

// LSP CompletionItemKind numbers.
const kindKeyword = 14;
const kindClass = 7;
const kindProperty = 10;

const scalarTypes = ["String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes"];
const blockKeywords = ["model", "enum", "datasource", "generator", "view", "type"];

const fieldAttributes: [string, string][] = [
  ["id", "The field is the model's primary key."],
  ["unique", "Values of the field are unique."],
  ["default()", "The value the database gives the field when none is written."],
  ["relation()", "How this relation field maps to foreign keys: fields, references, onDelete."],
  ["map()", "The column's name in the database."],
  ["updatedAt", "Set to the current time on every update."],
  ["ignore", "Leave the field out of the client."],
];

const blockAttributes: [string, string][] = [
  ["id()", "A primary key over several fields."],
  ["unique()", "A unique constraint over several fields."],
  ["index()", "An index over the fields."],
  ["map()", "The table's name in the database."],
  ["ignore", "Leave the model out of the client."],
];

export function schemaCompletions(compiler: SchemaCompiler, text: string, line: number, character: number): CompletionItem[] {
  const prismas = compiler.completions(text, line, character);
  if (prismas.length > 0) return prismas;

  const lines = text.split("\n");
  const before = (lines[line] ?? "").slice(0, character);
  const insideBlock = enclosingBlock(lines, line);

  if (/@@\w*$/.test(before)) return attributes(blockAttributes);
  if (/(^|\s)@\w*$/.test(before)) return attributes(fieldAttributes);
  if (insideBlock === undefined) return /^\s*\w*$/.test(before) ? blockKeywords.map((label) => ({ label, kind: kindKeyword })) : [];
  if (insideBlock === "model" || insideBlock === "type") {
    // `name Typ|`: the second word of a field line.
    if (/^\s*\w+\s+\w*$/.test(before)) {
      const declared = [...text.matchAll(/^\s*(?:model|enum|type)\s+(\w+)/gm)].map((match) => match[1] ?? "");
      return [
        ...scalarTypes.map((label) => ({ label, kind: kindKeyword, detail: "scalar type" })),
        ...declared.map((label) => ({ label, kind: kindClass, detail: "model, enum or type of this schema" })),
      ];
    }
  }
  return [];
}

function attributes(list: [string, string][]): CompletionItem[] {
  return list.map(([label, documentation]) => ({ label, kind: kindProperty, documentation, insertText: label }));
}

/** The keyword of the block the line is in (`model`, `datasource`, …), or undefined at the top level. */
function enclosingBlock(lines: string[], line: number): string | undefined {
  for (let index = line; index >= 0; index--) {
    const text = lines[index] ?? "";
    if (index < line && /^\s*}/.test(text)) return undefined;
    const opening = /^\s*(\w+)\s+\w+\s*\{/.exec(text);
    if (opening !== null) return index === line && !text.trimEnd().endsWith("{") ? undefined : opening[1];
  }
  return undefined;
}
