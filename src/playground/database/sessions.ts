/**
 * The PostgreSQL runs share: one PGlite, lent to one run at a time as a session. A session is a
 * MessagePort over which the run's code worker uses the database through the Prisma driver
 * adapter interface (see `../remote-adapter/`). When it closes, the port is closed (nothing the
 * run sends afterwards arrives), what it left open is rolled back, and the database is emptied
 * for the next one: every schema dropped, the session reset. A run that changed what emptying
 * does not undo (see `cluster-fingerprint.ts`) leaves the next run a PostgreSQL started afresh.
 */
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "@lucia-prisma/adapter-pglite";
import { applyMigrationScript, migrationScript, type WasmSource } from "@lucia-prisma/client-from-schema";
import { endRunCall, readTablesCall, type TableRows } from "../protocol.ts";
import { displayValue, quoteIdentifier } from "../table-values.ts";
import { serveDriverAdapter, type ServedAdapter } from "../remote-adapter/server.ts";
import { clusterFingerprint } from "./cluster-fingerprint.ts";

export interface SessionsOptions {
  /** Starts PostgreSQL as it was built (at first, and again after a run changed the cluster). */
  start(): Promise<PGlite>;
  /** The schema engine, for the DDL of schemas the build did not compile. */
  wasm: Pick<WasmSource, "schemaEngine">;
  /** Told how many times PostgreSQL has started, each time it starts again. */
  onRestart?(starts: number): void;
}

export class PostgresqlSessions {
  readonly #options: SessionsOptions;
  #db: PGlite;
  #baseline: string;
  #starts = 1;
  /** The resets and DDL, one after the other; a session opens once the one before has been cleared away. */
  #turn: Promise<void> = Promise.resolve();

  private constructor(options: SessionsOptions, db: PGlite, baseline: string) {
    this.#options = options;
    this.#db = db;
    this.#baseline = baseline;
  }

  static async create(options: SessionsOptions): Promise<PostgresqlSessions> {
    const db = await options.start();
    await empty(db);
    return new PostgresqlSessions(options, db, await clusterFingerprint(db));
  }

  /** DDL needs the schema engine only; no client is built here. */
  get #wasm(): WasmSource {
    const none = () => Promise.reject(new Error("The database worker builds no Prisma Client: it has no query compiler."));
    return { queryCompiler: none, schemaEngine: this.#options.wasm.schemaEngine };
  }

  get starts(): number {
    return this.#starts;
  }

  /** Closes PostgreSQL, once the work under way has finished. */
  close(): Promise<void> {
    return this.#inTurn(() => this.#db.close());
  }

  /** `prisma migrate diff --from-empty --to-schema --script` for the schema, on this PostgreSQL. */
  migrationScript(schemaText: string): Promise<string> {
    return this.#inTurn(() => migrationScript({ text: schemaText, provider: "postgresql" }, new PrismaPGlite(this.#db), this.#wasm));
  }

  /** An empty database with the script's tables, served on `port` until the session is closed. */
  async open(port: MessagePort, script: string): Promise<{ close(): Promise<void> }> {
    let served: ServedAdapter | undefined;
    await this.#inTurn(async () => {
      const db = this.#db;
      await applyMigrationScript(new PrismaPGlite(db), script);
      served = serveDriverAdapter(port, {
        factory: (emit) => new PrismaPGlite(db, { onQuery: emit }),
        extras: {
          // PGlite is one connection: this reads what the run sees, inside a transaction it left open too.
          [readTablesCall]: () => readTables(db),
          [endRunCall]: async () => {
            await served?.rollBackOpenTransactions();
            return readTables(db);
          },
        },
      });
    });
    let closing: Promise<void> | undefined;
    return {
      close: () => (closing ??= this.#close(served!)),
    };
  }

  async #close(served: ServedAdapter): Promise<void> {
    await served.close("This run has ended: its session with PostgreSQL is closed.");
    await this.#inTurn(async () => {
      // A run can change the cluster so that emptying fails (an event trigger that refuses DDL):
      // that, like a changed fingerprint, calls for PostgreSQL started afresh.
      const emptied = await empty(this.#db).then(
        async () => (await clusterFingerprint(this.#db)) === this.#baseline,
        () => false,
      );
      if (emptied) return;
      await this.#db.close().catch(() => {});
      this.#db = await this.#options.start();
      await empty(this.#db);
      this.#baseline = await clusterFingerprint(this.#db);
      this.#starts += 1;
      this.#options.onRestart?.(this.#starts);
    });
  }

  #inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.#turn.then(work);
    this.#turn = turn.then(
      () => {},
      () => {},
    );
    return turn;
  }
}

/**
 * Ends a transaction left open, resets the session (settings, prepared statements, temporary
 * tables, role) and drops every schema but the system's, then makes `public` anew.
 */
async function empty(db: PGlite): Promise<void> {
  // Separate calls: DISCARD ALL cannot run inside a transaction, a multi-statement string's included.
  await db.exec("ROLLBACK");
  await db.exec("DISCARD ALL");
  const schemas = await db.query<{ name: string }>(
    "SELECT nspname AS name FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp\\_%'",
  );
  await db.exec(`${schemas.rows.map(({ name }) => `DROP SCHEMA ${quoteIdentifier(name)} CASCADE;`).join(" ")} CREATE SCHEMA "public";`);
}

/** Every table of `public` and its rows, as the Tables region shows them. */
async function readTables(db: PGlite): Promise<TableRows[]> {
  const tables = await db.query<{ name: string }>(
    "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations' ORDER BY c.oid",
  );
  const result: TableRows[] = [];
  for (const { name } of tables.rows) {
    const rows = await db.query<unknown[]>(`SELECT * FROM "public".${quoteIdentifier(name)}`, [], { rowMode: "array" });
    result.push({ name, columns: rows.fields.map((field) => field.name), rows: rows.rows.map((row) => row.map(displayValue)) });
  }
  return result;
}
