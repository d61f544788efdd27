/**
 * The proof page: hands two schemas to a worker and exposes what came back on `window.proof`
 * for the Playwright test and the benchmark.
 */
import referenceSchema from "../../adapter-prisma/schemas/reference.sqlite.prisma?raw";
import renamedSchema from "../../adapter-prisma/schemas/renamed.sqlite.prisma?raw";
import type { Proof, RunRequest, SchemaRun, WorkerMessage } from "./protocol.ts";


const proof: Proof = { done: false, reports: [], failures: [], evalBlockedInPage: isEvalBlocked(), cspViolations: [], navigationStart: performance.timeOrigin };
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

const runs: SchemaRun[] = [
  { label: "reference", text: referenceSchema, names: { user: "user", session: "session", key: "key", relation: "user" }, userData: {} },
  { label: "renamed", text: renamedSchema, names: { user: "authUser", session: "authSession", key: "authKey", relation: "owner" }, userData: { username: "ann" } },
];

const status = document.getElementById("status");
const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
worker.addEventListener("error", (event) => {
  proof.failures.push(`worker error: ${event.message}`);
  proof.done = true;
});
worker.addEventListener("message", (event: MessageEvent<WorkerMessage>) => {
  const message = event.data;
  if (message.type === "report") proof.reports.push(message.report);
  if (message.type === "failed") proof.failures.push(`${message.label}: ${message.message}`);
  if (message.type === "eval-blocked") proof.evalBlockedInWorker = message.blocked;
  if (message.type === "done") {
    proof.done = true;
    worker.terminate();
  }
  if (status) status.textContent = proof.done ? `done: ${proof.reports.length} schemas, ${proof.failures.length} failures` : "running…";
});
const first: RunRequest["first"] = new URLSearchParams(location.search).get("first") === "precompiled" ? "precompiled" : "text";
worker.postMessage({ runs, first } satisfies RunRequest);
