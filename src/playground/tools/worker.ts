/**
 * The schema tools worker: Prisma's schema wasm (diagnostics, formatting, completions) and its
 * schema engine (DDL), loaded once the page is interactive and kept for the page's lifetime.
 * It never runs the reader's code.
 */
import initSqlJs from "sql.js";
import sqlJsWasmUrl from "sql.js/dist/sql-wasm-browser.wasm?url";
import { PrismaSqlJs } from "@lucia-prisma/adapter-sqljs";
import { loadSchemaCompiler, migrationScript, type SchemaCompiler } from "@lucia-prisma/client-from-schema";
import { browserWasmSource } from "@lucia-prisma/client-from-schema/browser";
import type { Database } from "../database.ts";
import type { CompileOutcome, PageToTools, ToolsToPage } from "../protocol.ts";
import { schemaCompletions } from "./completions.ts";

const post = (message: ToolsToPage) => self.postMessage(message);
const wasm = browserWasmSource();
// Both downloads start at once; the schema engine is needed for the first DDL.
void wasm.schemaEngine().catch(() => {});
const sqlJs = initSqlJs({ locateFile: () => sqlJsWasmUrl });
const compiler: Promise<SchemaCompiler> = loadSchemaCompiler(wasm);

async function compile(text: string, database: Database): Promise<CompileOutcome> {
  const tools = await compiler;
  const result = tools.compile(text, { provider: database });
  if (!result.ok) return result;
  // The schema engine needs a live database of the schema's kind; PostgreSQL lives in the
  // database worker, which computes the DDL itself. (The page caches the outcomes.)
  if (database === "postgresql") return { ok: true, schema: result.schema, notices: result.notices };
  const scratch = new (await sqlJs).Database();
  try {
    const script = await migrationScript(result.schema, new PrismaSqlJs(scratch), wasm);
    return { ok: true, schema: result.schema, migrationScript: script, notices: result.notices };
  } finally {
    scratch.close();
  }
}

self.addEventListener("message", async (event: MessageEvent<PageToTools>) => {
  const request = event.data;
  try {
    switch (request.type) {
      case "compile":
        post({ type: "compiled", requestId: request.requestId, outcome: await compile(request.text, request.database) });
        break;
      case "format":
        post({ type: "formatted", requestId: request.requestId, text: (await compiler).format(request.text) });
        break;
      case "complete": {
        const tools = await compiler;
        post({ type: "completions", requestId: request.requestId, items: schemaCompletions(tools, request.text, request.line, request.character) });
        break;
      }
      case "schema-engine":
        // Compiled once, here; PostgreSQL's runner instantiates the same module.
        post({ type: "schema-engine", requestId: request.requestId, module: await wasm.schemaEngine() });
        break;
    }
  } catch (error) {
    post({ type: "failed", requestId: request.requestId, message: error instanceof Error ? error.message : String(error) });
  }
});

/**
 * One small schema through the whole pipeline loads every module and wasm file on the way (the
 * schema engine's glue is imported on first use) and pays for the first calls into them, so the
 * reader's first edit is fast and the page can go offline once this worker says it is ready.
 */
async function warmUp(): Promise<void> {
  const outcome = await compile('datasource db {\n  provider = "sqlite"\n}\n\nmodel Warm {\n  id Int @id\n}\n', "sqlite");
  if (!outcome.ok) throw new Error(`The warm-up schema did not compile: ${outcome.message}`);
}

void warmUp().then(
  () => post({ type: "ready" }),
  (error: unknown) => post({ type: "failed", requestId: -1, message: `Prisma's schema tools did not load: ${String(error)}` }),
);
