/**
 * The database of one run, as the code worker sees it: a driver adapter factory for the reader's
 * Prisma Client, and `end()`, called as the code returns, which fences that factory off, rolls
 * back what the run left open and reads every table for the Tables region.
 *
 * SQLite is a new sql.js database in this worker. PostgreSQL is a session with the database
 * worker over a MessagePort (see `../remote-adapter/` and `../database/sessions.ts`).
 */
import type { SqlJsStatic } from "sql.js";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaSqlJs, type QueryEvent } from "@lucia-prisma/adapter-sqljs";
import { applyMigrationScript } from "@lucia-prisma/client-from-schema";
import { endRunCall, readTablesCall, type TableRows } from "../protocol.ts";
import { PortAdapterFactory } from "../remote-adapter/client.ts";
import { displayValue, quoteIdentifier } from "../table-values.ts";
import { fenceable } from "./fence.ts";

export interface RunDatabase {
  /** What the reader's PrismaClient runs on; every statement is reported to the run's hook. */
  factory: SqlDriverAdapterFactory;
  /** The message of the error a statement sent after `end()` fails with. */
  fenceReason: string;
  /** Reads every table as the run's connection sees it now (after each Lucia call, for the timeline). */
  readTables(): TableRows[] | Promise<TableRows[]>;
  /** Ends the run's use of the database and reads its tables. */
  end(): Promise<TableRows[]>;
}

const fenceReason = "This run's code had returned: a statement it sent afterwards was not run.";

/**
 * A statement gives the worker's event loop a turn when the last turn was a while ago: sql.js
 * answers within microtasks, and code that awaits statement after statement would otherwise
 * never let the worker answer the page, which stops a worker that does not answer.
 */
const breathe = (() => {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  // In Node (the tests) a port that listens keeps the process alive: only while a turn is awaited.
  const hold = (held: boolean) => (Reflect.get(channel.port1, held ? "ref" : "unref") as (() => void) | undefined)?.call(channel.port1);
  channel.port1.onmessage = () => {
    waiting.shift()?.();
    if (waiting.length === 0) hold(false);
  };
  hold(false);
  const post = channel.port2.postMessage.bind(channel.port2);
  const now = performance.now.bind(performance);
  let lastTurn = now();
  return async () => {
    if (now() - lastTurn < 50) return;
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      hold(true);
      post(null);
    });
    lastTurn = now();
  };
})();

export async function openSqlite(sqlJs: SqlJsStatic, migrationScript: string, onQuery: (event: QueryEvent) => void): Promise<RunDatabase> {
  const database = new sqlJs.Database();
  await applyMigrationScript(new PrismaSqlJs(database), migrationScript);
  const fenced = fenceable(new PrismaSqlJs(database, { onQuery }), fenceReason, breathe);
  return {
    factory: fenced.factory,
    fenceReason,
    readTables: () => readSqliteTables(database),
    async end() {
      fenced.fence();
      try {
        database.exec("ROLLBACK");
      } catch {
        // No transaction was open.
      }
      return readSqliteTables(database);
    },
  };
}

export function openPostgresqlSession(port: MessagePort, onQuery: (event: QueryEvent) => void): RunDatabase {
  const remote = new PortAdapterFactory(port, {
    provider: "postgres",
    adapterName: "@lucia-prisma/adapter-pglite",
    onEvent: (event) => onQuery(event as QueryEvent),
  });
  const fenced = fenceable(remote, fenceReason);
  return {
    factory: fenced.factory,
    fenceReason,
    readTables: () => remote.extra<TableRows[]>(readTablesCall),
    async end() {
      fenced.fence();
      return remote.extra<TableRows[]>(endRunCall);
    },
  };
}

type SqlJsDatabase = InstanceType<SqlJsStatic["Database"]>;

function readSqliteTables(database: SqlJsDatabase): TableRows[] {
  const names = database.exec(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '_prisma_migrations' ORDER BY rowid",
  );
  return (names[0]?.values ?? []).map(([name]) => {
    const tableName = String(name);
    const [result] = database.exec(`SELECT * FROM ${quoteIdentifier(tableName)}`);
    const columns =
      result?.columns ?? database.exec(`SELECT name FROM pragma_table_info('${tableName.replaceAll("'", "''")}')`)[0]?.values.map(([column]) => String(column)) ?? [];
    return { name: tableName, columns, rows: (result?.values ?? []).map((row) => row.map(displayValue)) };
  });
}
