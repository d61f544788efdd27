/**
 * The proof page: hands two schemas to a worker and exposes what came back on `window.proof`
 * for the Playwright test and the benchmark. `?database=postgresql` runs the PostgreSQL schemas
 * in a worker over PGlite; otherwise the SQLite ones run over sql.js.
 */
import referenceSchema from "../../adapter-prisma/schemas/reference.sqlite.prisma?raw";
import renamedSchema from "../../adapter-prisma/schemas/renamed.sqlite.prisma?raw";
import referencePostgresSchema from "../../adapter-prisma/schemas/reference.postgresql.prisma?raw";
import renamedPostgresSchema from "../../adapter-prisma/schemas/renamed.postgresql.prisma?raw";
import type { Proof, RunRequest, SchemaRun, WorkerMessage } from "./protocol.ts";

const parameters = new URLSearchParams(location.search);
const database = parameters.get("database") === "postgresql" ? "postgresql" : "sqlite";
const proof: Proof = {
  done: false,
  database,
  reports: [],
  failures: [],
  evalBlockedInPage: isEvalBlocked(),
  cspViolations: [],
  navigationStart: performance.timeOrigin,
};
(window as unknown as { proof: Proof }).proof = proof;
document.addEventListener("securitypolicyviolation", (event) => proof.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));

function isEvalBlocked(): boolean {
  try {
    // Only here to prove the page's CSP forbids eval; the pipeline never uses it.
    new Function("return 1")();
    return false;
  } catch {
    return true;
  }
}

const schemas = database === "postgresql" ? [referencePostgresSchema, renamedPostgresSchema] : [referenceSchema, renamedSchema];
const runs: SchemaRun[] = [
  { label: "reference", text: schemas[0]!, names: { user: "user", session: "session", key: "key", relation: "user" }, userData: {} },
  { label: "renamed", text: schemas[1]!, names: { user: "authUser", session: "authSession", key: "authKey", relation: "owner" }, userData: { username: "ann" } },
];

const status = document.getElementById("status");
// Two literal `new Worker(new URL(…))` forms, so the bundler builds each worker on its own:
// the SQLite worker's bundle holds nothing of PGlite or PostgreSQL's query compiler.
const worker =
  database === "postgresql"
    ? new Worker(new URL("./postgresql-worker.ts", import.meta.url), { type: "module" })
    : new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
worker.addEventListener("error", (event) => {
  proof.failures.push(`worker error: ${event.message}`);
  proof.done = true;
});
worker.addEventListener("message", (event: MessageEvent<WorkerMessage>) => {
  const message = event.data;
  if (message.type === "report") proof.reports.push(message.report);
  if (message.type === "failed") proof.failures.push(`${message.label}: ${message.message}`);
  if (message.type === "eval-blocked") proof.evalBlockedInWorker = message.blocked;
  if (message.type === "database-ready") proof.databaseReady = message.at;
  if (message.type === "done") {
    proof.done = true;
    worker.terminate();
  }
  if (status) status.textContent = proof.done ? `done: ${proof.reports.length} schemas, ${proof.failures.length} failures` : "running…";
});
const first: RunRequest["first"] = parameters.get("first") === "precompiled" ? "precompiled" : "text";
worker.postMessage({ runs, first } satisfies RunRequest);
