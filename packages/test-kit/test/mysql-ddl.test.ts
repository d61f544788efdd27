import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import mariadb from "mariadb";
import { applyDdl, createDatabase, type RunningServer } from "../src/index.ts";
import { adapterPrismaDir } from "../src/paths.ts";
import { actualMySqlFacts } from "./support/mysql-actual-facts.ts";
import { expectedMySqlFacts } from "./support/mysql-expected-facts.ts";
import { factDifferences } from "./support/fact-diff.ts";
import { serverForFile } from "./support/server-for-file.ts";

const schemasDir = join(adapterPrismaDir, "schemas");
const suite = "MySQL DDL files match their .prisma schemas";

describe(suite, () => {
  let server: RunningServer | undefined;
  before(async () => {
    server = await serverForFile("mariadb", suite);
  });
  after(async () => {
    await server?.stop();
  });

  async function factsAfterApplying(sqlFile: string, database: string): Promise<string[]> {
    assert.ok(server);
    const url = await createDatabase(server.url, database);
    await applyDdl(url, await readFile(join(schemasDir, sqlFile), "utf8"));
    const connection = await mariadb.createConnection(url.replace(/^mysql:/, "mariadb:"));
    try {
      return await actualMySqlFacts(connection, database);
    } finally {
      await connection.end();
    }
  }

  for (const variant of ["reference", "renamed"] as const) {
    test(`${variant}.mysql.sql creates exactly what ${variant}.mysql.prisma describes`, async () => {
      if (server === undefined) return;
      const expected = await expectedMySqlFacts(join(schemasDir, `${variant}.mysql.prisma`));
      const actual = await factsAfterApplying(`${variant}.mysql.sql`, `testkit_ddl_${variant}`);
      const differences = factDifferences(expected, actual);
      assert.deepEqual(
        differences,
        [],
        `${variant}.mysql.sql is out of step with ${variant}.mysql.prisma; update the .sql file:\n  ${differences.join("\n  ")}`,
      );
      assert.ok(expected.length > 10, "the check compared a real number of facts");
    });
  }

  test("an edit to the .prisma file that the .sql file lacks is reported item by item", async () => {
    if (server === undefined) return;
    const dir = await mkdtemp(join(tmpdir(), "kit-schema-"));
    try {
      const original = await readFile(join(schemasDir, "reference.mysql.prisma"), "utf8");
      const edited = original
        .replace("id           String    @id @unique", "id           String    @id @unique\n  email        String?")
        .replace("onDelete: Cascade)\n\n  @@index([user_id])\n}\n\nmodel Key", "onDelete: Restrict)\n\n  @@index([user_id])\n}\n\nmodel Key");
      assert.notEqual(edited, original);
      const editedPath = join(dir, "edited.prisma");
      await writeFile(editedPath, edited);

      const expected = await expectedMySqlFacts(editedPath);
      const actual = await factsAfterApplying("reference.mysql.sql", "testkit_ddl_edited");
      assert.deepEqual(factDifferences(expected, actual), [
        "missing from the database: column User.email varchar(191) NULL",
        "missing from the database: foreign key Session.Session_user_id_fkey (user_id) -> User (id) ON DELETE RESTRICT ON UPDATE CASCADE",
        "not in the schema:         foreign key Session.Session_user_id_fkey (user_id) -> User (id) ON DELETE CASCADE ON UPDATE CASCADE",
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
