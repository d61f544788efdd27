/**
 * The whole pipeline in the worker: schema text → diagnostics → DDL (schema engine over the
 * database's driver adapter: sql.js or PGlite) → a genuine PrismaClient → Lucia's queries, with
 * the SQL the query hook saw.
 */
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { applyMigrationScript, createClient, loadSchemaCompiler, type CompiledSchema, type SchemaCompiler, type WasmSource, migrationScript } from "../src/index.ts";
import type { RunRequest, SchemaRun, WorkerMessage } from "./protocol.ts";

/** What both adapters' query hooks report, as far as the proof reads it. */
export interface StatementEvent {
  sql: string;
  inTransaction: boolean;
  error?: { message: string; kind?: string };
}

/** A fresh, empty database of the worker's kind, and its driver adapter (reporting to `onQuery`). */
export interface OpenDatabase {
  adapter: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export interface Context {
  wasm: WasmSource;
  openDatabase(onQuery: (event: StatementEvent) => void): Promise<OpenDatabase>;
  /** SQLite only: the reference schema compiled at build time, as the playground ships its default. */
  precompiled?: { schema: CompiledSchema; migrationScript: string };
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
        if (context.precompiled === undefined) throw new Error("This worker has no precompiled schema");
        marks.started = now();
        await runSchema(run, context.precompiled.schema, context.precompiled.migrationScript, false, marks, context);
        // What the playground does in idle time: load the schema tools and run them once on the
        // default schema, so the reader's first edit does not pay for first calls into the wasm.
        const tools = await loadTools();
        const warmUp = tools.compile(run.text);
        const scratch = await context.openDatabase(() => {});
        if (warmUp.ok) await migrationScript(warmUp.schema, scratch.adapter, context.wasm);
        await scratch.close();
        marks.toolsWarm = now();
      } else {
        const tools = await loadTools();
        marks.started = now();
        const compiled = tools.compile(run.text);
        if (!compiled.ok) throw new Error(compiled.message);
        marks.compiled = now();
        await runSchema(run, compiled.schema, (adapter) => migrationScript(compiled.schema, adapter, context.wasm), true, marks, context, compiled.notices.map((notice) => notice.message));
      }
    } catch (error) {
      context.post({ type: "failed", label: run.label, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  }
}

async function runSchema(
  run: SchemaRun,
  schema: CompiledSchema,
  migration: string | ((adapter: SqlMigrationAwareDriverAdapterFactory) => Promise<string>),
  fromText: boolean,
  marks: Record<string, number>,
  context: Context,
  notices: string[] = [],
): Promise<void> {
  const events: StatementEvent[] = [];
  const database = await context.openDatabase((statement) => events.push(statement));
  const { adapter } = database;
  marks.databaseReady = now();
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
  await database.close();

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
