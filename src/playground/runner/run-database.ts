/**
 * The database of one run: fresh and empty when the run starts, read out for the Tables region
 * when it ends. SQLite is a new sql.js database each run. PostgreSQL is the worker's one PGlite
 * (starting PostgreSQL takes a second or more), emptied before each run; statements a run sends
 * after it has ended are refused, so they cannot land in the next run's database.
 */
import type { PGlite } from "@electric-sql/pglite";
import type { SqlJsStatic } from "sql.js";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaSqlJs } from "@lucia-prisma/adapter-sqljs";
import { applyMigrationScript, migrationScript, type CompiledSchema, type WasmSource } from "@lucia-prisma/client-from-schema";
import type { TableRows } from "../protocol.ts";
import type { Postgresql } from "./postgresql.ts";

/** What both adapters' query hooks report, as far as the Queries region shows it. */
export interface StatementEvent {
  sql: string;
  args: readonly unknown[];
  durationMs: number;
  inTransaction: boolean;
  error?: { message: string; kind?: string };
}

export interface RunDatabase {
  /** Creates the schema's tables: with the build's DDL when there is one, else computed here. */
  createTables(schema: CompiledSchema, migrationScript: string | undefined): Promise<void>;
  /** The driver adapter the reader's PrismaClient uses, reporting every statement. */
  adapter(onQuery: (event: StatementEvent) => void): SqlMigrationAwareDriverAdapterFactory;
  readTables(): Promise<TableRows[]>;
  /** Ends the run's use of the database; later statements from the run fail. */
  close(): Promise<void>;
}

export function openSqlite(sqlJs: SqlJsStatic): RunDatabase {
  const database = new sqlJs.Database();
  return {
    async createTables(_schema, migrationScript) {
      if (migrationScript === undefined) throw new Error("A SQLite run needs its DDL from the page.");
      await applyMigrationScript(new PrismaSqlJs(database), migrationScript);
    },
    adapter: (onQuery) => new PrismaSqlJs(database, { onQuery }),
    async readTables() {
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
    },
    async close() {
      database.close();
    },
  };
}

/**
 * Empties the PGlite for a run: ends a transaction a stopped run left open, resets the session
 * (settings, prepared statements, temporary tables) and drops every schema the reader could
 * have created, then gives the run a view of the database that it cannot use once it has ended.
 */
export async function openPostgresql({ db, PrismaPGlite }: Postgresql, wasm: WasmSource): Promise<RunDatabase> {
  // Separate calls: DISCARD ALL cannot run inside a transaction, a multi-statement string's included.
  await db.exec("ROLLBACK");
  await db.exec("DISCARD ALL");
  const schemas = await db.query<{ name: string }>(
    "SELECT nspname AS name FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp\\_%'",
  );
  await db.exec(`${schemas.rows.map(({ name }) => `DROP SCHEMA ${quoteIdentifier(name)} CASCADE;`).join(" ")} CREATE SCHEMA "public";`);

  const fence = { closed: false };
  const view = fencedPGlite(db, fence);
  return {
    async createTables(schema, script) {
      const adapter = new PrismaPGlite(view);
      await applyMigrationScript(adapter, script ?? (await migrationScript(schema, adapter, wasm)));
    },
    adapter: (onQuery) => new PrismaPGlite(view, { onQuery }),
    async readTables() {
      const tables = await db.query<{ name: string }>(
        "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations' ORDER BY c.oid",
      );
      const result: TableRows[] = [];
      for (const { name } of tables.rows) {
        const rows = await db.query<unknown[]>(`SELECT * FROM "public".${quoteIdentifier(name)}`, [], { rowMode: "array" });
        result.push({ name, columns: rows.fields.map((field) => field.name), rows: rows.rows.map((row) => row.map(displayValue)) });
      }
      return result;
    },
    async close() {
      fence.closed = true;
    },
  };
}

/** The PGlite with its query methods refusing work once the run has ended. */
function fencedPGlite(db: PGlite, fence: { closed: boolean }): PGlite {
  const guarded = new Set<PropertyKey>(["query", "sql", "exec", "transaction", "execProtocol", "execProtocolRaw"]);
  return new Proxy(db, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      if (!guarded.has(property)) return value.bind(target);
      return (...args: unknown[]) => {
        if (fence.closed) return Promise.reject(new Error("This run has ended: a statement it sent afterwards was not run."));
        return Reflect.apply(value, target, args);
      };
    },
  });
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A value as the Tables and Queries regions show it. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Uint8Array) return `x'${[...value].map((byte) => byte.toString(16).padStart(2, "0")).join("")}'`;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
