/** What compile() returns for good and bad schemas, and what a built client exposes. */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { generateClient } from "@internal/test-kit";
import { loadSchemaCompiler, type SchemaCompiler, migrationScript } from "../src/index.ts";
import { nodeWasmSource } from "../src/node.ts";
import { compileOrThrow, repoSchemas, sqliteFile, withPrismaCli, type TestClient } from "./helpers.ts";

const sqlite = 'datasource db {\n  provider = "sqlite"\n}\n\n';

let compiler: SchemaCompiler;
before(async () => {
  compiler = await loadSchemaCompiler(nodeWasmSource());
});

/** `prisma validate`'s report, from `error:` to the error count, with the file path as the wasm prints it. */
function prismaValidateReport(schema: string): Promise<string> {
  return withPrismaCli(schema, async (path, prisma) => {
    const result = await prisma(["validate"]).then(
      () => assert.fail("prisma validate accepted an invalid schema"),
      (error: { stdout: string; stderr: string }) => `${error.stdout}${error.stderr}`,
    );
    const report = /^error: [\s\S]*?Validation Error Count: \d+/m.exec(result)?.[0];
    assert.ok(report !== undefined, `no report in:\n${result}`);
    return report.replaceAll(path, "schema.prisma");
  });
}

describe("invalid schemas", () => {
  const invalid = `${sqlite}model User {\n  id    String @id\n  // café 😀 before the errors: offsets count UTF-16 units\n  age   Intt // 😀\n  posts Post[]\n}\n`;

  test("return Prisma's report, word for word as prisma validate prints it", async () => {
    const result = compiler.compile(invalid);
    assert.ok(!result.ok);
    assert.equal(result.message, await prismaValidateReport(invalid));
  });

  test("return each diagnostic with its line and column", () => {
    const result = compiler.compile(invalid);
    assert.ok(!result.ok);
    assert.deepEqual(
      result.diagnostics.map(({ severity, line, column, endLine, endColumn }) => ({ severity, line, column, endLine, endColumn })),
      [
        { severity: "error", line: 8, column: 9, endLine: 8, endColumn: 13 },
        { severity: "error", line: 9, column: 9, endLine: 9, endColumn: 13 },
      ],
    );
    assert.match(result.diagnostics[0]?.message ?? "", /Type "Intt" is neither a built-in type/);
  });

  test("build nothing: the result has no schema, client or DDL", () => {
    const result = compiler.compile(invalid);
    assert.deepEqual(Object.keys(result).sort(), ["diagnostics", "message", "notices", "ok"]);
  });

  test("a syntax error is reported too", () => {
    const result = compiler.compile("model {");
    assert.ok(!result.ok);
    assert.match(result.message, /It does not start with any known Prisma schema keyword/);
    assert.equal(result.diagnostics[0]?.line, 1);
  });
});

describe("schemas that cannot run here", () => {
  test("no models: a clear message", () => {
    for (const text of ["", sqlite, `${sqlite}enum Role {\n  A\n}\n`]) {
      const result = compiler.compile(text);
      assert.ok(!result.ok);
      assert.match(result.message, /defines no models/);
    }
  });

  test("MongoDB: a clear message and no diagnostics to chase", () => {
    const result = compiler.compile('datasource db {\n  provider = "mongodb"\n}\n\nmodel A {\n  id String @id @map("_id")\n}\n');
    assert.ok(!result.ok);
    assert.match(result.message, /client-from-schema cannot run/);
    assert.deepEqual(result.diagnostics, []);
  });

  test("MySQL native types are reported against the reader's lines, with the replacement notice", () => {
    const result = compiler.compile('datasource db {\n  provider = "mysql"\n  url      = env("DATABASE_URL")\n}\n\nmodel A {\n  id String @id @db.VarChar(36)\n}\n');
    assert.ok(!result.ok);
    assert.equal(result.notices[0]?.code, "datasource-replaced");
    assert.equal(result.diagnostics[0]?.line, 7);
  });

  test("PostgreSQL native types are PostgreSQL's own: they compile, the url is dropped with a notice", () => {
    const result = compiler.compile('datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\nmodel A {\n  id String @id @db.Uuid\n}\n');
    assert.ok(result.ok);
    assert.equal(result.schema.provider, "postgresql");
    assert.equal(result.notices[0]?.code, "datasource-replaced");
  });
});

describe("what readers paste", () => {
  test("models only: compiled with a notice", () => {
    const result = compiler.compile("model User {\n  id String @id\n}\n");
    assert.ok(result.ok);
    assert.equal(result.notices[0]?.code, "datasource-added");
    assert.deepEqual(result.schema.models.map((model) => model.delegate), ["user"]);
  });

  test("a full PostgreSQL schema with a generator: compiled for PostgreSQL, preview features kept", () => {
    const result = compiler.compile(
      'generator client {\n  provider        = "prisma-client-js"\n  previewFeatures = ["relationJoins"]\n}\n\ndatasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\nmodel User {\n  id String @id\n}\n',
    );
    assert.ok(result.ok);
    assert.deepEqual(result.schema.blueprint.previewFeatures, ["relationJoins"]);
    assert.match(result.schema.text, /provider = "postgresql"/);
    assert.equal(result.schema.blueprint.activeProvider, "postgresql");
  });
});

describe("models and the client", () => {
  test("the model list names delegates, tables and relation fields", async () => {
    const schema = compileOrThrow(compiler, await readFile(new URL("renamed.sqlite.prisma", repoSchemas), "utf8"));
    assert.deepEqual(
      schema.models.map((model) => ({ delegate: model.delegate, table: model.tableName, relations: model.relations.map((relation) => `${relation.name}→${relation.model}`) })),
      [
        { delegate: "authUser", table: "auth_user", relations: ["sessions→AuthSession", "keys→AuthKey"] },
        { delegate: "authSession", table: "user_session", relations: ["owner→AuthUser"] },
        { delegate: "authKey", table: "auth_key", relations: ["owner→AuthUser"] },
      ],
    );
    assert.deepEqual(schema.models[1]?.relations[0]?.fromFields, ["user_id"]);
  });

  test("the client has the schema's delegates and nothing else, like a generated one", async () => {
    const generated = await generateClient({ schemaPath: fileURLToPath(new URL("renamed.sqlite.prisma", repoSchemas)), prisma: 7, name: "cfs-renamed" });
    const schema = compileOrThrow(compiler, generated.schemaText);
    const database = await sqliteFile();
    try {
      const { PrismaClient } = (await import(generated.entry)) as { PrismaClient: new (options: object) => TestClient };
      const fromGenerate = new PrismaClient({ adapter: database.factory });
      const fromText = compiler.createClient<TestClient>(schema, { adapter: database.factory });
      const delegates = (client: TestClient) =>
        ["user", "session", "key", "authUser", "authSession", "authKey"].filter((name) => client[name] !== undefined);
      assert.deepEqual(delegates(fromText), ["authUser", "authSession", "authKey"]);
      assert.deepEqual(delegates(fromText), delegates(fromGenerate));
      assert.deepEqual(Object.keys(fromText).sort(), Object.keys(fromGenerate).sort());
    } finally {
      await database.remove();
    }
  });

  test("the DDL is the migrate diff script: tables, mapped names, indexes and foreign keys", async () => {
    const schema = compileOrThrow(compiler, await readFile(new URL("renamed.sqlite.prisma", repoSchemas), "utf8"));
    const database = await sqliteFile();
    try {
      const script = await migrationScript(schema, database.factory, nodeWasmSource());
      assert.match(script, /^-- CreateTable\nCREATE TABLE "auth_user" \(/);
      assert.match(script, /CONSTRAINT "user_session_user_id_fkey" FOREIGN KEY \("user_id"\) REFERENCES "auth_user" \("id"\) ON DELETE CASCADE ON UPDATE CASCADE/);
      assert.match(script, /CREATE UNIQUE INDEX "auth_user_username_key" ON "auth_user"\("username"\);/);
      assert.match(script, /CREATE INDEX "user_session_user_id_idx" ON "user_session"\("user_id"\);/);
    } finally {
      await database.remove();
    }
  });
});
