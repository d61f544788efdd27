/**
 * Applies the schema doctor's edits to schema text, line by line, leaving the rest of the
 * reader's text (comments, alignment, blank lines) as it was. `prisma format` aligns after.
 */
import type { SchemaEdit, SchemaFix } from "./check-schema.ts";

/** Where a model or field is in schema text: 1-based line, 1-based columns of its name. */
export interface SchemaLocation {
	readonly line: number;
	readonly startColumn: number;
	readonly endColumn: number;
}

/** Thrown when an edit's model or field is not in the text (the text changed since the check). */
export class SchemaEditError extends Error {
	override readonly name = "SchemaEditError";
}

export function applySchemaFix(text: string, fix: SchemaFix): string {
	return fix.edits.reduce(applySchemaEdit, text);
}

export function applySchemaEdit(text: string, edit: SchemaEdit): string {
	const lines = text.split("\n");
	if (edit.kind === "add-model") {
		const trimmed = text.replace(/\s*$/, "");
		return `${trimmed}\n\n${edit.text}\n`;
	}
	const block = modelBlock(lines, edit.model);
	if (block === null) throw new SchemaEditError(`The schema has no model ${edit.model} any more.`);
	if (edit.kind === "add-field") {
		const fields = fieldLines(lines, block);
		const after = fields.length > 0 ? fields[fields.length - 1]! : block.open;
		const indent = fields.length > 0 ? /^\s*/.exec(lines[fields[0]!]!)![0] : "  ";
		lines.splice(after + 1, 0, `${indent}${edit.text}`);
		return lines.join("\n");
	}
	const index = fieldLine(lines, block, edit.field);
	if (index === null) throw new SchemaEditError(`Model ${edit.model} has no field ${edit.field} any more.`);
	const line = lines[index]!;
	lines[index] = editField(line, edit);
	return lines.join("\n");
}

function editField(line: string, edit: Exclude<SchemaEdit, { kind: "add-model" | "add-field" }>): string {
	const parts = /^(\s*)(\w+)(\s+)(\S+)(.*)$/.exec(line);
	if (parts === null) return line;
	const [, indent, name, gap, type, rest] = parts as unknown as [string, string, string, string, string, string];
	switch (edit.kind) {
		case "set-type":
			return `${indent}${name}${gap}${edit.type}${rest}`;
		case "rename-field":
			return `${indent}${edit.to}${gap}${type}${rest}`;
		case "remove-attribute": {
			const span = attributeSpan(rest, edit.attribute);
			if (span === null) return line;
			return `${indent}${name}${gap}${type}${(rest.slice(0, span.start) + rest.slice(span.end)).replace(/ {2,}(?=\S)/g, " ").replace(/\s+$/, "")}`;
		}
		case "set-relation-argument": {
			const span = attributeSpan(rest, "relation");
			if (span === null) return `${line.replace(/\s+$/, "")} @relation(${edit.argument}: ${edit.value})`;
			const inside = rest.slice(span.start + "@relation(".length, span.end - 1);
			const argument = new RegExp(`(\\b${edit.argument}\\s*:\\s*)(\\[[^\\]]*\\]|\\w+)`);
			const changed = argument.test(inside)
				? inside.replace(argument, `$1${edit.value}`)
				: `${inside.trim() === "" ? "" : `${inside.replace(/\s+$/, "")}, `}${edit.argument}: ${edit.value}`;
			return `${indent}${name}${gap}${type}${rest.slice(0, span.start)}@relation(${changed})${rest.slice(span.end)}`;
		}
	}
}

/** The span of `@name` or `@name(…)` (balanced parentheses, strings skipped) in a field line's rest. */
function attributeSpan(rest: string, attribute: string): { start: number; end: number } | null {
	const match = new RegExp(`(^|\\s)@${attribute}\\b`).exec(rest);
	if (match === null) return null;
	const start = match.index + match[1]!.length;
	let end = start + 1 + attribute.length;
	if (rest[end] !== "(") return { start, end };
	let depth = 0;
	let inString = false;
	for (; end < rest.length; end++) {
		const character = rest[end];
		if (inString) {
			if (character === "\\") end++;
			else if (character === '"') inString = false;
		} else if (character === '"') inString = true;
		else if (character === "(") depth++;
		else if (character === ")" && --depth === 0) return { start, end: end + 1 };
	}
	return { start, end: rest.length };
}

interface Block {
	/** Index of the `model X {` line. */
	readonly open: number;
	/** Index of the closing `}` line. */
	readonly close: number;
}

function modelBlock(lines: readonly string[], model: string): Block | null {
	const opening = new RegExp(`^\\s*model\\s+${model}\\s*\\{`);
	const open = lines.findIndex((line) => opening.test(line));
	if (open === -1) return null;
	for (let index = open + 1; index < lines.length; index++) if (/^\s*\}/.test(lines[index]!)) return { open, close: index };
	return { open, close: lines.length };
}

/** Lines inside the block that declare a field (not comments, blank lines or `@@` attributes). */
function fieldLines(lines: readonly string[], block: Block): number[] {
	const result: number[] = [];
	for (let index = block.open + 1; index < block.close; index++) if (/^\s*\w+\s+\S/.test(lines[index]!)) result.push(index);
	return result;
}

function fieldLine(lines: readonly string[], block: Block, field: string): number | null {
	const declaration = new RegExp(`^\\s*${field}\\s`);
	return fieldLines(lines, block).find((index) => declaration.test(lines[index]!)) ?? null;
}

/**
 * Where a finding belongs in the text: the field's name, else the model's name, else null
 * (a model that is missing has no place; callers put it at the top).
 */
export function locateInSchema(text: string, model: string | null, field: string | null): SchemaLocation | null {
	if (model === null) return null;
	const lines = text.split("\n");
	const block = modelBlock(lines, model);
	if (block === null) return null;
	const index = field === null ? null : fieldLine(lines, block, field);
	if (index !== null) {
		const start = /^\s*/.exec(lines[index]!)![0].length;
		return { line: index + 1, startColumn: start + 1, endColumn: start + 1 + field!.length };
	}
	const start = lines[block.open]!.indexOf(model, lines[block.open]!.indexOf("model") + 5);
	return { line: block.open + 1, startColumn: start + 1, endColumn: start + 1 + model.length };
}
