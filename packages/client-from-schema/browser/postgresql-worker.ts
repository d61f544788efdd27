/**
 * PostgreSQL worker entry: the same pipeline over PGlite. PGlite's wasm, its initdb wasm and its
 * file-system bundle are assets of the bundle, fetched and compiled here at once, in parallel with
 * Prisma's PostgreSQL query compiler. One PGlite serves every run; each run empties it first.
 */
import { PGlite } from "@electric-sql/pglite";
import pgliteDataUrl from "@electric-sql/pglite/pglite.data?url";
import pgliteWasmUrl from "@electric-sql/pglite/pglite.wasm?url";
import initdbWasmUrl from "@electric-sql/pglite/initdb.wasm?url";
import { PrismaPGlite } from "@lucia-prisma/adapter-pglite";
import { browserWasmSource } from "../src/browser.ts";
import type { StatementEvent } from "./pipeline.ts";
import type { RunRequest } from "./protocol.ts";
import { post, workerStarted } from "./worker-start.ts";


const wasm = browserWasmSource();
void wasm.postgresqlQueryCompiler?.().catch(() => {});
const database = (async () => {
  const [pgliteWasmModule, initdbWasmModule, fsBundle] = await Promise.all([
    WebAssembly.compileStreaming(fetch(pgliteWasmUrl)),
    WebAssembly.compileStreaming(fetch(initdbWasmUrl)),
    fetch(pgliteDataUrl).then((response) => response.blob()),
  ]);
  const db = await PGlite.create({ pgliteWasmModule, initdbWasmModule, fsBundle });
  post({ type: "database-ready", at: performance.timeOrigin + performance.now() });
  return db;
})();
const pipeline = import("./pipeline.ts");

self.addEventListener("message", async (event: MessageEvent<RunRequest>) => {
  const { runAll } = await pipeline;
  const db = await database;
  await runAll(event.data, {
    wasm,
    post,
    workerStarted,
    openDatabase: async (onQuery: (event: StatementEvent) => void) => {
      await db.exec('DROP SCHEMA IF EXISTS "public" CASCADE; CREATE SCHEMA "public";');
      return { adapter: new PrismaPGlite(db, { onQuery }), close: async () => {} };
    },
  });
  post({ type: "done" });
});
