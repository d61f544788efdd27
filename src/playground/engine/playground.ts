/**
 * The playground without its page: it owns the state (the base preset or example, the schema, the
 * code, the database) and its URL form, compiles schemas (the build's results first, then Prisma's
 * schema tools) into one cache, runs the code on each chosen database in a fresh code worker, and
 * reports all of it as typed events. Panes, editors and menus subscribe; nothing here touches the
 * DOM, so tests drive it with fake workers. Marks `playground:postgresql-chosen`,
 * `playground:postgresql-files` (downloaded and compiled) and `playground:postgresql-ready`.
 */
import type { Precompiled } from "../build/precompile-plugin.ts";
import { compileKey, databaseLabel, databasesOf, datasourceProvider, withBrowserProvider, type Database, type DatabaseChoice } from "../database.ts";
import type { CompileFailure, CompileOutcome, CompileSuccess, ConsoleLevel, PostgresqlFiles, QueryItem, RunStep, TableRows, ThrownError } from "../protocol.ts";
import type { PlaygroundState } from "../presets.ts";
import { CodeRunner, type CodeWorkerSetup, type RunEnd, type RunLimits } from "./code-runner.ts";
import { DatabaseClient, type Session } from "./database-client.ts";
import { decodeState, encodeState, type UrlState } from "./url-state.ts";

/** Prisma's schema tools, in their worker (see `../tools/worker.ts`). */
export interface SchemaTools {
  compile(text: string, database: Database): Promise<CompileOutcome>;
  schemaEngine(): Promise<WebAssembly.Module>;
}

export interface PostgresqlProgress {
  received: number;
  total: number;
}

export interface PlaygroundOptions {
  precompiled: Precompiled;
  /** Where the state is read from at first: the page's `location`. */
  location: { hash: string; search: string };
  workers: {
    /** A fresh code worker for one run on `database`. */
    code(database: Database): Worker | Promise<Worker>;
    /** The database worker (PostgreSQL), made once, when PostgreSQL is first needed. */
    database(): Worker;
  };
  tools: SchemaTools;
  wasm: {
    /** SQLite's query compiler and sql.js's wasm, compiled. */
    sqlite(): Promise<Pick<CodeWorkerSetup, "queryCompiler" | "sqlJs">>;
    /** What PostgreSQL starts from, fetched and compiled; `onProgress` is told the bytes as they come. */
    postgresql(onProgress: (progress: PostgresqlProgress) => void): Promise<PostgresqlFiles>;
  };
  limits?: RunLimits;
}

export type Outcome = RunEnd["kind"] | "rejected";
export type PostgresqlState = "idle" | "loading" | "ready" | "failed";
export type NoteLevel = "notice" | "error" | "warn";

export interface PlaygroundEvents {
  /** The state changed: by an edit, a preset, Reset, or the Database menu. */
  state: { state: UrlState; changed: readonly ("base" | "schema" | "code" | "database")[]; cause: "open" | "edit" | "database" | "load" };
  status: { text: string };
  /** `complete`: PostgreSQL needs nothing more from the network, edited schemas included. */
  postgresql: { state: PostgresqlState; progress?: PostgresqlProgress; starts: number; complete: boolean };
  "run-start": { run: number; databases: Database[]; comparing: boolean };
  /** A line the playground writes into Output (a schema notice, how a run was stopped, …). */
  note: { database?: Database; level: NoteLevel; text: string };
  "schema-rejected": { outcome: CompileFailure };
  /** Prisma has checked a schema text for a database (for the editors, or for a run). */
  "schema-checked": { text: string; database: Database; outcome: CompileOutcome };
  query: { database: Database; query: QueryItem };
  console: { database: Database; level: ConsoleLevel; text: string; line?: number };
  error: { database: Database; error: ThrownError; unhandled: boolean };
  /** An outermost Lucia call settled: the tables as it left them (the timeline's step). */
  step: { database: Database; step: RunStep };
  /** Before `tables`: how many outermost Lucia calls the run made. */
  calls: { database: Database; total: number };
  tables: { database: Database; tables: TableRows[] };
  /** One database's run ended; its counts say how much output it made (the page shows the first ones). */
  "database-end": { database: Database; end: RunEnd };
  "run-end": { run: number; outcome: Outcome };
}

type Listener<K extends keyof PlaygroundEvents> = (event: PlaygroundEvents[K]) => void;

export const stopTexts: Record<Exclude<RunEnd["kind"], "done" | "crashed">, string> = {
  stopped: "Stopped: you pressed Stop.",
  unresponsive: "Stopped: the code did not answer for 2 s (a loop that never waits?). Its worker was ended, so the next Run starts clean.",
  "time-limit": "Stopped after 30 s: the run had not finished (a loop over timers?). Its worker was ended, so the next Run starts clean.",
};

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export function createPlayground(options: PlaygroundOptions) {
  const { precompiled, tools } = options;
  const listeners = new Map<keyof PlaygroundEvents, Set<(event: never) => void>>();
  function emit<K extends keyof PlaygroundEvents>(type: K, event: PlaygroundEvents[K]): void {
    for (const listener of listeners.get(type) ?? []) (listener as Listener<K>)(event);
  }
  const status = (text: string) => emit("status", { text });

  // ---------------------------------------------------------------------------------------------
  // State

  const defaultPreset = precompiled.presets[0]!;
  function baseState(base: string): PlaygroundState | undefined {
    if (base.startsWith("example:")) return precompiled.examples[base.slice("example:".length)];
    const preset = precompiled.presets.find((candidate) => candidate.id === base);
    return preset === undefined ? undefined : { schema: preset.schema, code: preset.code, database: preset.database };
  }
  const fallback: UrlState = { base: defaultPreset.id, schema: defaultPreset.schema, code: defaultPreset.code, database: defaultPreset.database };
  let state: UrlState = fallback;
  /** The notice the opening link earned (one too large to read), if any. */
  let openingNotice: string | undefined;
  const opened = decodeState(options.location, baseState).then((decoded) => {
    if (decoded === undefined) return;
    const { notice, ...read } = decoded;
    openingNotice = notice;
    update(read, "open");
  });
  void opened.then(() => {
    if (state.database !== "sqlite") void loadPostgresql().catch(() => {});
  });

  function update(next: Partial<UrlState>, cause: PlaygroundEvents["state"]["cause"]): void {
    const changed = (Object.keys(next) as (keyof UrlState)[]).filter((key) => next[key] !== state[key]);
    if (changed.length === 0) return;
    state = { ...state, ...next };
    emit("state", { state, changed, cause });
  }

  /** The reader edited the schema or the code. A datasource written for the other database switches to it. */
  function edit(changes: Partial<Pick<UrlState, "schema" | "code">>): void {
    const written = changes.schema === undefined ? undefined : datasourceProvider(changes.schema);
    const database = written !== undefined && state.database !== "compare" && written !== state.database ? written : state.database;
    update({ ...changes, database }, "edit");
    if (database !== "sqlite") void loadPostgresql().catch(() => {});
  }

  /** The Database menu: a single database's provider is written into the schema's datasource. */
  function chooseDatabase(choice: DatabaseChoice): void {
    const written = datasourceProvider(state.schema);
    const schema = choice !== "compare" && written !== undefined && written !== choice ? withBrowserProvider(state.schema, choice) : state.schema;
    update({ database: choice, schema }, "database");
    if (choice !== "sqlite") void loadPostgresql().catch(() => {});
  }

  /** Opens a preset or docs example (`example:<path>`), as it was written. */
  function load(base: string): boolean {
    const next = baseState(base);
    if (next === undefined) return false;
    update({ base, ...next }, "load");
    if (next.database !== "sqlite") void loadPostgresql().catch(() => {});
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // Compiling: one cache for the schema tools' results and PostgreSQL's DDL

  const compiled = new Map<string, Promise<CompileOutcome>>(Object.entries(precompiled.schemas).map(([key, outcome]) => [key, Promise.resolve(outcome)]));
  const builtKeys = new Set(Object.keys(precompiled.schemas));

  function cached(key: string, make: () => Promise<CompileOutcome>): Promise<CompileOutcome> {
    let outcome = compiled.get(key);
    if (outcome === undefined) {
      outcome = make();
      compiled.set(key, outcome);
      if (compiled.size > builtKeys.size + 32) {
        const oldest = [...compiled.keys()].find((candidate) => !builtKeys.has(candidate));
        if (oldest !== undefined) compiled.delete(oldest);
      }
      outcome.catch(() => compiled.delete(key));
    }
    return outcome;
  }

  /** The schema checked by Prisma for `database` (what the editors show): no DDL. */
  function check(text: string, database: Database = databasesOf(state.database)[0]!): Promise<CompileOutcome> {
    const source = withBrowserProvider(text, database);
    const outcome = cached(`check:${compileKey(database, source)}`, () => compiled.get(compileKey(database, source)) ?? tools.compile(source, database));
    outcome.then(
      (checked) => emit("schema-checked", { text, database, outcome: checked }),
      () => {},
    );
    return outcome;
  }

  /** The schema ready to run on `database`: compiled, with its DDL (PostgreSQL's computed on PostgreSQL itself). */
  function compileForRun(text: string, database: Database): Promise<CompileOutcome> {
    const source = withBrowserProvider(text, database);
    return cached(compileKey(database, source), async () => {
      const outcome = await check(text, database);
      if (!outcome.ok || outcome.migrationScript !== undefined) return outcome;
      const postgresql = await loadPostgresql();
      return { ...outcome, migrationScript: await postgresql.client.migrationScript(source) } satisfies CompileSuccess;
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Databases and their runners

  /** The build's compiled schema to warm a runner up with: the opening state's, else the default preset's. */
  function warmUpSchema(database: Database) {
    const of = (text: string) => precompiled.schemas[compileKey(database, withBrowserProvider(text, database))]?.schema;
    return of(state.schema) ?? of(defaultPreset.schema);
  }

  const sqliteModules = (() => {
    let loading: ReturnType<PlaygroundOptions["wasm"]["sqlite"]> | undefined;
    return () => (loading ??= options.wasm.sqlite());
  })();
  const sqlite = new CodeRunner({
    database: "sqlite",
    createWorker: () => options.workers.code("sqlite"),
    setup: async () => {
      await opened;
      const warmUp = warmUpSchema("sqlite");
      return { ...(await sqliteModules()), ...(warmUp ? { warmUp } : {}) };
    },
    ...(options.limits ? { limits: options.limits } : {}),
  });

  interface Postgresql {
    client: DatabaseClient;
    runner: CodeRunner;
  }
  let postgresqlState: PostgresqlState = "idle";
  let postgresqlStarts = 0;
  let postgresqlComplete = false;
  let postgresql: Promise<Postgresql> | undefined;
  const postgresqlEvent = (next: PostgresqlState, progress?: PostgresqlProgress) => {
    postgresqlState = next;
    emit("postgresql", { state: next, starts: postgresqlStarts, complete: postgresqlComplete, ...(progress ? { progress } : {}) });
  };

  async function startPostgresql(): Promise<Postgresql> {
    const chosen = performance.mark("playground:postgresql-chosen").startTime;
    postgresqlEvent("loading");
    status("Loading PostgreSQL (PGlite)…");
    const files = await options.wasm.postgresql((progress) => postgresqlEvent("loading", progress));
    performance.mark("playground:postgresql-files");
    status("Starting PostgreSQL…");
    const client = new DatabaseClient(options.workers.database(), (starts) => {
      postgresqlStarts = starts;
      postgresqlEvent(postgresqlState);
    });
    const warmUp = warmUpSchema("postgresql");
    const runner = new CodeRunner({
      database: "postgresql",
      createWorker: () => options.workers.code("postgresql"),
      setup: async () => ({ queryCompiler: files.queryCompiler, ...(warmUp ? { warmUp } : {}) }),
      ...(options.limits ? { limits: options.limits } : {}),
    });
    try {
      await Promise.all([client.start(files), runner.prepare()]);
    } catch (error) {
      client.terminate();
      runner.dispose();
      throw error;
    }
    postgresqlStarts = 1;
    // Edited schemas' DDL needs the schema engine, which the schema tools compile.
    client.giveSchemaEngine(tools.schemaEngine());
    void client.schemaEngineReady.then(() => {
      postgresqlComplete = true;
      postgresqlEvent(postgresqlState);
    });
    performance.mark("playground:postgresql-ready");
    postgresqlEvent("ready");
    status(`PostgreSQL is ready (loaded and started in ${((performance.now() - chosen) / 1000).toFixed(1)} s). Run with the button or Ctrl+Enter.`);
    return { client, runner };
  }

  function loadPostgresql(): Promise<Postgresql> {
    postgresql ??= startPostgresql().catch((error: unknown) => {
      postgresql = undefined;
      postgresqlEvent("failed");
      const message = `PostgreSQL could not start: ${error instanceof Error ? error.message : String(error)}. Choose PostgreSQL again to retry.`;
      status(message);
      throw new Error(message);
    });
    return postgresql;
  }

  // ---------------------------------------------------------------------------------------------
  // Running

  let runs = 0;
  let disposed = false;
  let current: { stop(): void; ended: Promise<void> } | undefined;

  /** Runs the current state on its database (or both, one after the other). Resolves when the run has ended. */
  async function run(): Promise<Outcome> {
    if (current !== undefined) {
      current.stop();
      await current.ended;
    }
    const runNumber = ++runs;
    const snapshot = state;
    const databases = databasesOf(snapshot.database);
    let stopped = false;
    let stopRun: () => void = () => {};
    let finished!: () => void;
    current = {
      stop() {
        stopped = true;
        stopRun();
      },
      ended: new Promise<void>((resolve) => (finished = resolve)),
    };
    emit("run-start", { run: runNumber, databases, comparing: databases.length > 1 });
    status(snapshot.database === "sqlite" || postgresqlState === "ready" ? "Running…" : "Running (PostgreSQL is still loading)…");
    const ends: { database: Database; end: RunEnd }[] = [];
    let outcome: Outcome = "done";
    try {
      const outcomes = await Promise.all(databases.map((database) => check(snapshot.schema, database)));
      for (const [index, checked] of outcomes.entries()) {
        for (const notice of checked.notices) emit("note", { database: databases[index]!, level: "notice", text: notice.message });
        if (!checked.ok) {
          emit("schema-rejected", { outcome: checked });
          status("The schema does not validate: nothing ran.");
          outcome = "rejected";
          return outcome;
        }
      }
      const javascript = precompiled.javascript[snapshot.code];
      for (const database of databases) {
        if (stopped) {
          ends.push({ database, end: { kind: "stopped", lines: 0, statements: 0 } });
          break;
        }
        const end = await runOn(database, snapshot, javascript, (stop) => (stopRun = stop), () => stopped);
        ends.push({ database, end });
        emit("database-end", { database, end });
        for (const note of endNotes(end)) emit("note", { database, ...note });
      }
      outcome = ends.find(({ end }) => end.kind !== "done")?.end.kind ?? "done";
      status(ends.map(({ database, end }) => `${databases.length > 1 ? `${databaseLabel[database]}: ` : ""}${endStatus(end)}`).join(" "));
      return outcome;
    } catch (error) {
      // Something outside the code failed (the schema tools, PostgreSQL's start): say so.
      const message = error instanceof Error ? error.message : String(error);
      emit("note", { level: "error", text: message });
      status(message);
      outcome = "crashed";
      return outcome;
    } finally {
      current = undefined;
      finished();
      emit("run-end", { run: runNumber, outcome });
      // The next run's workers are made once this one has ended, so they never slow it down.
      for (const database of databases) void runnerOf(database).then((runner) => (disposed ? undefined : runner?.prepare())).catch(() => {});
    }
  }

  async function runnerOf(database: Database): Promise<CodeRunner | undefined> {
    if (database === "sqlite") return sqlite;
    return postgresql === undefined ? undefined : (await postgresql).runner;
  }

  async function runOn(
    database: Database,
    snapshot: UrlState,
    javascript: string | undefined,
    onStop: (stop: () => void) => void,
    isStopped: () => boolean,
  ): Promise<RunEnd> {
    let session: Session | undefined;
    try {
      const outcome = await compileForRun(snapshot.schema, database);
      if (!outcome.ok) throw new Error(outcome.message);
      const runner = database === "sqlite" ? sqlite : (await loadPostgresql()).runner;
      if (database === "postgresql") session = await (await loadPostgresql()).client.open(outcome.migrationScript!);
      if (isStopped()) return { kind: "stopped", lines: 0, statements: 0 };
      const handle = runner.run(
        {
          schema: outcome.schema,
          code: snapshot.code,
          ...(javascript === undefined ? {} : { javascript }),
          ...(database === "sqlite" ? { migrationScript: outcome.migrationScript! } : { session: session!.port }),
        },
        (message) => {
          switch (message.type) {
            case "query":
              emit("query", { database, query: message.query });
              break;
            case "console":
              emit("console", { database, level: message.level, text: message.text, ...(message.line === undefined ? {} : { line: message.line }) });
              break;
            case "error":
              emit("error", { database, error: message.error, unhandled: message.unhandled });
              break;
            case "step":
              emit("step", { database, step: message.step });
              break;
            case "calls":
              emit("calls", { database, total: message.total });
              break;
            case "tables":
              emit("tables", { database, tables: message.tables });
              break;
          }
        },
      );
      onStop(handle.stop);
      return await handle.ended;
    } catch (error) {
      return { kind: "crashed", message: error instanceof Error ? error.message : String(error), lines: 0, statements: 0 };
    } finally {
      await session?.close().catch(() => {});
    }
  }

  return {
    /** Resolves once the opening state is read and SQLite's first worker is ready: Run is usable. */
    ready: opened.then(() => sqlite.prepare()),
    get state(): UrlState {
      return state;
    },
    /** Why the opening link could not be read in full, if it could not. */
    get openingNotice(): string | undefined {
      return openingNotice;
    },
    get running(): boolean {
      return current !== undefined;
    },
    get postgresql(): { state: PostgresqlState; starts: number } {
      return { state: postgresqlState, starts: postgresqlStarts };
    },
    on<K extends keyof PlaygroundEvents>(type: K, listener: Listener<K>): () => void {
      let set = listeners.get(type);
      if (set === undefined) listeners.set(type, (set = new Set()));
      set.add(listener as (event: never) => void);
      return () => set.delete(listener as (event: never) => void);
    },
    edit,
    chooseDatabase,
    load,
    baseState,
    check,
    run,
    /** Stops the run going, if any. */
    stop(): void {
      current?.stop();
    },
    /** Starts PostgreSQL (fetching its files) unless it has been; resolves once it can run. */
    loadPostgresql: () => loadPostgresql().then(() => {}),
    /** Stops the run going and ends every worker (the runners' spares, the database worker). */
    dispose(): void {
      disposed = true;
      current?.stop();
      sqlite.dispose();
      void postgresql?.then(({ client, runner }) => {
        runner.dispose();
        client.terminate();
      }, () => {});
    },
    /** The URL hash for the state: only what differs from its base. */
    urlHash: () => encodeState(state, baseState(state.base) ?? defaultPreset),
  };
}

export type Playground = ReturnType<typeof createPlayground>;

function endStatus(end: RunEnd): string {
  switch (end.kind) {
    case "done":
      return `Done in ${Math.round(end.durationMs)} ms: ${count(end.statements, "SQL statement", "SQL statements")}.`;
    case "crashed":
      return "The run ended unexpectedly.";
    case "time-limit":
      return "Stopped after 30 s.";
    default:
      return "Stopped.";
  }
}

/** The lines a run's end writes into Output. */
function endNotes(end: RunEnd): { level: NoteLevel; text: string }[] {
  const notes: { level: NoteLevel; text: string }[] = [];
  if (end.kind === "done" && end.pending > 0) {
    notes.push({
      level: "warn",
      text: `${count(end.pending, "Prisma query was", "Prisma queries were")} still pending when the code returned (a missing await?): not run, and not kept for a later run.`,
    });
  }
  if (end.kind === "crashed") notes.push({ level: "error", text: `The run ended unexpectedly: ${end.message}` });
  else if (end.kind !== "done") notes.push({ level: "error", text: stopTexts[end.kind] });
  return notes;
}
