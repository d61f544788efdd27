/**
 * SQLite worker entry: starts the downloads at once (query compiler and sql.js first), then loads
 * the pipeline. Kept small so the downloads do not wait for the Prisma runtime to be parsed.
 */
import initSqlJs from "sql.js";
import sqlJsWasmUrl from "sql.js/dist/sql-wasm-browser.wasm?url";
import { PrismaSqlJs } from "@lucia-prisma/adapter-sqljs";
import precompiled from "virtual:precompiled-reference";
import { browserWasmSource } from "../src/browser.ts";
import type { RunRequest } from "./protocol.ts";
import { post, workerStarted } from "./worker-start.ts";


const wasm = browserWasmSource();
void wasm.queryCompiler().catch(() => {});
const sqlJs = initSqlJs({ locateFile: () => sqlJsWasmUrl });
const pipeline = import("./pipeline.ts");

self.addEventListener("message", async (event: MessageEvent<RunRequest>) => {
  const { runAll } = await pipeline;
  const SQL = await sqlJs;
  await runAll(event.data, {
    wasm,
    precompiled,
    post,
    workerStarted,
    openDatabase: async (onQuery) => {
      const database = new SQL.Database();
      return { adapter: new PrismaSqlJs(database, { onQuery }), close: async () => database.close() };
    },
  });
  post({ type: "done" });
});
