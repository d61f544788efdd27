/**
 * The runner worker: runs the reader's code, one run at a time. It is started from a blob URL
 * (see `../page/runner-client.ts`), so it lives under the page's Content-Security-Policy: it
 * cannot reach another origin, and it cannot evaluate strings. When a run overstays, the page
 * terminates it and starts another, handing it the wasm modules it already compiled.
 */
import initSqlJs from "sql.js";
import { createClient, importRuntimeModules, type CompiledSchema, type RuntimePrismaClient, type WasmSource } from "@lucia-prisma/client-from-schema";
import type { Database } from "../database.ts";
import type { PageToRunner, RunnerInit, RunnerSchemaEngine, RunnerToPage } from "../protocol.ts";
import { readerPosition } from "../transpile.ts";
import { formatConsoleArguments } from "./inspect.ts";
import { importPostgresqlModules, startPostgresql } from "./postgresql.ts";
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
  /** The database this runner runs (each database has a runner of its own). */
  database: Database;
  /** A fresh database for a run: this runner's own kind only. */
  open(database: Database): Promise<RunDatabase>;
}

/**
 * The runner once started, with its warm-ups and runs chained after it: they take turns, since
 * they share the runner's database.
 */
let queue: Promise<Context> | undefined;

/** Runs `task` once the runner has started and whatever came before has finished. */
function inTurn(task: (context: Context) => Promise<void>): Promise<void> {
  if (queue === undefined) throw new Error("The runner was asked to work before it was given its wasm modules.");
  const turn = queue.then(task);
  queue = queue.then(async (context) => {
    await turn.catch(() => {});
    return context;
  });
  return turn;
}

/** The schema engine, which the page hands PostgreSQL's runner after `init` (see `RunnerSchemaEngine`). */
let receiveSchemaEngine: (message: RunnerSchemaEngine) => void = () => {};
const schemaEngine = new Promise<WebAssembly.Module>((resolve, reject) => {
  receiveSchemaEngine = (message) => ("module" in message ? resolve(message.module) : reject(new Error(`Prisma's schema engine did not load: ${message.error}`)));
});
// Only runs that compute DDL wait for it; one that never comes must not be reported as unhandled.
schemaEngine.catch(() => {});

async function initialise(init: RunnerInit): Promise<Context> {
  const files = init.postgresql;
  const missing = (what: string) => Promise.reject(new Error(`${what} is only in the PostgreSQL runner.`));
  const wasm: WasmSource = {
    queryCompiler: () => Promise.resolve(init.queryCompiler),
    postgresqlQueryCompiler: () => (files ? Promise.resolve(files.queryCompiler) : missing("Prisma's PostgreSQL query compiler")),
    schemaEngine: () => (files ? schemaEngine : missing("Prisma's schema engine")),
  };
  const other = (database: Database) => Promise.reject(new Error(`This runner has no ${database}: each database runs in a runner of its own.`));
  if (files !== undefined) {
    const postgresql = await startPostgresql(files);
    return { wasm, database: "postgresql", open: (database) => (database === "postgresql" ? openPostgresql(postgresql, wasm) : other(database)) };
  }
  const sqlJs = await initSqlJs({
    // The page compiled sql.js's wasm once; instantiate that module instead of fetching it again.
    instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) {
      void WebAssembly.instantiate(init.sqlJs, imports).then((instance) => receive(instance, init.sqlJs));
      return {};
    },
  } as Parameters<typeof initSqlJs>[0]);
  return { wasm, database: "sqlite", open: async (database) => (database === "sqlite" ? openSqlite(sqlJs) : other(database)) };
}

/** The schema this runner warms up with (from `init`); the schema engine's warm-up uses it too. */
let warmUpSchema: CompiledSchema | undefined;

/**
 * Creates the schema's tables and queries one, so the query compiler is instantiated before the
 * first run. Without `migrationScript` the runner computes the DDL, which instantiates the schema
 * engine too.
 */
async function warmUp({ wasm, database: kind, open }: Context, schema: CompiledSchema, migrationScript: string | undefined): Promise<void> {
  const database = await open(kind);
  try {
    await database.createTables(schema, migrationScript);
    const client = createClient<RuntimePrismaClient>(sameSchemaAsBefore(schema), wasm, { adapter: database.adapter(() => {}) });
    const first = schema.models[0];
    if (first !== undefined) await (client[first.delegate] as { findFirst(): Promise<unknown> }).findFirst();
    await client.$disconnect();
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
  if (message.type === "schema-engine") {
    receiveSchemaEngine(message);
    // So the first run of an edited schema finds the schema engine instantiated.
    const schema = warmUpSchema;
    if ("module" in message && schema !== undefined) void inTurn((context) => warmUp(context, schema, undefined)).catch(() => {});
    return;
  }
  if (message.type === "init") {
    const loaded = initialise(message);
    queue = loaded;
    // Run is usable as soon as the database is; the warm-up runs right after, and a run waits
    // for it (it is what the run would otherwise do first). A warm-up that fails only costs the
    // first run its head start: that run meets the same problem and reports it.
    const first = message.warmUp;
    warmUpSchema = first?.schema;
    if (first !== undefined) void inTurn((context) => warmUp(context, first.schema, first.migrationScript)).catch(() => {});
    try {
      await loaded;
    } catch (error) {
      postToPage({ type: "start-failed", message: error instanceof Error ? error.message : String(error) });
      return;
    }
    postToPage({ type: "ready" });
    return;
  }
  await inTurn(async ({ wasm, open }) => {
    state.runId = message.runId;
    state.moduleUrl = undefined;
    postToPage({ type: "run-started", runId: message.runId });
    await runProgram(message, {
      wasm,
      openDatabase: open,
      post: postToPage,
      setModuleUrl: (url) => {
        state.moduleUrl = url;
      },
    });
  });
});

// The module has loaded: the page may keep this worker as a spare until it is needed.
postToPage({ type: "loaded" });
