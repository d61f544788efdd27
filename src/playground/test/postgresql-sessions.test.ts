/**
 * PostgreSQL's sessions, in Node as the database worker runs them: each run finds an empty
 * database with its tables, nothing it leaves reaches the next, and a run that changes the
 * cluster itself leaves the next one a PostgreSQL started afresh (and only such a run does).
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { createClient, loadSchemaCompiler, type CompiledSchema, type RuntimePrismaClient } from "@lucia-prisma/client-from-schema";
import { nodeWasmSource } from "@lucia-prisma/client-from-schema/node";
import { clusterSnapshot } from "../build/cluster-snapshot.ts";
import { PostgresqlSessions } from "../database/sessions.ts";
import { endRunCall, readTablesCall, type TableRows } from "../protocol.ts";
import { PortAdapterFactory } from "../remote-adapter/client.ts";

const wasm = nodeWasmSource();
const reference = fileURLToPath(new URL("../../../packages/adapter-prisma/schemas/reference.postgresql.prisma", import.meta.url));
let sessions: PostgresqlSessions;
let schema: CompiledSchema;
let script: string;
const restarts: number[] = [];

before(async () => {
  sessions = await PostgresqlSessions.create({
    start: async () => PGlite.create({ loadDataDir: new Blob([await clusterSnapshot()], { type: "application/gzip" }) }),
    wasm,
    onRestart: (starts) => restarts.push(starts),
  });
  const compiled = (await loadSchemaCompiler(wasm)).compile(await readFile(reference, "utf8"));
  assert.ok(compiled.ok);
  schema = compiled.schema;
  script = await sessions.migrationScript(schema.text);
});

/** One run: a session, a client over it as the code worker makes one, then the end of the run. */
async function inSession<T>(work: (client: RuntimePrismaClient, adapter: PortAdapterFactory) => Promise<T>): Promise<{ result: T; tables: TableRows[] }> {
  const { port1, port2 } = new MessageChannel();
  const session = await sessions.open(port1, script);
  const adapter = new PortAdapterFactory(port2, { provider: "postgres", adapterName: "@lucia-prisma/adapter-pglite" });
  const client = createClient(schema, wasm, { adapter });
  try {
    const result = await work(client, adapter);
    return { result, tables: await adapter.extra<TableRows[]>(endRunCall) };
  } finally {
    await session.close();
    port2.close();
  }
}

const user = (client: RuntimePrismaClient) => client["user"] as { create(args: object): Promise<unknown>; count(): Promise<number> };

describe("PostgreSQL sessions", () => {
  after(async () => {
    await sessions.close();
    assert.deepEqual(restarts, [2], "PostgreSQL started again once: after the run that changed the cluster");
  });

  test("a run finds its tables, and its writes, settings and schemas are gone in the next", async () => {
    const first = await inSession(async (client) => {
      await user(client).create({ data: { id: "kept" } });
      await client.$executeRawUnsafe("CREATE SCHEMA leftover");
      await client.$executeRawUnsafe("SET statement_timeout = 1234");
      await client.$executeRawUnsafe("PREPARE leftover_plan AS SELECT 1");
      return user(client).count();
    });
    assert.equal(first.result, 1);
    assert.deepEqual(first.tables.find((table) => table.name === "User")?.rows, [['"kept"']]);
    const second = await inSession(async (client) => ({
      users: await user(client).count(),
      schemas: await client.$queryRawUnsafe("SELECT nspname FROM pg_namespace WHERE nspname = 'leftover'"),
      timeout: await client.$queryRawUnsafe("SELECT current_setting('statement_timeout') AS value"),
      plans: await client.$queryRawUnsafe("SELECT count(*)::int AS n FROM pg_prepared_statements"),
    }));
    assert.deepEqual(second.result, { users: 0, schemas: [], timeout: [{ value: "0" }], plans: [{ n: 0 }] });
    assert.equal(sessions.starts, 1);
  });

  test("a transaction a run left open is rolled back when it ends, and its rows are not in its tables", async () => {
    const { tables } = await inSession(async (client) => {
      let inside!: () => void;
      const reached = new Promise<void>((resolve) => (inside = resolve));
      void client.$transaction(async (tx: RuntimePrismaClient) => {
        await user(tx).create({ data: { id: "uncommitted" } });
        inside();
        await new Promise(() => {});
      }).catch(() => {});
      await reached;
    });
    assert.deepEqual(tables.find((table) => table.name === "User")?.rows, []);
    const { result } = await inSession((client) => user(client).count());
    assert.equal(result, 0);
  });

  test("the timeline's read, mid-run, sees what the run's connection sees (an open transaction's rows too) and ends nothing", async () => {
    const { result, tables } = await inSession(async (client, adapter) => {
      const readUsers = async () => (await adapter.extra<TableRows[]>(readTablesCall)).find((table) => table.name === "User")?.rows;
      await user(client).create({ data: { id: "committed" } });
      const afterCommit = await readUsers();
      let inside!: () => void;
      let finish!: () => void;
      const reached = new Promise<void>((resolve) => (inside = resolve));
      const transaction = client.$transaction(async (tx: RuntimePrismaClient) => {
        await user(tx).create({ data: { id: "in-transaction" } });
        inside();
        await new Promise<void>((resolve) => (finish = resolve));
      });
      await reached;
      const inTransaction = await readUsers();
      finish();
      await transaction;
      return { afterCommit, inTransaction, count: await user(client).count() };
    });
    assert.deepEqual(result, { afterCommit: [['"committed"']], inTransaction: [['"committed"'], ['"in-transaction"']], count: 2 });
    assert.equal(tables.find((table) => table.name === "User")?.rows.length, 2);
  });

  test("ordinary runs, one after another, leave the cluster as it was: PostgreSQL is not started again", async () => {
    for (let round = 0; round < 3; round++) {
      await inSession(async (client) => {
        await client.$transaction([user(client).create({ data: { id: `u${round}` } }), user(client).create({ data: { id: `v${round}` } })]);
        await client.$executeRawUnsafe('CREATE INDEX ON "User" (id)');
        await client.$executeRawUnsafe("CREATE TYPE mood AS ENUM ('ok')");
        await client.$executeRawUnsafe("CREATE FUNCTION public.twice(x int) RETURNS int LANGUAGE sql AS 'SELECT x * 2'");
      });
    }
    assert.equal(sessions.starts, 1);
  });

  test("a run that changes the cluster (a role, an event trigger calling a pg_catalog function) leaves the next a fresh PostgreSQL", async () => {
    await inSession(async (client) => {
      await client.$executeRawUnsafe(
        "CREATE FUNCTION pg_catalog.block_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'blocked'; END $$",
      );
      await client.$executeRawUnsafe("CREATE EVENT TRIGGER block_ddl ON ddl_command_start EXECUTE FUNCTION pg_catalog.block_ddl()");
      await client.$executeRawUnsafe("CREATE ROLE intruder");
    });
    assert.equal(sessions.starts, 2);
    const { result } = await inSession(async (client) => ({
      roles: await client.$queryRawUnsafe("SELECT count(*)::int AS n FROM pg_roles WHERE rolname = 'intruder'"),
      users: await user(client).count(),
    }));
    assert.deepEqual(result, { roles: [{ n: 0 }], users: 0 });
  });
});
