/**
 * One run in the runner worker: a fresh database with the schema's tables, the reader's code as
 * a module imported from a blob URL, every statement reported while it runs, then the rows of
 * every table.
 */
import { createClient, type CompiledSchema, type WasmSource } from "@lucia-prisma/client-from-schema";
import type { Database } from "../database.ts";
import type { QueryItem, RunRequest, RunnerToPage, ThrownError } from "../protocol.ts";
import { readerPosition, transpile } from "../transpile.ts";
import { CallTracker } from "./call-tracker.ts";
import { createRunModules } from "./modules.ts";
import { displayValue, type RunDatabase, type StatementEvent } from "./run-database.ts";

export interface RunContext {
  openDatabase(database: Database): Promise<RunDatabase>;
  wasm: WasmSource;
  post(message: RunnerToPage): void;
  /** Told the blob URL of the reader's module, so console calls and errors can name its lines. */
  setModuleUrl(url: string | undefined): void;
}

type Main = (require: (specifier: string) => unknown, exports: object, module: { exports: object }) => Promise<void>;

export async function runProgram(request: RunRequest, context: RunContext): Promise<void> {
  const started = performance.now();
  const { runId } = request;
  let database: RunDatabase | undefined;
  let moduleUrl: string | undefined;
  try {
    database = await context.openDatabase(request.database);
    await database.createTables(request.schema, request.migrationScript);
    const tracker = new CallTracker();
    const adapter = database.adapter((event) => context.post({ type: "query", runId, query: queryItem(event, tracker) }));
    const schema = sameSchemaAsBefore(request.schema);
    const modules = createRunModules(tracker, (options) =>
      createClient(schema, context.wasm, { adapter, ...(Array.isArray(options?.log) ? { log: options.log } : {}) }),
    );
    const javascript = request.javascript ?? transpileOrThrow(request.code);
    moduleUrl = URL.createObjectURL(new Blob([javascript], { type: "text/javascript" }));
    context.setModuleUrl(moduleUrl);
    const program = (await import(/* @vite-ignore */ moduleUrl)) as { default: Main };
    const exported = {};
    await program.default(modules.require, exported, { exports: exported });
  } catch (error) {
    context.post({ type: "error", runId, error: describeError(error, moduleUrl), unhandled: false });
  } finally {
    if (moduleUrl !== undefined) URL.revokeObjectURL(moduleUrl);
  }
  if (database !== undefined) {
    try {
      context.post({ type: "tables", runId, tables: await database.readTables() });
    } catch (error) {
      context.post({ type: "error", runId, error: describeError(error, undefined), unhandled: false });
    } finally {
      await database.close();
    }
  }
  context.post({ type: "done", runId, durationMs: performance.now() - started });
}

/**
 * Each run receives its schema as a fresh copy (structured clone). Handing `createClient` the
 * object of an earlier run with the same text lets it reuse the PrismaClient class it built.
 */
const schemasSeen = new Map<string, CompiledSchema>();

export function sameSchemaAsBefore(schema: CompiledSchema): CompiledSchema {
  const seen = schemasSeen.get(schema.text);
  if (seen !== undefined) return seen;
  if (schemasSeen.size >= 8) schemasSeen.delete(schemasSeen.keys().next().value as string);
  schemasSeen.set(schema.text, schema);
  return schema;
}

/** A syntax error in the reader's code, thrown so it is reported like any other error. */
class PlaygroundSyntaxError extends SyntaxError {
  constructor(message: string, readonly line?: number, readonly column?: number) {
    super(message);
    this.name = "SyntaxError";
  }
}

function transpileOrThrow(code: string): string {
  const result = transpile(code);
  if (!result.ok) throw new PlaygroundSyntaxError(result.message, result.line, result.column);
  return result.javascript;
}

function queryItem(event: StatementEvent, tracker: CallTracker): QueryItem {
  return {
    sql: event.sql,
    args: event.args.map(displayValue),
    durationMs: event.durationMs,
    inTransaction: event.inTransaction,
    adapterMethod: tracker.adapterMethod,
    luciaMethod: tracker.luciaMethod,
    ...(event.error ? { error: event.error.kind ? `${event.error.kind}: ${event.error.message}` : event.error.message } : {}),
  };
}

export function describeError(error: unknown, moduleUrl: string | undefined): ThrownError {
  if (!(error instanceof Error)) return { name: "Thrown value", message: String(error) };
  const position =
    error instanceof PlaygroundSyntaxError && error.line !== undefined
      ? { line: error.line, column: error.column ?? 1 }
      : moduleUrl === undefined
        ? undefined
        : readerPosition(error.stack, moduleUrl);
  const code = errorCode(error);
  const detail = Reflect.get(error, "detail");
  return {
    name: error.name,
    message: error.message,
    ...(code === undefined ? {} : { code }),
    ...(position ?? {}),
    ...(typeof detail === "string" && detail !== "" ? { detail } : {}),
  };
}

/** `LuciaError`'s message is its code; Prisma's errors carry `code` (P2002, …). */
function errorCode(error: Error): string | undefined {
  if (error.name === "LuciaError" || error.constructor.name === "LuciaError") return error.message;
  const code = Reflect.get(error, "code");
  return typeof code === "string" ? code : undefined;
}
