/**
 * The runner worker: runs the reader's code, one run at a time. It is started from a blob URL
 * (see `../page/runner-client.ts`), so it lives under the page's Content-Security-Policy: it
 * cannot reach another origin, and it cannot evaluate strings. When a run overstays, the page
 * terminates it and starts another, handing it the wasm modules it already compiled.
 */
import initSqlJs, { type SqlJsStatic } from "sql.js";
import { PrismaSqlJs } from "@lucia-prisma/adapter-sqljs";
import { applyMigrationScript, createClient, type RuntimePrismaClient, type WasmSource } from "@lucia-prisma/client-from-schema";
import type { PageToRunner, RunnerInit, RunnerToPage } from "../protocol.ts";
import { readerPosition } from "../transpile.ts";
import { formatConsoleArguments } from "./inspect.ts";
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

let ready: Promise<{ sqlJs: SqlJsStatic; wasm: WasmSource }> | undefined;

async function initialise(init: RunnerInit): Promise<{ sqlJs: SqlJsStatic; wasm: WasmSource }> {
  const sqlJs = await initSqlJs({
    // The page compiled sql.js's wasm once; instantiate that module instead of fetching it again.
    instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) {
      void WebAssembly.instantiate(init.sqlJs, imports).then((instance) => receive(instance, init.sqlJs));
      return {};
    },
  } as Parameters<typeof initSqlJs>[0]);
  const wasm: WasmSource = {
    queryCompiler: () => Promise.resolve(init.queryCompiler),
    schemaEngine: () => Promise.reject(new Error("The runner has no schema engine: DDL comes from the page.")),
  };
  if (init.warmUp !== undefined) await warmUp(sqlJs, wasm, init.warmUp);
  return { sqlJs, wasm };
}

/** Instantiates the query compiler with one query on a scratch database. */
async function warmUp(sqlJs: SqlJsStatic, wasm: WasmSource, { schema, migrationScript }: NonNullable<RunnerInit["warmUp"]>): Promise<void> {
  const database = new sqlJs.Database();
  try {
    const adapter = new PrismaSqlJs(database);
    await applyMigrationScript(adapter, migrationScript);
    const client = createClient<RuntimePrismaClient>(sameSchemaAsBefore(schema), wasm, { adapter });
    const first = schema.models[0];
    if (first !== undefined) await (client[first.delegate] as { findFirst(): Promise<unknown> }).findFirst();
    await client.$disconnect();
  } finally {
    database.close();
  }
}

self.addEventListener("message", async (event: MessageEvent<PageToRunner>) => {
  const message = event.data;
  if (message.type === "init") {
    ready = initialise(message);
    await ready;
    postToPage({ type: "ready" });
    return;
  }
  if (ready === undefined) throw new Error("The runner was asked to run before it was given its wasm modules.");
  const { sqlJs, wasm } = await ready;
  state.runId = message.runId;
  state.moduleUrl = undefined;
  await runProgram(message, {
    sqlJs,
    wasm,
    post: postToPage,
    setModuleUrl: (url) => {
      state.moduleUrl = url;
    },
  });
});
