/** Pure text surgery on Prisma schema files: find, drop and read top-level blocks. */

export interface SchemaBlock {
  kind: string;
  name: string;
  start: number;
  /** Index just past the closing brace. */
  end: number;
  body: string;
}

const blockHeader = /^[ \t]*(generator|datasource|model|enum|view|type)[ \t]+(\w+)[ \t]*\{/gm;

/** Lists top-level blocks, skipping braces inside strings and `//` comments when looking for the end. */
export function listBlocks(schema: string): SchemaBlock[] {
  const blocks: SchemaBlock[] = [];
  for (const match of schema.matchAll(blockHeader)) {
    const start = match.index;
    const bodyStart = start + match[0].length;
    if (blocks.some((b) => start < b.end)) continue;
    const close = findClosingBrace(schema, bodyStart);
    blocks.push({
      kind: match[1] ?? "",
      name: match[2] ?? "",
      start,
      end: close + 1,
      body: schema.slice(bodyStart, close),
    });
  }
  return blocks;
}

function findClosingBrace(text: string, from: number): number {
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === "/" && text[i + 1] === "/") {
      const newline = text.indexOf("\n", i);
      if (newline === -1) break;
      i = newline;
    } else if (c === "}") {
      return i;
    }
  }
  throw new Error(`Unclosed block in Prisma schema near offset ${from}`);
}

/** Reads `key = "value"` from a block body (string values only). */
export function readStringSetting(body: string, key: string): string | undefined {
  const match = new RegExp(`^[ \\t]*${key}[ \\t]*=[ \\t]*"([^"]*)"`, "m").exec(body);
  return match?.[1];
}

export function hasSetting(body: string, key: string): boolean {
  return new RegExp(`^[ \\t]*${key}[ \\t]*=`, "m").test(body);
}

/** Removes the given blocks (and the newline after each) from the schema text. */
export function removeBlocks(schema: string, blocks: SchemaBlock[]): string {
  let result = schema;
  for (const block of [...blocks].sort((a, b) => b.start - a.start)) {
    const after = result[block.end] === "\n" ? block.end + 1 : block.end;
    result = result.slice(0, block.start) + result.slice(after);
  }
  return result;
}
