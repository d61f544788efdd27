/**
 * Messages between the playground page and its two workers. Every message of a run carries the
 * run's id, so the page drops what a stopped run still sends.
 */
import type { CompiledSchema, SchemaDiagnostic, SchemaNotice } from "@lucia-prisma/client-from-schema";
import type { Database } from "./database.ts";

// ---------------------------------------------------------------------------------------------
// Runner: the worker that runs the reader's code (untrusted), replaced when a run overstays.

/** What the page hands a fresh runner once: wasm modules compiled on the page, kept across runners. */
export interface RunnerInit {
  type: "init";
  queryCompiler: WebAssembly.Module;
  sqlJs: WebAssembly.Module;
  /**
   * A schema, with its DDL, to create and query once on the runner's database right after it
   * says it is ready, so the query compiler is instantiated before the first Run.
   */
  warmUp?: { schema: CompiledSchema; migrationScript: string };
  /**
   * Given to the PostgreSQL runner only (each database has a runner of its own, so starting
   * PostgreSQL never holds up a SQLite run). It says it is ready once PostgreSQL has started.
   */
  postgresql?: PostgresqlFiles;
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

/**
 * To the PostgreSQL runner, after `init`: the schema engine the schema tools compiled, for the
 * DDL of schemas the build did not compile (the runner has the live database it needs). A run
 * that needs it waits for it; `error` says why it will not come.
 */
export type RunnerSchemaEngine = { type: "schema-engine"; module: WebAssembly.Module } | { type: "schema-engine"; error: string };

/** One run: a fresh database with the schema's tables, then the reader's code. */
export interface RunRequest {
  type: "run";
  runId: number;
  database: Database;
  schema: CompiledSchema;
  /** The DDL; absent for a PostgreSQL schema the build did not compile, whose DDL the runner computes. */
  migrationScript?: string;
  /** The reader's TypeScript. */
  code: string;
  /** The same code transpiled at build time (presets), so the runner can skip that step. */
  javascript?: string;
}

/**
 * To a spare runner: import now, while the network is there, every module a run on `database`
 * would import on first use. It answers `preloaded`.
 */
export interface RunnerPreload {
  type: "preload";
  database: Database;
}

export type PageToRunner = RunnerPreload | RunnerInit | RunnerSchemaEngine | RunRequest;

/** One SQL statement, as the sql.js query hook saw it, with the Lucia calls that caused it. */
export interface QueryItem {
  sql: string;
  /** Bound values, made displayable (bigints as `123n`, bytes as hex). */
  args: string[];
  durationMs: number;
  inTransaction: boolean;
  /** The adapter method running when the statement was sent, e.g. `getSessionAndUser`. */
  adapterMethod: string | null;
  /** The Lucia API call around it, e.g. `validateSession`. */
  luciaMethod: string | null;
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

export type RunnerToPage =
  | { type: "loaded" }
  | { type: "preloaded" }
  | { type: "ready" }
  | { type: "start-failed"; message: string }
  /** The run's turn has come (warm-ups go first): the page's deadline counts from here. */
  | { type: "run-started"; runId: number }
  | { type: "query"; runId: number; query: QueryItem }
  | { type: "console"; runId: number; level: "log" | "info" | "warn" | "error" | "debug"; text: string; line?: number }
  | { type: "error"; runId: number; error: ThrownError; unhandled: boolean }
  | { type: "tables"; runId: number; tables: TableRows[] }
  | { type: "done"; runId: number; durationMs: number };

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
   * PostgreSQL schema it leaves this out and the runner computes it on its database.
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
