/**
 * Messages between the playground page and its workers: the code worker of each run, the
 * database worker (PostgreSQL) and the schema tools.
 */
import type { CompiledSchema, SchemaDiagnostic, SchemaNotice } from "@lucia-prisma/client-from-schema";
import type { Database } from "./database.ts";

// ---------------------------------------------------------------------------------------------
// Code worker: runs the reader's code (untrusted), one run per worker. The page hands it a
// private MessagePort with `init`; everything after travels on that port, so whatever the code
// posts with `self.postMessage` reaches nobody.

/** To a fresh code worker, with `worker.postMessage` and the port transferred. */
export interface CodeWorkerInit {
  type: "init";
  port: MessagePort;
  database: Database;
  /** Prisma's query compiler for the database, compiled once on the page. */
  queryCompiler: WebAssembly.Module;
  /** sql.js's wasm, for SQLite's code workers. */
  sqlJs?: WebAssembly.Module;
  /** A schema whose client the worker builds and queries once (on no database) before it says it is ready. */
  warmUp?: CompiledSchema;
}

/**
 * What PostgreSQL needs to start, fetched and compiled on the page only when the reader chooses
 * it: PGlite (its wasm, its file-system bundle and a cluster initialised at build time) and
 * Prisma's PostgreSQL query compiler.
 */
export interface PostgresqlFiles {
  pglite: WebAssembly.Module;
  fsBundle: Blob;
  /** PGlite's data-dir tarball (gzipped) of a fresh cluster: starting from it skips initdb. */
  cluster: Blob;
  queryCompiler: WebAssembly.Module;
}

/** The one run of a code worker. */
export interface RunRequest {
  type: "run";
  schema: CompiledSchema;
  /** SQLite's DDL, applied to the run's fresh sql.js database. */
  migrationScript?: string;
  /** PostgreSQL's session: the driver adapter's port to the database worker, its tables made. */
  session?: MessagePort;
  /** The reader's TypeScript. */
  code: string;
  /** The same code transpiled at build time (presets), so the worker can skip that step. */
  javascript?: string;
}

/** The page asks every 250 ms while a run goes; a worker that does not answer for 2 s is stopped. */
export interface Ping {
  type: "ping";
}

export type PageToCodeWorker = RunRequest | Ping;

/**
 * At most this many console lines (and unhandled errors), statements and timeline steps of one
 * run reach the page, and the steps' tables at most `snapshotCells` cells in all.
 */
export const outputLimits = { lines: 1000, statements: 2000, steps: 200, snapshotCells: 200_000 } as const;

/** How much a run has produced so far; the page shows what it was sent and counts the rest. */
export interface RunCounts {
  lines: number;
  statements: number;
}

/** One SQL statement, as the driver adapter's query hook saw it, with the Lucia calls that caused it. */
export interface QueryItem {
  sql: string;
  /** Bound values, made displayable (bigints as `123n`, bytes as hex). */
  args: string[];
  durationMs: number;
  inTransaction: boolean;
  /** On the statement that began a transaction, and on the one that ended it (from the adapter). */
  transactionBoundary?: "begin" | "end";
  /** The adapter method running when the statement was sent, e.g. `getSessionAndUser`. */
  adapterMethod: string | null;
  /** The Lucia API call around it, e.g. `validateSession`. */
  luciaMethod: string | null;
  /** Which outermost Lucia call of the run that was (1, 2, …; see `RunStep.call`). */
  luciaCall: number | null;
  error?: string;
}

export interface ThrownError {
  name: string;
  message: string;
  /** `LuciaError`'s code (its message) or a Prisma error code such as `P2002`. */
  code?: string;
  /** 1-based line in the reader's code where it was thrown, when the stack says. */
  line?: number;
  column?: number;
  /** Extra lines worth showing (Lucia's `detail`, a configuration error's hint). */
  detail?: string;
}

export interface TableRows {
  name: string;
  columns: string[];
  rows: string[][];
}

/** The tables as one outermost Lucia call left them, read as it settled (the timeline's step). */
export interface RunStep {
  /** 1-based, in the order the calls began (`QueryItem.luciaCall`). */
  call: number;
  luciaMethod: string;
  outcome: "ok" | "error";
  /** The 1-based numbers of its first and last statement, if it sent any. */
  statements: { first: number; last: number } | null;
  tables: TableRows[];
}

export type ConsoleLevel = "log" | "info" | "warn" | "error" | "debug";

export type CodeWorkerToPage =
  | { type: "ready" }
  | { type: "start-failed"; message: string }
  | ({ type: "pong" } & RunCounts)
  | { type: "query"; query: QueryItem }
  | { type: "console"; level: ConsoleLevel; text: string; line?: number }
  | { type: "error"; error: ThrownError; unhandled: boolean }
  | { type: "step"; step: RunStep }
  /** Sent before `tables`: how many outermost Lucia calls the run made (the steps are the first of them). */
  | { type: "calls"; total: number }
  | { type: "tables"; tables: TableRows[] }
  /** `pending`: Prisma queries still unsettled when the code returned (a missing `await`); they were not run. */
  | ({ type: "done"; durationMs: number; pending: number } & RunCounts);

// ---------------------------------------------------------------------------------------------
// Database worker: PostgreSQL (PGlite), long-lived, lent to one run at a time. It never runs the
// reader's code.

/** The call a run's code worker makes on its session as the code ends: what it left open is rolled back, and the tables are read. */
export const endRunCall = "endRun";
/** The call that reads the tables as the run's connection sees them now (after each Lucia call), ending nothing. */
export const readTablesCall = "readTables";

export type PageToDatabase =
  | { type: "start"; requestId: number; files: Pick<PostgresqlFiles, "pglite" | "fsBundle" | "cluster"> }
  | { type: "schema-engine"; module: WebAssembly.Module }
  | { type: "schema-engine-failed"; message: string }
  /** `prisma migrate diff --from-empty --to-schema --script` for a schema the build did not compile. */
  | { type: "migration-script"; requestId: number; text: string }
  /** An empty database with the script's tables, served on `port` (the run's driver adapter). */
  | { type: "open"; requestId: number; port: MessagePort; script: string }
  | { type: "close"; requestId: number; sessionId: number };

export type DatabaseToPage =
  | { type: "reply"; requestId: number; value: unknown }
  | { type: "failed"; requestId: number; message: string }
  /** PostgreSQL has started again (after a run changed the cluster): how many times in all. */
  | { type: "starts"; starts: number }
  /** The schema engine is instantiated, its glue imported: edited schemas' DDL needs no network from now on. */
  | { type: "schema-engine-ready" };

// ---------------------------------------------------------------------------------------------
// Tools: the worker with Prisma's schema wasm and schema engine (trusted code, long-lived).

export type PageToTools =
  | { type: "compile"; requestId: number; text: string; database: Database }
  | { type: "format"; requestId: number; text: string }
  | { type: "complete"; requestId: number; text: string; line: number; character: number }
  | { type: "schema-engine"; requestId: number };

export interface CompileSuccess {
  ok: true;
  schema: CompiledSchema;
  /**
   * `prisma migrate diff --from-empty`'s script. The tools worker has no PostgreSQL, so for a
   * PostgreSQL schema it leaves this out and the database worker computes it.
   */
  migrationScript?: string;
  notices: SchemaNotice[];
}

export interface CompileFailure {
  ok: false;
  message: string;
  diagnostics: SchemaDiagnostic[];
  notices: SchemaNotice[];
}

export type CompileOutcome = CompileSuccess | CompileFailure;

export interface CompletionItem {
  label: string;
  /** LSP's CompletionItemKind number. */
  kind?: number;
  detail?: string;
  documentation?: string;
  insertText?: string;
}

export type ToolsToPage =
  | { type: "ready" }
  | { type: "compiled"; requestId: number; outcome: CompileOutcome }
  | { type: "formatted"; requestId: number; text: string | null }
  | { type: "completions"; requestId: number; items: CompletionItem[] }
  | { type: "schema-engine"; requestId: number; module: WebAssembly.Module }
  | { type: "failed"; requestId: number; message: string };
