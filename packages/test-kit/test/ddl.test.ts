import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import Database from "better-sqlite3";
import pg from "pg";
import { applyDdl, createDatabase, ddlFromSchema, type RunningServer } from "../src/index.ts";
import { adapterPrismaDir } from "../src/paths.ts";
import { serverForFile } from "./support/server-for-file.ts";

const schemasDir = join(adapterPrismaDir, "schemas");
const fixture = (name: string) => readFile(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

describe("ddlFromSchema for SQLite", () => {
  test("prints the script prisma migrate diff prints for the reference schema", async () => {
    const ddl = await ddlFromSchema(join(schemasDir, "reference.sqlite.prisma"), "sqlite");
    assert.equal(ddl, await fixture("reference.sqlite.sql"));
  });

  test("the renamed schema's script creates its mapped tables, columns and indexes", async () => {
    const ddl = await ddlFromSchema(join(schemasDir, "renamed.sqlite.prisma"), "sqlite");
    const database = new Database(":memory:");
    try {
      database.exec(ddl);
      const objects = database
        .prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
        .all();
      assert.deepEqual(objects, [
        { type: "index", name: "auth_key_id_key" },
        { type: "index", name: "auth_key_user_id_idx" },
        { type: "index", name: "auth_user_id_key" },
        { type: "index", name: "auth_user_username_key" },
        { type: "index", name: "user_session_id_key" },
        { type: "index", name: "user_session_user_id_idx" },
        { type: "table", name: "auth_key" },
        { type: "table", name: "auth_user" },
        { type: "table", name: "user_session" },
      ]);
      const columns = database.prepare("SELECT name FROM pragma_table_info('user_session') ORDER BY cid").pluck().all();
      assert.deepEqual(columns, ["id", "user_id", "active_expires", "idle_expires", "country"]);
    } finally {
      database.close();
    }
  });

  test("a schema the engine rejects fails with the engine's message", async () => {
    await assert.rejects(ddlFromSchema(join(schemasDir, "reference.mysql.prisma"), "sqlite"), /Could not compute DDL/);
  });

  test("PostgreSQL without a database URL is refused up front", async () => {
    await assert.rejects(ddlFromSchema(join(schemasDir, "reference.postgresql.prisma"), "postgresql"), /needs a database URL/);
  });
});

const postgresSuite = "ddlFromSchema for PostgreSQL";
describe(postgresSuite, () => {
  let server: RunningServer | undefined;
  before(async () => {
    server = await serverForFile("postgres", postgresSuite);
  });
  after(async () => {
    await server?.stop();
  });

  for (const variant of ["reference", "renamed"] as const) {
    test(`the ${variant} script applies cleanly to an empty database`, async () => {
      if (server === undefined) return;
      const url = await createDatabase(server.url, `testkit_ddl_${variant}`);
      const ddl = await ddlFromSchema(join(schemasDir, `${variant}.postgresql.prisma`), "postgresql", url);
      assert.match(ddl, /^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";/);
      await applyDdl(url, ddl);

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ table_name: string }>(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
        );
        const expected = variant === "reference" ? ["Key", "Session", "User"] : ["auth_key", "auth_user", "user_session"];
        assert.deepEqual(rows.map((r) => r.table_name), expected);
        const { rows: keys } = await client.query<{ conname: string; confdeltype: string }>(
          "SELECT conname, confdeltype FROM pg_constraint WHERE contype = 'f' ORDER BY conname",
        );
        assert.ok(keys.length === 2 && keys.every((k) => k.confdeltype === "c"), "both foreign keys cascade on delete");
      } finally {
        await client.end();
      }
    });
  }
});
