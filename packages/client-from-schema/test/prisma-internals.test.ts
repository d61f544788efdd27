/**
 * Guards the Prisma internals this package leans on. When a Prisma upgrade changes them, these
 * tests (and generated-equivalence.test.ts) are the ones that fail, with a message saying what moved.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { generateClient } from "@internal/test-kit";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { countPendingQueries, loadPrismaSchemaWasm, migrationScriptFromEmpty, prismaVersions, queryCompilerImportName } from "../src/prisma-internals.ts";
import { createClient, loadSchemaCompiler, migrationScript } from "../src/index.ts";
import { nodeWasmSource } from "../src/node.ts";
import { packageDir, repoSchemas } from "./helpers.ts";

const enginesTag = `${prismaVersions.client}-4.${prismaVersions.engine}`;

async function installedVersion(name: string): Promise<string> {
  const entry = fileURLToPath(import.meta.resolve(name));
  let dir = entry;
  for (;;) {
    dir = dir.slice(0, dir.lastIndexOf("/"));
    try {
      const manifest = JSON.parse(await readFile(`${dir}/package.json`, "utf8")) as { name?: string; version: string };
      if (manifest.name === name) return manifest.version;
    } catch {
      // keep walking up
    }
  }
}

describe("pinned Prisma internals", () => {
  const pins: Record<string, string> = {
    "@prisma/client": prismaVersions.client,
    "@prisma/dmmf": prismaVersions.client,
    "@prisma/driver-adapter-utils": prismaVersions.client,
    "@prisma/param-graph-builder": prismaVersions.client,
    "@prisma/prisma-schema-wasm": enginesTag,
    "@prisma/schema-engine-wasm": enginesTag,
  };

  test("package.json pins each internal package to the exact version this code was written against", async () => {
    const manifest = JSON.parse(await readFile(new URL("package.json", packageDir), "utf8")) as { dependencies: Record<string, string> };
    for (const [name, version] of Object.entries(pins)) {
      assert.equal(manifest.dependencies[name], version, `${name} must be pinned to exactly ${version}`);
    }
  });

  test("the installed packages are those versions", async () => {
    for (const [name, version] of Object.entries(pins)) {
      assert.equal(await installedVersion(name), version, `installed ${name} is not ${version}`);
    }
  });

  test("prisma generate embeds the client and engine versions used here", async () => {
    const generated = await generateClient({ schemaPath: fileURLToPath(new URL("reference.sqlite.prisma", repoSchemas)), prisma: 7, name: "cfs-reference" });
    const source = await readFile(`${generated.dir}/internal/class.ts`, "utf8");
    assert.match(source, new RegExp(`"clientVersion": "${prismaVersions.client}"`));
    assert.match(source, new RegExp(`"engineVersion": "${prismaVersions.engine}"`));
    assert.match(source, /^config\.runtimeDataModel = JSON\.parse\(/m, "the generated client still embeds runtimeDataModel as JSON");
    assert.match(source, /^config\.parameterizationSchema = \{$/m, "the generated client still embeds parameterizationSchema");
  });

  test("the schema engine wasm reports the pinned engine commit and diffs from empty", async () => {
    const script = await migrationScriptFromEmpty(
      'datasource db {\n  provider = "sqlite"\n}\n\nmodel A {\n  id Int @id\n}\n',
      new PrismaBetterSqlite3({ url: ":memory:" }),
      nodeWasmSource(),
    );
    assert.equal(script, '-- CreateTable\nCREATE TABLE "A" (\n    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT\n);\n');
    const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    assert.equal(bindings.version(), prismaVersions.engine);
  });

  test("both small query compilers (SQLite, PostgreSQL) import their glue under the one name given to the runtime", async () => {
    const source = nodeWasmSource();
    for (const module of [await source.queryCompiler(), await source.postgresqlQueryCompiler!()]) {
      assert.deepEqual([...new Set(WebAssembly.Module.imports(module).map((entry) => entry.module))], [queryCompilerImportName]);
    }
  });

  test("prisma-schema-wasm still has validate, lint, get_config and get_dmmf with the shapes read here", async () => {
    const wasm = await loadPrismaSchemaWasm();
    const schema = 'datasource db {\n  provider = "sqlite"\n}\n\nmodel A {\n  id Int @id\n  b  B[]\n}\n\nmodel B {\n  id  Int @id\n  aId Int\n  a   A   @relation(fields: [aId], references: [id])\n}\n';
    assert.equal(wasm.validate(schema), null);
    assert.deepEqual(wasm.lint(schema), []);
    assert.deepEqual(wasm.readBlocks(schema), { datasources: [{ name: "db", provider: "sqlite" }], previewFeatures: [] });
    const dmmf = wasm.readDmmf(schema);
    assert.deepEqual(dmmf.datamodel.models.map((model) => model.name), ["A", "B"]);
    const mapping = dmmf.mappings.modelOperations.find((candidate) => candidate.model === "A");
    assert.equal(mapping?.findUnique, "findUniqueA");
    assert.equal(mapping?.create, "createOneA");
    const failure = wasm.validate("model {");
    assert.equal(failure?.errorCode, "P1012");
    assert.match(failure?.message ?? "", /Validation Error Count: \d+$/);
  });

  test("a client's _request carries each query, so countPendingQueries counts what has not settled", async () => {
    const wasm = nodeWasmSource();
    const compiled = (await loadSchemaCompiler(wasm)).compile('datasource db {\n  provider = "sqlite"\n}\n\nmodel A {\n  id Int @id\n}\n');
    assert.ok(compiled.ok);
    const adapter = new PrismaBetterSqlite3({ url: ":memory:" });
    const ddl = await migrationScript(compiled.schema, new PrismaBetterSqlite3({ url: ":memory:" }), wasm);
    const client = createClient<{ a: { create(args: object): Promise<unknown>; count(): Promise<number> }; $executeRawUnsafe(sql: string): Promise<number>; $transaction(queries: unknown[]): Promise<unknown>; $extends(extension: object): { a: { count(): Promise<number> } }; $disconnect(): Promise<void> }>(compiled.schema, wasm, { adapter });
    const counted = countPendingQueries(client);
    await client.$executeRawUnsafe(ddl.replace("-- CreateTable\n", ""));
    assert.equal(counted.pending, 0);
    const batch = client.$transaction([client.a.create({ data: { id: 1 } }), client.a.create({ data: { id: 2 } })]);
    // Prisma's promises are lazy: a query runs once something awaits it (then), as here.
    const single = client.a.count().then((count) => count);
    const extended = client.$extends({}).a.count().then((count) => count);
    const notSent = client.a.count();
    await Promise.resolve();
    assert.equal(counted.pending, 4, "two queries of a batch, a model call and one through $extends; not the one nothing awaits");
    void notSent;
    await Promise.all([batch, single, extended]);
    assert.equal(counted.pending, 0);
    await client.$disconnect();
  });

  test("countPendingQueries fails loudly on a client without _request", () => {
    assert.throws(() => countPendingQueries({}), /no _request method .* pinned to Prisma 7\.10\.0/);
  });
});
