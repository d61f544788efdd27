/**
 * The same proof as generated-equivalence.test.ts, on PostgreSQL: a client built from schema text
 * is the client `prisma generate` makes (active provider, runtime data model, parameterization
 * schema), and the same queries give the same results and the same SQL through both, on PGlite
 * and, when the test server is there, on PostgreSQL through @prisma/adapter-pg. The DDL comes
 * from the wasm schema engine through the PGlite adapter, and is the one it gives through adapter-pg.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { createDatabase, ddlFromSchema, generateClient, type GeneratedClient } from "@internal/test-kit";
import { PrismaPGlite } from "@lucia-prisma/adapter-pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { applyMigrationScript, loadSchemaCompiler, type CompiledSchema, type SchemaCompiler, migrationScript } from "../src/index.ts";
import { nodeWasmSource } from "../src/node.ts";
import { compileOrThrow, ownSchemas, readEmbeddedConfig, repoSchemas, type Outcome, type TestClient } from "./helpers.ts";
import { featuresScenario, luciaScenario } from "./scenarios.ts";

const cases = [
  {
    name: "reference",
    schema: new URL("reference.postgresql.prisma", repoSchemas),
    scenario: luciaScenario({ user: "user", session: "session", key: "key", relation: "user" }),
  },
  {
    name: "renamed",
    schema: new URL("renamed.postgresql.prisma", repoSchemas),
    scenario: luciaScenario({ user: "authUser", session: "authSession", key: "authKey", relation: "owner" }),
  },
  {
    name: "features",
    schema: new URL("features.postgresql.prisma", ownSchemas),
    scenario: featuresScenario,
  },
];

const server = process.env["DATABASE_URL_POSTGRES"];
if (server === undefined) {
  console.log("SKIPPED: the PostgreSQL server half of the PostgreSQL equivalence proof (DATABASE_URL_POSTGRES is not set; npm test starts a server); the PGlite half runs");
}

/** PGlite takes seconds to start: one for the file, emptied before each client's run. */
let pglite: Promise<PGlite> | undefined;
async function emptyPGlite(): Promise<PGlite> {
  const db = await (pglite ??= PGlite.create());
  await db.exec('DROP SCHEMA IF EXISTS "public" CASCADE;\nCREATE SCHEMA "public";');
  return db;
}

let databases = 0;
async function emptyServerDatabase(url: string): Promise<string> {
  databases += 1;
  return createDatabase(url, `cfs_equivalence_${process.pid}_${databases}`);
}

let compiler: SchemaCompiler;
before(async () => {
  compiler = await loadSchemaCompiler(nodeWasmSource());
});

for (const { name, schema, scenario } of cases) {
  describe(`${name} schema on PostgreSQL: built from text vs prisma generate`, () => {
    let generated: GeneratedClient;
    let compiled: CompiledSchema;
    before(async () => {
      generated = await generateClient({ schemaPath: fileURLToPath(schema), prisma: 7, name: `cfs-${name}-postgresql` });
      compiled = compileOrThrow(compiler, generated.schemaText);
    });

    test("the schema stays PostgreSQL, and the active provider is the generated one", async () => {
      assert.equal(compiled.provider, "postgresql");
      assert.equal(compiled.blueprint.activeProvider, (await readEmbeddedConfig(generated.dir)).activeProvider);
    });

    test("the runtime data model and the parameterization schema are deep-equal to the generated ones", async () => {
      const embedded = await readEmbeddedConfig(generated.dir);
      assert.deepStrictEqual(compiled.blueprint.runtimeDataModel, embedded.runtimeDataModel);
      assert.deepStrictEqual(compiled.blueprint.parameterizationSchema, embedded.parameterizationSchema);
      assert.ok(embedded.parameterizationSchema.graph.length > 100, "the generated graph is not empty");
    });

    test("the DDL through the PGlite adapter is the DDL through adapter-pg", { skip: server === undefined }, async () => {
      const script = await migrationScript(compiled, new PrismaPGlite(await emptyPGlite()), nodeWasmSource());
      assert.match(script, /^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n/);
      assert.equal(script, await ddlFromSchema(fileURLToPath(schema), "postgresql", await emptyServerDatabase(server!)));
    });

    test("the same queries give the same results and the same SQL, on PGlite and on the server", async () => {
      const script = await migrationScript(compiled, new PrismaPGlite(await emptyPGlite()), nodeWasmSource());
      const { PrismaClient } = (await import(generated.entry)) as { PrismaClient: new (options: object) => TestClient };
      const log = [{ emit: "event", level: "query" }] as const;
      const runs: { label: string; factory: () => Promise<SqlMigrationAwareDriverAdapterFactory>; client: (adapter: SqlMigrationAwareDriverAdapterFactory) => TestClient }[] = [
        { label: "generated, PGlite", factory: async () => new PrismaPGlite(await emptyPGlite()), client: (adapter) => new PrismaClient({ adapter, log }) },
        { label: "from text, PGlite", factory: async () => new PrismaPGlite(await emptyPGlite()), client: (adapter) => compiler.createClient<TestClient>(compiled, { adapter, log: [...log] }) },
      ];
      if (server !== undefined) {
        const onServer = async () => new PrismaPg({ connectionString: await emptyServerDatabase(server) });
        runs.push(
          { label: "generated, adapter-pg", factory: onServer, client: (adapter) => new PrismaClient({ adapter, log }) },
          { label: "from text, adapter-pg", factory: onServer, client: (adapter) => compiler.createClient<TestClient>(compiled, { adapter, log: [...log] }) },
        );
      }
      const results: { label: string; outcomes: Outcome[]; sql: string[] }[] = [];
      for (const run of runs) {
        const factory = await run.factory();
        await applyMigrationScript(factory, script);
        const client = run.client(factory);
        const sql: string[] = [];
        client.$on("query", (event) => sql.push(event.query));
        results.push({ label: run.label, outcomes: await scenario(client), sql });
        await client.$disconnect();
      }
      const [reference, ...others] = results;
      assert.ok(reference!.sql.length > 10, "the scenario ran SQL");
      for (const other of others) {
        assert.deepStrictEqual(other.outcomes, reference!.outcomes, `${other.label} vs ${reference!.label}`);
        assert.deepStrictEqual(other.sql, reference!.sql, `${other.label} vs ${reference!.label}`);
      }
    });
  });
}

describe("a schema the reader switches between SQLite and PostgreSQL keeps working", () => {
  test("the same models run on sql.js, then PGlite, then sql.js again, each with its own SQL", async () => {
    const { PrismaSqlJs } = await import("@lucia-prisma/adapter-sqljs");
    const initSqlJs = (await import("sql.js")).default;
    const sqlJs = await initSqlJs();
    const text = await readFile(new URL("reference.sqlite.prisma", repoSchemas), "utf8");
    const roundTrip = async (provider: "sqlite" | "postgresql") => {
      const compiledSchema = compileOrThrow(compiler, text.replace('provider = "sqlite"', `provider = "${provider}"`));
      assert.equal(compiledSchema.provider, provider);
      // Databases the test owns: applyMigrationScript disposes of its connection, which would close an adapter-owned one.
      const adapter = provider === "sqlite" ? new PrismaSqlJs(new sqlJs.Database()) : new PrismaPGlite(await emptyPGlite());
      await applyMigrationScript(adapter, await migrationScript(compiledSchema, adapter, nodeWasmSource()));
      const client = compiler.createClient<TestClient>(compiledSchema, { adapter, log: [{ emit: "event", level: "query" }] });
      const sql: string[] = [];
      client.$on("query", (event) => sql.push(event.query));
      const user = client["user"] as { create(args: unknown): Promise<unknown>; findUnique(args: unknown): Promise<unknown> };
      await user.create({ data: { id: "u1" } });
      const found = await user.findUnique({ where: { id: "u1" } });
      await client.$disconnect();
      return { found, firstStatement: sql[0] ?? "" };
    };
    const first = await roundTrip("sqlite");
    const second = await roundTrip("postgresql");
    const third = await roundTrip("sqlite");
    assert.deepStrictEqual([first.found, second.found, third.found], [{ id: "u1" }, { id: "u1" }, { id: "u1" }]);
    assert.match(first.firstStatement, /^INSERT INTO `main`\.`User`/);
    assert.match(second.firstStatement, /^INSERT INTO "public"\."User"/);
    assert.equal(third.firstStatement, first.firstStatement);
  });

  test("a migration script for PostgreSQL through a SQLite adapter is refused with a clear message", async () => {
    const compiledSchema = compileOrThrow(compiler, 'datasource db {\n  provider = "postgresql"\n}\n\nmodel A {\n  id Int @id\n}\n');
    const { PrismaSqlJs } = await import("@lucia-prisma/adapter-sqljs");
    const initSqlJs = (await import("sql.js")).default;
    await assert.rejects(
      migrationScript(compiledSchema, new PrismaSqlJs({ sqlJs: await initSqlJs() }), nodeWasmSource()),
      /The schema runs on postgresql, but the driver adapter @lucia-prisma\/adapter-sqljs is for sqlite: give it a PostgreSQL one such as PrismaPGlite\./,
    );
  });
});
