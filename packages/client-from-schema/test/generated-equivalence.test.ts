/**
 * The proof that a client built from schema text is the client `prisma generate` makes: the
 * runtime data model and parameterization schema are deep-equal to what the generated client
 * embeds, and the same queries give the same results and the same SQL through both.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { generateClient, type GeneratedClient } from "@internal/test-kit";
import { PrismaSqlJs } from "@lucia-prisma/adapter-sqljs";
import initSqlJs from "sql.js";
import { applyMigrationScript, loadSchemaCompiler, type CompiledSchema, type SchemaCompiler, migrationScript } from "../src/index.ts";
import { nodeWasmSource } from "../src/node.ts";
import { compileOrThrow, ownSchemas, readEmbeddedConfig, repoSchemas, sqliteFile, type Outcome, type TestClient } from "./helpers.ts";
import { featuresScenario, luciaScenario } from "./scenarios.ts";

const cases = [
  {
    name: "reference",
    schema: new URL("reference.sqlite.prisma", repoSchemas),
    scenario: luciaScenario({ user: "user", session: "session", key: "key", relation: "user" }),
  },
  {
    name: "renamed",
    schema: new URL("renamed.sqlite.prisma", repoSchemas),
    scenario: luciaScenario({ user: "authUser", session: "authSession", key: "authKey", relation: "owner" }),
  },
  {
    name: "features",
    schema: new URL("features.sqlite.prisma", ownSchemas),
    scenario: featuresScenario,
  },
];

let compiler: SchemaCompiler;
before(async () => {
  compiler = await loadSchemaCompiler(nodeWasmSource());
});

for (const { name, schema, scenario } of cases) {
  describe(`${name} schema: built from text vs prisma generate`, () => {
    let generated: GeneratedClient;
    let compiled: CompiledSchema;
    before(async () => {
      generated = await generateClient({ schemaPath: fileURLToPath(schema), prisma: 7, name: `cfs-${name}` });
      compiled = compileOrThrow(compiler, generated.schemaText);
    });

    test("the active provider is the generated one", async () => {
      assert.equal(compiled.blueprint.activeProvider, (await readEmbeddedConfig(generated.dir)).activeProvider);
    });

    test("the runtime data model is deep-equal to the generated one", async () => {
      const embedded = await readEmbeddedConfig(generated.dir);
      assert.deepStrictEqual(compiled.blueprint.runtimeDataModel, embedded.runtimeDataModel);
    });

    test("the parameterization schema is deep-equal to the generated one", async () => {
      const embedded = await readEmbeddedConfig(generated.dir);
      assert.deepStrictEqual(compiled.blueprint.parameterizationSchema, embedded.parameterizationSchema);
      assert.ok(embedded.parameterizationSchema.graph.length > 100, "the generated graph is not empty");
    });

    test("the same queries give the same results and the same SQL, on better-sqlite3 and on sql.js", async () => {
      const runs: { outcomes: Outcome[]; sql: string[] }[] = [];
      const databases = [await sqliteFile(), await sqliteFile()];
      const sqlJsDatabase = new (await initSqlJs()).Database();
      try {
        const factories = [databases[0]!.factory, databases[1]!.factory, new PrismaSqlJs(sqlJsDatabase)];
        const script = await migrationScript(compiled, factories[2]!, nodeWasmSource());
        const { PrismaClient } = (await import(generated.entry)) as { PrismaClient: new (options: object) => TestClient };
        const log = [{ emit: "event", level: "query" }] as const;
        const clients: TestClient[] = [
          new PrismaClient({ adapter: factories[0], log }),
          compiler.createClient<TestClient>(compiled, { adapter: factories[1]!, log: [...log] }),
          compiler.createClient<TestClient>(compiled, { adapter: factories[2]!, log: [...log] }),
        ];
        for (const [index, client] of clients.entries()) {
          await applyMigrationScript(factories[index]!, script);
          const sql: string[] = [];
          client.$on("query", (event) => sql.push(event.query));
          runs.push({ outcomes: await scenario(client), sql });
          await client.$disconnect();
        }
      } finally {
        sqlJsDatabase.close();
        await Promise.all(databases.map((database) => database.remove()));
      }
      const [fromGenerate, fromText, fromTextOnSqlJs] = runs;
      assert.deepStrictEqual(fromText!.outcomes, fromGenerate!.outcomes);
      assert.deepStrictEqual(fromText!.sql, fromGenerate!.sql);
      assert.ok(fromText!.sql.length > 10, "the scenario ran SQL");
      assert.deepStrictEqual(fromTextOnSqlJs!.outcomes, fromGenerate!.outcomes);
      assert.deepStrictEqual(fromTextOnSqlJs!.sql, fromGenerate!.sql);
    });
  });
}
