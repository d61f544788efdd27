/**
 * The code worker: runs the reader's code, once. The page makes a fresh one for every run (from
 * a spare it prepared), so nothing a run leaves behind (timers, globals, patched prototypes,
 * listeners, writes still going) can reach a later run: the worker is terminated when the run
 * ends. It is started from a blob URL, so it lives under the page's Content-Security-Policy.
 *
 * Everything it says travels on the private port `init` hands it; whatever the reader's code
 * posts on the worker itself reaches nobody. It sends the first `outputLimits` console lines and
 * statements and counts the rest, so a flood cannot swamp the page.
 */
import initSqlJs, { type SqlJsStatic } from "sql.js";
import type { QueryEvent } from "@lucia-prisma/adapter-sqljs";
import { countPendingQueries, createClient, type CompiledSchema, type PendingQueries, type RuntimePrismaClient, type WasmSource } from "@lucia-prisma/client-from-schema";
import type { Database } from "../database.ts";
import { outputLimits, type CodeWorkerInit, type CodeWorkerToPage, type ConsoleLevel, type PageToCodeWorker, type RunCounts, type RunRequest } from "../protocol.ts";
import { readerPosition } from "../transpile.ts";
import { displayValue } from "../table-values.ts";
import { CallTracker } from "./call-tracker.ts";
import { dryAdapterFactory } from "./dry-adapter.ts";
import { formatConsoleArguments } from "./inspect.ts";
import { createRunModules } from "./modules.ts";
import { openPostgresqlSession, openSqlite, type RunDatabase } from "./run-database.ts";
import { describeError, importProgram } from "./run.ts";
import { StepRecorder } from "./step-recorder.ts";

// Kept before the reader's code can replace them.
const now = performance.now.bind(performance);
const addListener = self.addEventListener.bind(self);
const removeListener = self.removeEventListener.bind(self);

// The reader's code gets no way out of this worker: no nested workers (their scripts would not
// be terminated with this one).
for (const name of ["Worker", "SharedWorker"]) Reflect.deleteProperty(globalThis, name);
// An app in Node has `process.env`; snippets read `process.env.NODE_ENV`.
Reflect.set(globalThis, "process", { env: { NODE_ENV: "development" } });

let send: (message: CodeWorkerToPage) => void = () => {};
const counts: RunCounts = { lines: 0, statements: 0 };
const run = {
  moduleUrl: undefined as string | undefined,
  /** Set once the code has returned: what comes after is not the reader's output. */
  over: false,
  /** Rejections with these messages are the run's own fence refusing late statements. */
  fenceReasons: [] as string[],
};

/** Counts one line of output, and says whether it is among those the page is sent. */
function takeLine(): boolean {
  if (run.over) return false;
  counts.lines += 1;
  return counts.lines <= outputLimits.lines;
}

for (const level of ["log", "info", "warn", "error", "debug"] satisfies ConsoleLevel[]) {
  console[level] = (...args: unknown[]) => {
    if (!takeLine()) return;
    const position = run.moduleUrl === undefined ? undefined : readerPosition(new Error().stack, run.moduleUrl);
    send({ type: "console", level, text: formatConsoleArguments(args), ...(position ? { line: position.line } : {}) });
  };
}

function reportUnhandled(reason: unknown): void {
  const message = reason instanceof Error ? reason.message : String(reason);
  if (run.fenceReasons.some((fenceReason) => message.includes(fenceReason))) return;
  if (takeLine()) send({ type: "error", error: describeError(reason, run.moduleUrl), unhandled: true });
}

addListener("unhandledrejection", (event) => {
  event.preventDefault();
  reportUnhandled(event.reason);
});
// An exception thrown in a timer or listener of the reader's: reported, and not to the page's `error`.
addListener("error", (event) => {
  event.preventDefault();
  reportUnhandled(event.error ?? event.message);
});

interface Context {
  database: Database;
  wasm: WasmSource;
  sqlJs?: SqlJsStatic;
}

const onInit = (event: MessageEvent<CodeWorkerInit>) => {
  if (event.data?.type !== "init") return;
  removeListener("message", onInit);
  const init = event.data;
  const port = init.port;
  send = port.postMessage.bind(port);
  const context = initialise(init);
  let started = false;
  port.addEventListener("message", (message: MessageEvent<PageToCodeWorker>) => {
    const request = message.data;
    if (request.type === "ping") {
      send({ type: "pong", ...counts });
    } else if (request.type === "run" && !started) {
      started = true;
      void context.then((ready) => runOnce(ready, request));
    }
  });
  port.start();
  context.then(
    () => send({ type: "ready" }),
    (error: unknown) => send({ type: "start-failed", message: error instanceof Error ? error.message : String(error) }),
  );
};
addListener("message", onInit);

async function initialise(init: CodeWorkerInit): Promise<Context> {
  const other = (what: string) => () => Promise.reject(new Error(`${what} is not in this worker: it runs ${init.database} only.`));
  const compiler = () => Promise.resolve(init.queryCompiler);
  const wasm: WasmSource = {
    queryCompiler: init.database === "sqlite" ? compiler : other("SQLite's query compiler"),
    postgresqlQueryCompiler: init.database === "postgresql" ? compiler : other("PostgreSQL's query compiler"),
    schemaEngine: other("Prisma's schema engine"),
  };
  const context: Context = { database: init.database, wasm, ...(init.sqlJs ? { sqlJs: await startSqlJs(init.sqlJs) } : {}) };
  if (init.warmUp !== undefined) await warmUp(context, init.warmUp);
  return context;
}

function startSqlJs(module: WebAssembly.Module): Promise<SqlJsStatic> {
  return initSqlJs({
    // The page compiled sql.js's wasm once; instantiate that module instead of fetching it again.
    instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) {
      void WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module));
      return {};
    },
  } as Parameters<typeof initSqlJs>[0]);
}

/**
 * Builds a client of the schema and sends it one query, on no database, so the query compiler
 * is instantiated and Prisma's runtime has done its first-call work before the reader's run.
 */
async function warmUp({ database, wasm }: Context, schema: CompiledSchema): Promise<void> {
  const client = createClient<RuntimePrismaClient>(schema, wasm, { adapter: dryAdapterFactory(database === "sqlite" ? "sqlite" : "postgres") });
  const first = schema.models[0];
  if (first !== undefined) await (client[first.delegate] as { findFirst(): Promise<unknown> }).findFirst();
}

type Main = (require: (specifier: string) => unknown, exports: object, module: { exports: object }) => Promise<void>;

async function runOnce(context: Context, request: RunRequest): Promise<void> {
  const started = now();
  let database: RunDatabase | undefined;
  const steps = new StepRecorder(
    () => database?.readTables() ?? [],
    (step) => send({ type: "step", step }),
  );
  const tracker = new CallTracker({ calledByReader, onSettled: (call) => steps.settled(call) });
  const onQuery = (event: QueryEvent) => {
    if (run.over) return;
    counts.statements += 1;
    steps.statement(tracker.luciaCall, counts.statements);
    if (counts.statements <= outputLimits.statements) send({ type: "query", query: queryItem(event, tracker) });
  };
  const clients: PendingQueries[] = [];
  try {
    database = await openDatabase(context, request, onQuery);
    run.fenceReasons.push(database.fenceReason);
    const { factory } = database;
    const modules = createRunModules(tracker, (options) => {
      const client = createClient<RuntimePrismaClient>(request.schema, context.wasm, { adapter: factory, ...(Array.isArray(options?.log) ? { log: options.log } : {}) });
      clients.push(countPendingQueries(client));
      return client;
    });
    const program = await importProgram(request, (url) => (run.moduleUrl = url));
    const exported = {};
    await (program.default as Main)(modules.require, exported, { exports: exported });
  } catch (error) {
    if (takeLine()) send({ type: "error", error: describeError(error, run.moduleUrl), unhandled: false });
  }
  const pending = clients.reduce((sum, client) => sum + client.pending, 0);
  steps.stop();
  const ending = database?.end();
  // One task later: rejections the code left unhandled as it returned are reported first.
  await new Promise((resolve) => setTimeout(resolve, 0));
  run.over = true;
  send({ type: "calls", total: tracker.calls });
  if (ending !== undefined) {
    try {
      send({ type: "tables", tables: await ending });
    } catch (error) {
      send({ type: "error", error: describeError(error, undefined), unhandled: false });
    }
  }
  send({ type: "done", durationMs: now() - started, pending, ...counts });
}

async function openDatabase(context: Context, request: RunRequest, onQuery: (event: QueryEvent) => void): Promise<RunDatabase> {
  if (context.database === "sqlite") {
    if (context.sqlJs === undefined || request.migrationScript === undefined) throw new Error("A SQLite run needs sql.js and the schema's migration script.");
    return openSqlite(context.sqlJs, request.migrationScript, onQuery);
  }
  if (request.session === undefined) throw new Error("A PostgreSQL run needs its session with the database worker.");
  const session = openPostgresqlSession(request.session, onQuery);
  // The session's own refusal once the page closes it.
  run.fenceReasons.push("This run has ended");
  return session;
}

/**
 * A Lucia call made while another runs is a call of its own when the reader's code made it (its
 * direct caller, the stack's second frame, is in the reader's module), not Lucia calling itself.
 */
function calledByReader(stack: string | undefined): boolean {
  const caller = stack?.split("\n").filter((line) => line.trimStart().startsWith("at "))[1];
  return run.moduleUrl !== undefined && caller !== undefined && caller.includes(run.moduleUrl);
}

function queryItem(event: QueryEvent, tracker: CallTracker) {
  return {
    sql: event.sql,
    args: event.args.map(displayValue),
    durationMs: event.durationMs,
    inTransaction: event.inTransaction,
    ...(event.transactionBoundary === undefined ? {} : { transactionBoundary: event.transactionBoundary }),
    adapterMethod: tracker.adapterMethod,
    luciaMethod: tracker.luciaMethod,
    luciaCall: tracker.luciaCall,
    ...(event.error ? { error: event.error.kind ? `${event.error.kind}: ${event.error.message}` : event.error.message } : {}),
  };
}
