/** format() and completions(): what an editor of Prisma schemas gets from Prisma's own wasm. */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { before, describe, test } from "node:test";
import { loadSchemaCompiler, type SchemaCompiler } from "../src/index.ts";
import { nodeWasmSource } from "../src/node.ts";
import { withPrismaCli } from "./helpers.ts";

let compiler: SchemaCompiler;
before(async () => {
  compiler = await loadSchemaCompiler(nodeWasmSource());
});

const untidy = `datasource db {\n provider = "sqlite"\n}\nmodel User {\nid String @id\n  sessions Session[]\n}\nmodel Session {\n id String @id\n user_id String\n user User @relation(fields:[user_id], references:[id], onDelete: )\n}\n`;

/** What `prisma format` writes into the file. */
function prismaFormat(schema: string): Promise<string> {
  return withPrismaCli(schema, async (path, prisma) => {
    await prisma(["format"]);
    return readFile(path, "utf8");
  });
}

describe("format", () => {
  test("writes what prisma format writes", async () => {
    const tidy = `datasource db {\n provider = "sqlite"\n}\nmodel User {\nid String @id\n  sessions Session[]\n}\nmodel Session {\n id String @id\n user_id String\n user User @relation(fields:[user_id], references:[id])\n}\n`;
    assert.equal(compiler.format(tidy), await prismaFormat(tidy));
  });

  test("aligns columns and indents with two spaces", () => {
    assert.match(compiler.format(untidy) ?? "", /^model User \{\n {2}id {7}String {4}@id\n {2}sessions Session\[\]\n\}$/m);
  });

  test("leaves text it cannot parse readable rather than failing", () => {
    assert.equal(typeof compiler.format("model {{{"), "string");
  });
});

describe("completions", () => {
  test("offer the referential actions inside onDelete:", () => {
    const line = untidy.split("\n").findIndex((text) => text.includes("onDelete"));
    const character = untidy.split("\n")[line]!.indexOf("onDelete: ") + "onDelete: ".length;
    const labels = compiler.completions(untidy, line, character).map((item) => item.label);
    assert.deepEqual(labels.sort(), ["Cascade", "NoAction", "Restrict", "SetDefault", "SetNull"]);
  });

  test("are empty, not an error, where Prisma offers none", () => {
    assert.deepEqual(compiler.completions(untidy, 0, 0), []);
  });
});
