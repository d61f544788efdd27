/**
 * The runner worker: runs the reader's code, one run at a time. It is started from a blob URL
 * (see `../page/runner-client.ts`), so it lives under the page's Content-Security-Policy: it
 * cannot reach another origin, and it cannot evaluate strings. When a run overstays, the page
 * terminates it and starts another, handing it the wasm modules it already compiled.
 */
import initSqlJs from "sql.js";
import { createClient, importRuntimeModules, type CompiledSchema, type RuntimePrismaClient, type WasmSource } from "@lucia-prisma/client-from-schema";
import type { Database } from "../database.ts";
import type { PageToRunner, PostgresqlStart, RunnerInit, RunnerToPage } from "../protocol.ts";
import { readerPosition } from "../transpile.ts";
import { formatConsoleArguments } from "./inspect.ts";
import { importPostgresqlModules, startPostgresql, type Postgresql } from "./postgresql.ts";
import { openPostgresql, openSqlite, type RunDatabase } from "./run-database.ts";
import { describeError, runProgram, sameSchemaAsBefore } from "./run.ts";

// Kept before the reader's code can replace them.
const postToPage = self.postMessage.bind(self) as (message: RunnerToPage) => void;
const state = { runId: -1, moduleUrl: undefined as string | undefined };

// An app in Node has `process.env`; snippets read `process.env.NODE_ENV`.
Reflect.set(globalThis, "process", { env: { NODE_ENV: "development" } });

for (const level of ["log", "info", "warn", "error", "debug"] as const) {
  console[level] = (...args: unknown[]) => {
    const position = state.moduleUrl === undefined ? undefined : readerPosition(new Error().stack, state.moduleUrl);
    postToPage({ type: "console", runId: state.runId, level, text: formatConsoleArguments(args), ...(position ? { line: position.line } : {}) });
  };
}

self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  postToPage({ type: "error", runId: state.runId, error: describeError(event.reason, state.moduleUrl), unhandled: true });
});

interface Context {
  wasm: WasmSource;
  /** A fresh database for a run: this runner's own kind only (each database has a runner). */
  open(database: Database): Promise<RunDatabase>;
}

let ready: Promise<Context> | undefined;

async function initialise(init: RunnerInit): Promise<Context> {
  const files = init.postgresql?.files;
  const missing = (what: string) => Promise.reject(new Error(`${what} is only in the PostgreSQL runner.`));
  const wasm: WasmSource = {
    queryCompiler: () => Promise.resolve(init.queryCompiler),
    postgresqlQueryCompiler: () => (files ? Promise.resolve(files.queryCompiler) : missing("Prisma's PostgreSQL query compiler")),
    schemaEngine: () => (files ? Promise.resolve(files.schemaEngine) : missing("Prisma's schema engine")),
  };
  const other = (database: Database) => Promise.reject(new Error(`This runner has no ${database}: each database runs in a runner of its own.`));
  if (init.postgresql !== undefined) {
    const postgresql = await startPostgresql(init.postgresql.files);
    await warmUpPostgresql(postgresql, wasm, init.postgresql);
    return { wasm, open: (database) => (database === "postgresql" ? openPostgresql(postgresql, wasm) : other(database)) };
  }
  const sqlJs = await initSqlJs({
    // The page compiled sql.js's wasm once; instantiate that module instead of fetching it again.
    instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) {
      void WebAssembly.instantiate(init.sqlJs, imports).then((instance) => receive(instance, init.sqlJs));
      return {};
    },
  } as Parameters<typeof initSqlJs>[0]);
  return { wasm, open: async (database) => (database === "sqlite" ? openSqlite(sqlJs) : other(database)) };
}

/**
 * Computes one schema's DDL and runs one query, so the schema engine's glue, its wasm and the
 * query compiler are loaded and instantiated before the first run (which may be offline).
 */
async function warmUpPostgresql(postgresql: Postgresql, wasm: WasmSource, { warmUp }: PostgresqlStart): Promise<void> {
  const database = await openPostgresql(postgresql, wasm);
  try {
    await database.createTables(warmUp, undefined);
    await firstQuery(database, warmUp, wasm);
  } finally {
    await database.close();
  }
}

async function firstQuery(database: RunDatabase, schema: CompiledSchema, wasm: WasmSource): Promise<void> {
  const client = createClient<RuntimePrismaClient>(sameSchemaAsBefore(schema), wasm, { adapter: database.adapter(() => {}) });
  const first = schema.models[0];
  if (first !== undefined) await (client[first.delegate] as { findFirst(): Promise<unknown> }).findFirst();
  await client.$disconnect();
}

/** Instantiates the query compiler with one query on a scratch database. */
async function warmUpSqlite({ wasm, open }: Context, { schema, migrationScript }: NonNullable<RunnerInit["warmUp"]>): Promise<void> {
  const database = await open("sqlite");
  try {
    await database.createTables(schema, migrationScript);
    await firstQuery(database, schema, wasm);
  } finally {
    await database.close();
  }
}

self.addEventListener("message", async (event: MessageEvent<PageToRunner>) => {
  const message = event.data;
  if (message.type === "preload") {
    const postgresql = message.database === "postgresql";
    await Promise.all([importRuntimeModules(message.database, { schemaEngine: postgresql }), ...(postgresql ? [importPostgresqlModules()] : [])]);
    postToPage({ type: "preloaded" });
    return;
  }
  if (message.type === "init") {
    const loaded = initialise(message);
    // Run is usable as soon as sql.js is; the warm-up runs right after, and a run waits for it
    // (it is what the run would otherwise do first).
    ready = loaded.then(async (context) => {
      if (message.warmUp !== undefined) await warmUpSqlite(context, message.warmUp);
      return context;
    });
    try {
      await loaded;
    } catch (error) {
      postToPage({ type: "start-failed", message: error instanceof Error ? error.message : String(error) });
      return;
    }
    postToPage({ type: "ready" });
    return;
  }
  if (ready === undefined) throw new Error("The runner was asked to run before it was given its wasm modules.");
  const { wasm, open } = await ready;
  state.runId = message.runId;
  state.moduleUrl = undefined;
  await runProgram(message, {
    wasm,
    openDatabase: open,
    post: postToPage,
    setModuleUrl: (url) => {
      state.moduleUrl = url;
    },
  });
});

// The module has loaded: the page may keep this worker as a spare until it is needed.
postToPage({ type: "loaded" });
