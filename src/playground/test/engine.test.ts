/**
 * The playground engine and its code runner with fake workers (Node's MessageChannel carries the
 * same messages a browser's would): the order of side-by-side runs, a rejected schema, a crashed
 * worker, Stop, the answer deadline and the time limit, and messages that come too late or from
 * the wrong place. Milliseconds each; the real workers run in the Playwright tests.
 */
import assert from "node:assert/strict";
import { afterEach, describe, test } from "node:test";
import type { Precompiled } from "../build/precompile-plugin.ts";
import { compileKey, withBrowserProvider, type Database } from "../database.ts";
import type { CodeWorkerInit, CodeWorkerToPage, CompileOutcome, DatabaseToPage, PageToCodeWorker, PageToDatabase, PostgresqlFiles } from "../protocol.ts";
import type { RunLimits } from "../engine/code-runner.ts";
import { createPlayground, stopTexts, type PlaygroundEvents } from "../engine/playground.ts";

const schema = 'datasource db {\n  provider = "sqlite"\n}\n\nmodel User {\n  id String @id\n}\n';
const code = 'console.log("hello");\n';
const success = (database: Database): CompileOutcome => ({
  ok: true,
  schema: { text: withBrowserProvider(schema, database), provider: database, models: [] } as never,
  migrationScript: `-- ${database} tables`,
  notices: [],
});
const precompiled: Precompiled = {
  presets: [{ id: "default", title: "Default", schema, code, database: "sqlite" } as Precompiled["presets"][number]],
  schemas: Object.fromEntries((["sqlite", "postgresql"] as const).map((database) => [compileKey(database, withBrowserProvider(schema, database)), success(database)])) as Precompiled["schemas"],
  javascript: {},
  examples: {},
  postgresqlBytes: 1,
};

/** How a fake code worker behaves once it is given its run. */
type Behaviour = (worker: FakeCodeWorker, send: (message: CodeWorkerToPage) => void) => void;

const answers: Behaviour = (_worker, send) => {
  send({ type: "console", level: "log", text: "hello" });
  send({ type: "query", query: { sql: "SELECT 1", args: [], durationMs: 0.1, inTransaction: false, adapterMethod: null, luciaMethod: null, luciaCall: null } });
  send({ type: "tables", tables: [] });
  send({ type: "done", durationMs: 3, pending: 0, lines: 1, statements: 1 });
};

class FakeCodeWorker extends EventTarget {
  static made: FakeCodeWorker[] = [];
  port: MessagePort | undefined;
  terminated = false;
  pingsAnswered = true;
  constructor(
    readonly database: Database,
    readonly behaviour: Behaviour,
  ) {
    super();
    FakeCodeWorker.made.push(this);
  }
  postMessage(message: CodeWorkerInit): void {
    const port = message.port;
    this.port = port;
    const send = (reply: CodeWorkerToPage) => {
      if (!this.terminated) port.postMessage(reply);
    };
    port.onmessage = (event: MessageEvent<PageToCodeWorker>) => {
      if (event.data.type === "ping") {
        if (this.pingsAnswered) send({ type: "pong", lines: 0, statements: 0 });
      } else {
        this.behaviour(this, send);
      }
    };
    send({ type: "ready" });
  }
  /** What the reader's code can do: post on the worker itself. */
  forge(message: unknown): void {
    this.dispatchEvent(Object.assign(new Event("message"), { data: message }));
  }
  crash(message: string): void {
    this.dispatchEvent(Object.assign(new Event("error", { cancelable: true }), { message }));
  }
  terminate(): void {
    this.terminated = true;
    this.port?.close();
  }
}

class FakeDatabaseWorker extends EventTarget {
  readonly requests: PageToDatabase["type"][] = [];
  postMessage(message: PageToDatabase): void {
    this.requests.push(message.type);
    if (!("requestId" in message)) return;
    const value = message.type === "open" ? 7 : message.type === "migration-script" ? "-- edited" : null;
    queueMicrotask(() => this.dispatchEvent(Object.assign(new Event("message"), { data: { type: "reply", requestId: message.requestId, value } satisfies DatabaseToPage })));
  }
  terminate(): void {}
}

interface Setup {
  behaviour?: Behaviour;
  hash?: string;
  limits?: RunLimits;
  compile?(text: string): CompileOutcome;
}

const made: { dispose(): void }[] = [];
afterEach(() => {
  for (const playground of made.splice(0)) playground.dispose();
});

function setUp({ behaviour = answers, hash = "", limits, compile }: Setup = {}) {
  FakeCodeWorker.made = [];
  const databaseWorker = new FakeDatabaseWorker();
  let behaviourNow = behaviour;
  const playground = createPlayground({
    precompiled,
    location: { hash, search: "" },
    workers: {
      code: (database) => new FakeCodeWorker(database, (worker, send) => behaviourNow(worker, send)) as unknown as Worker,
      database: () => databaseWorker as unknown as Worker,
    },
    tools: {
      compile: async (text, database) =>
        compile?.(text) ?? { ...success(database), schema: { text, provider: database, models: [] } as never, ...(database === "postgresql" ? { migrationScript: undefined } : {}) },
      schemaEngine: () => new Promise(() => {}),
    },
    wasm: {
      sqlite: async () => ({ queryCompiler: {} as WebAssembly.Module, sqlJs: {} as WebAssembly.Module }),
      postgresql: async () => ({ queryCompiler: {} as WebAssembly.Module }) as PostgresqlFiles,
    },
    ...(limits ? { limits } : {}),
  });
  made.push(playground);
  const events: string[] = [];
  const record = <K extends keyof PlaygroundEvents>(type: K, describe: (event: PlaygroundEvents[K]) => string) => playground.on(type, (event) => events.push(`${type} ${describe(event)}`));
  record("run-start", ({ databases }) => databases.join("+"));
  record("console", ({ database, text }) => `${database} ${text}`);
  record("query", ({ database, query }) => `${database} ${query.sql}`);
  record("tables", ({ database }) => database);
  record("note", ({ database, text }) => `${database ?? "-"} ${text}`);
  record("schema-rejected", ({ outcome }) => (outcome.ok ? "" : outcome.message));
  record("database-end", ({ database, end }) => `${database} ${end.kind}`);
  record("run-end", ({ outcome }) => outcome);
  return { playground, events, databaseWorker, setBehaviour: (next: Behaviour) => (behaviourNow = next) };
}

const fast: RunLimits = { pingMs: 2, answerMs: 40, totalMs: 10_000 };

describe("the playground engine", () => {
  test("runs on SQLite in a worker of its own, and reports the run in order", async () => {
    const { playground, events } = setUp();
    await playground.ready;
    assert.equal(await playground.run(), "done");
    assert.deepEqual(events, ["run-start sqlite", "console sqlite hello", "query sqlite SELECT 1", "tables sqlite", "database-end sqlite done", "run-end done"]);
    assert.equal(FakeCodeWorker.made[0]!.terminated, true, "the run's worker is terminated when it ends");
  });

  test("reports the timeline's steps and the count of Lucia calls, before the tables", async () => {
    const { playground, events } = setUp({
      behaviour: (_worker, send) => {
        send({ type: "query", query: { sql: "INSERT", args: [], durationMs: 0.1, inTransaction: false, adapterMethod: "setUser", luciaMethod: "createUser", luciaCall: 1 } });
        send({ type: "step", step: { call: 1, luciaMethod: "createUser", outcome: "ok", statements: { first: 1, last: 1 }, tables: [{ name: "User", columns: ["id"], rows: [["u1"]] }] } });
        send({ type: "calls", total: 3 });
        send({ type: "tables", tables: [] });
        send({ type: "done", durationMs: 3, pending: 0, lines: 0, statements: 1 });
      },
    });
    playground.on("step", ({ database, step }) => events.push(`step ${database} ${step.call} ${step.luciaMethod} ${step.outcome} ${step.tables[0]!.rows.length}`));
    playground.on("calls", ({ database, total }) => events.push(`calls ${database} ${total}`));
    await playground.ready;
    assert.equal(await playground.run(), "done");
    assert.deepEqual(events, ["run-start sqlite", "query sqlite INSERT", "step sqlite 1 createUser ok 1", "calls sqlite 3", "tables sqlite", "database-end sqlite done", "run-end done"]);
  });

  test("side by side: SQLite's run ends before PostgreSQL's starts, and PostgreSQL's session is closed after", async () => {
    const { playground, events, databaseWorker } = setUp({ hash: "#p=default&db=compare" });
    await playground.ready;
    assert.equal(await playground.run(), "done");
    assert.deepEqual(events, [
      "run-start sqlite+postgresql",
      "console sqlite hello",
      "query sqlite SELECT 1",
      "tables sqlite",
      "database-end sqlite done",
      "console postgresql hello",
      "query postgresql SELECT 1",
      "tables postgresql",
      "database-end postgresql done",
      "run-end done",
    ]);
    assert.deepEqual(databaseWorker.requests, ["start", "open", "close"]);
  });

  test("an edited PostgreSQL schema gets its DDL from the database worker, once", async () => {
    const { playground, databaseWorker } = setUp({ hash: "#p=default&db=postgresql" });
    await playground.ready;
    playground.edit({ schema: schema.replace("sqlite", "postgresql") + "\n// edited\n" });
    await playground.run();
    await playground.run();
    assert.deepEqual(databaseWorker.requests.filter((type) => type === "migration-script"), ["migration-script"]);
  });

  test("a schema that does not validate runs nothing", async () => {
    const { playground, events } = setUp({ compile: () => ({ ok: false, message: "Prisma says no", diagnostics: [], notices: [] }) });
    await playground.ready;
    playground.edit({ schema: "model {" });
    assert.equal(await playground.run(), "rejected");
    assert.deepEqual(events, ["run-start sqlite", "schema-rejected Prisma says no", "run-end rejected"]);
  });

  test("a worker that crashes ends its run as crashed, and the next run gets a new worker", async () => {
    const { playground, events, setBehaviour } = setUp({ behaviour: (worker) => worker.crash("out of memory") });
    await playground.ready;
    assert.equal(await playground.run(), "crashed");
    assert.ok(events.some((event) => event.includes("The run ended unexpectedly: The code worker failed: out of memory")), events.join("\n"));
    setBehaviour(answers);
    assert.equal(await playground.run(), "done");
    assert.equal(new Set(FakeCodeWorker.made).size >= 2, true);
    assert.equal(FakeCodeWorker.made[0]!.terminated, true);
  });

  test("Stop ends a run that waits, says so, and terminates its worker", async () => {
    const { playground, events } = setUp({ behaviour: (_worker, send) => send({ type: "console", level: "log", text: "waiting" }) });
    await playground.ready;
    playground.on("console", () => playground.stop());
    assert.equal(await playground.run(), "stopped");
    assert.ok(events.includes(`note sqlite ${stopTexts.stopped}`), events.join("\n"));
    assert.equal(FakeCodeWorker.made[0]!.terminated, true);
    assert.equal(playground.running, false);
  });

  test("a worker that stops answering is stopped; one that answers but never ends meets the time limit", async () => {
    const silent = setUp({ limits: fast, behaviour: (worker) => (worker.pingsAnswered = false) });
    await silent.playground.ready;
    assert.equal(await silent.playground.run(), "unresponsive");
    assert.ok(silent.events.includes(`note sqlite ${stopTexts.unresponsive}`));

    const slow = setUp({ limits: { ...fast, totalMs: 60 }, behaviour: () => {} });
    await slow.playground.ready;
    assert.equal(await slow.playground.run(), "time-limit");
  });

  test("messages after a run's end, or posted on the worker itself, reach nobody", async () => {
    let late: ((message: CodeWorkerToPage) => void) | undefined;
    const { playground, events, setBehaviour } = setUp({
      behaviour: (worker, send) => {
        worker.forge({ type: "console", level: "log", text: "forged" });
        answers(worker, send);
        late = (message) => worker.port!.postMessage(message);
      },
    });
    await playground.ready;
    await playground.run();
    setBehaviour((_worker, send) => {
      late?.({ type: "console", level: "log", text: "stale" });
      answers(_worker, send);
    });
    await playground.run();
    assert.ok(!events.some((event) => event.includes("forged") || event.includes("stale")), events.join("\n"));
  });

  test("a run's end carries its counts, and says how many queries were still pending", async () => {
    const { playground, events } = setUp({ behaviour: (_worker, send) => send({ type: "done", durationMs: 1, pending: 2, lines: 1500, statements: 2500 }) });
    const ends: PlaygroundEvents["database-end"][] = [];
    playground.on("database-end", (event) => ends.push(event));
    await playground.ready;
    await playground.run();
    assert.deepEqual(ends[0]!.end, { kind: "done", durationMs: 1, pending: 2, lines: 1500, statements: 2500 });
    assert.ok(events.some((event) => event.includes("2 Prisma queries were still pending when the code returned")));
  });

  test("the state: a written datasource switches the database, the menu rewrites it, a preset restores it", async () => {
    const { playground } = setUp();
    const changes: string[] = [];
    playground.on("state", ({ changed, cause }) => changes.push(`${cause}: ${changed.join(",")}`));
    await playground.ready;
    playground.edit({ schema: schema.replace('"sqlite"', '"postgresql"') });
    assert.equal(playground.state.database, "postgresql");
    playground.chooseDatabase("sqlite");
    assert.match(playground.state.schema, /provider = "sqlite"/);
    playground.edit({ code: "// mine\n" });
    assert.match(await playground.urlHash(), /^#p=default&z=/);
    playground.load("default");
    assert.equal(await playground.urlHash(), "#p=default");
    assert.deepEqual(changes, ["edit: schema,database", "database: database,schema", "edit: code", "load: code"]);
  });
});
