import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { repoRoot } from "./projects.ts";

// Pages mark lines of the tested schemas by number ({from-to}); when a schema file changes, the
// marks must still land on the lines the prose talks about.
const databases = ["sqlite", "postgresql", "mysql"] as const;
const marks = [
  { page: "content/docs/guides/prisma-7.mdx", variant: "reference", expect: [/^generator client \{$/, /^}$/], at: [1, 8], whole: /^(generator|datasource|  \w+ +=|}$|$)/ },
  { page: "content/docs/guides/attributes.mdx", variant: "renamed", expect: [/user attributes/, /^  email /], at: [14, 16] },
  { page: "content/docs/guides/attributes.mdx", variant: "renamed", expect: [/session attribute/, /^  country /], at: [29, 30] }
] as const;

function markedRanges(page: string, variant: string): string {
  const source = readFileSync(join(repoRoot, page), "utf8");
  const match = new RegExp(`<SchemaTabs variant="${variant}" mark="(\\{[^"]+\\})"`).exec(source);
  assert.ok(match, `${page} marks lines of the ${variant} schema`);
  return match[1]!;
}

for (const { page, variant, expect, at, ...rest } of marks) {
  test(`${page} marks lines ${at.join("-")} of the ${variant} schemas, and they are the lines it means`, () => {
    assert.ok(markedRanges(page, variant).includes(`${at[0]}-${at[1]}`), `${page} no longer marks ${at.join("-")}`);
    for (const database of databases) {
      const lines = readFileSync(join(repoRoot, `packages/adapter-prisma/schemas/${variant}.${database}.prisma`), "utf8").split("\n");
      assert.match(lines[at[0] - 1]!, expect[0], `${variant}.${database}.prisma line ${at[0]}`);
      assert.match(lines[at[1] - 1]!, expect[1], `${variant}.${database}.prisma line ${at[1]}`);
      if ("whole" in rest) for (const line of lines.slice(at[0] - 1, at[1])) assert.match(line, rest.whole);
    }
  });
}
