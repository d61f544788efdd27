/** format() and completions(): what an editor of Prisma schemas gets from Prisma's own wasm. */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { loadSchemaCompiler, type SchemaCompiler } from "../src/index.ts";
import { nodeWasmSource } from "../src/node.ts";

const run = promisify(execFile);

let compiler: SchemaCompiler;
before(async () => {
  compiler = await loadSchemaCompiler(nodeWasmSource());
});

const untidy = `datasource db {\n provider = "sqlite"\n}\nmodel User {\nid String @id\n  sessions Session[]\n}\nmodel Session {\n id String @id\n user_id String\n user User @relation(fields:[user_id], references:[id], onDelete: )\n}\n`;

/** What `prisma format` writes into the file. */
async function prismaFormat(schema: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "client-from-schema-format-"));
  try {
    const path = join(dir, "schema.prisma");
    await writeFile(path, schema);
    await writeFile(join(dir, "engine"), "");
    await run("npx", ["prisma", "format", "--schema", path], {
      cwd: fileURLToPath(new URL("../../..", import.meta.url)),
      env: { ...process.env, NO_COLOR: "1", PRISMA_SCHEMA_ENGINE_BINARY: join(dir, "engine"), PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
    return await readFile(path, "utf8");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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
