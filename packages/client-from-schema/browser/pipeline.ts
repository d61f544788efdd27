/**
 * The whole pipeline in the worker: schema text → diagnostics → DDL (schema engine over the sql.js
 * adapter) → a genuine PrismaClient → Lucia's queries, with the SQL the query hook saw.
 */
import type { SqlJsStatic } from "sql.js";
import { PrismaSqlJs, type QueryEvent } from "@lucia-prisma/adapter-sqljs";
import precompiled from "virtual:precompiled-reference";
import { applyMigrationScript, createClient, loadSchemaCompiler, type CompiledSchema, type SchemaCompiler, type WasmSource } from "../src/index.ts";
import type { RunRequest, SchemaRun, WorkerMessage } from "./protocol.ts";

interface Context {
  wasm: WasmSource;
  sqlJs: SqlJsStatic;
  post(message: WorkerMessage): void;
  workerStarted: number;
}

const now = () => performance.timeOrigin + performance.now();
type Delegate = Record<string, (args?: unknown) => Promise<unknown>>;

export async function runAll(request: RunRequest, context: Context): Promise<void> {
  let compiler: Promise<SchemaCompiler> | undefined;
  const loadTools = () => {
    void context.wasm.schemaEngine().catch(() => {});
    compiler ??= loadSchemaCompiler(context.wasm);
    return compiler;
  };
  if (request.first === "text") void loadTools();

  for (const [index, run] of request.runs.entries()) {
    const marks: Record<string, number> = { workerStarted: context.workerStarted };
    try {
      if (index === 0 && request.first === "precompiled") {
        marks.started = now();
        await runSchema(run, precompiled.schema, precompiled.migrationScript, false, marks, context);
        // What the playground does in idle time: load the schema tools and run them once on the
        // default schema, so the reader's first edit does not pay for first calls into the wasm.
        const tools = await loadTools();
        const warmUp = tools.compile(run.text);
        const scratch = new context.sqlJs.Database();
        if (warmUp.ok) await tools.migrationScript(warmUp.schema, new PrismaSqlJs(scratch));
        scratch.close();
        marks.toolsWarm = now();
      } else {
        const tools = await loadTools();
        marks.started = now();
        const compiled = tools.compile(run.text);
        if (!compiled.ok) throw new Error(compiled.message);
        marks.compiled = now();
        await runSchema(run, compiled.schema, (adapter) => tools.migrationScript(compiled.schema, adapter), true, marks, context, compiled.notices.map((notice) => notice.message));
      }
    } catch (error) {
      context.post({ type: "failed", label: run.label, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  }
}

async function runSchema(
  run: SchemaRun,
  schema: CompiledSchema,
  migration: string | ((adapter: PrismaSqlJs) => Promise<string>),
  fromText: boolean,
  marks: Record<string, number>,
  context: Context,
  notices: string[] = [],
): Promise<void> {
  const events: QueryEvent[] = [];
  const database = new context.sqlJs.Database();
  const adapter = new PrismaSqlJs(database, { onQuery: (statement) => events.push(statement) });
  const migrationScript = typeof migration === "string" ? migration : await migration(adapter);
  marks.migrationScript = now();
  await applyMigrationScript(adapter, migrationScript);
  marks.migrated = now();
  events.length = 0;

  const client = createClient(schema, context.wasm, { adapter });
  const delegate = (name: string) => client[name] as Delegate;
  const [user, session, key] = [delegate(run.names.user), delegate(run.names.session), delegate(run.names.key)];
  const steps: Record<string, unknown> = {};
  const step = async (name: string, action: () => Promise<unknown>) => {
    try {
      steps[name] = jsonSafe(await action());
    } catch (error) {
      steps[name] = `error ${String((error as { code?: unknown }).code ?? (error as Error).message)}`;
    }
  };

  await step("create user", () => user.create!({ data: { id: "u1", ...run.userData } }));
  marks.firstResult = now();
  await step("create session", () =>
    session.create!({ data: { id: "s1", user_id: "u1", active_expires: 9007199254740993n, idle_expires: 1700000000000 } }),
  );
  await step("batch transaction", () =>
    client.$transaction([
      key.create!({ data: { id: "email:ann", user_id: "u1", hashed_password: "h" } }),
      key.findMany!({ where: { user_id: "u1" } }),
    ]),
  );
  await step("interactive transaction rolled back", () =>
    client.$transaction(async (tx: unknown) => {
      await (tx as Record<string, Delegate>)[run.names.session]!.create!({ data: { id: "s2", user_id: "u1", active_expires: 1, idle_expires: 1 } });
      throw new Error("rolled back on purpose");
    }),
  );
  await step("session and user", () => session.findUnique!({ where: { id: "s1" }, include: { [run.names.relation]: true } }));
  await step("duplicate key", () => key.create!({ data: { id: "email:ann", user_id: "u1" } }));
  await step("delete sessions", () => session.deleteMany!({ where: { user_id: "u1" } }));
  marks.finished = now();
  await client.$disconnect();
  database.close();

  context.post({
    type: "report",
    report: {
      label: run.label,
      fromText,
      notices,
      migrationScript,
      statements: events.map((statement) => ({
        sql: statement.sql,
        inTransaction: statement.inTransaction,
        ...(statement.error ? { error: statement.error.kind ?? statement.error.message } : {}),
      })),
      steps,
      delegates: schema.models.map((model) => model.delegate).filter((name) => client[name] !== undefined),
      marks,
    },
  });
}

function jsonSafe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, entry: unknown) => (typeof entry === "bigint" ? `${entry}n` : entry)));
}
