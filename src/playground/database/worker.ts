/**
 * The database worker: PostgreSQL (PGlite), started once when the reader first chooses it and
 * kept for the page's lifetime. It never runs the reader's code: each run's code worker reaches it
 * through a session (the Prisma driver adapter interface over a MessagePort), so stopping a run
 * only closes its session. See `sessions.ts`.
 */
import type { DatabaseToPage, PageToDatabase } from "../protocol.ts";
import { warmUpSchemaText } from "./warm-up.ts";
import { startPostgresql, type ClusterFiles } from "./postgresql.ts";
import { PostgresqlSessions } from "./sessions.ts";

const post = (message: DatabaseToPage) => self.postMessage(message);

let receiveSchemaEngine: (message: Extract<PageToDatabase, { type: "schema-engine" | "schema-engine-failed" }>) => void = () => {};
const schemaEngine = new Promise<WebAssembly.Module>((resolve, reject) => {
  receiveSchemaEngine = (message) =>
    message.type === "schema-engine" ? resolve(message.module) : reject(new Error(`Prisma's schema engine did not load: ${message.message}`));
});
// Only edited schemas wait for it; one that never comes must not be reported as unhandled.
schemaEngine.catch(() => {});

let sessions: Promise<PostgresqlSessions> | undefined;
const open = new Map<number, { close(): Promise<void> }>();
let nextSessionId = 1;

function started(): Promise<PostgresqlSessions> {
  if (sessions === undefined) throw new Error("PostgreSQL has not been started.");
  return sessions;
}

function start(files: ClusterFiles): Promise<PostgresqlSessions> {
  sessions ??= PostgresqlSessions.create({
    start: () => startPostgresql(files),
    wasm: { schemaEngine: () => schemaEngine },
    onRestart: (starts) => post({ type: "starts", starts }),
  });
  sessions.catch(() => (sessions = undefined));
  return sessions;
}

async function answer(message: Exclude<PageToDatabase, { type: "schema-engine" | "schema-engine-failed" }>): Promise<unknown> {
  switch (message.type) {
    case "start":
      await start(message.files);
      return null;
    case "migration-script":
      return (await started()).migrationScript(message.text);
    case "open": {
      const session = await (await started()).open(message.port, message.script);
      const sessionId = nextSessionId++;
      open.set(sessionId, session);
      return sessionId;
    }
    case "close": {
      const session = open.get(message.sessionId);
      open.delete(message.sessionId);
      await session?.close();
      return null;
    }
  }
}

self.addEventListener("message", (event: MessageEvent<PageToDatabase>) => {
  const message = event.data;
  if (message.type === "schema-engine" || message.type === "schema-engine-failed") {
    receiveSchemaEngine(message);
    // One small schema's DDL imports the engine's glue and instantiates it, so the first edited
    // schema is fast and needs nothing from the network.
    if (message.type === "schema-engine") {
      void started()
        .then((ready) => ready.migrationScript(warmUpSchemaText))
        .then(() => post({ type: "schema-engine-ready" }), () => {});
    }
    return;
  }
  answer(message).then(
    (value) => post({ type: "reply", requestId: message.requestId, value }),
    (error: unknown) => post({ type: "failed", requestId: message.requestId, message: error instanceof Error ? error.message : String(error) }),
  );
});
