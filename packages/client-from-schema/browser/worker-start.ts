/**
 * What both proof workers do first: note when they started, and report whether their CSP forbids
 * eval (the pipeline never uses it; this only proves the policy holds in the worker).
 */
import type { WorkerMessage } from "./protocol.ts";

export const workerStarted = performance.timeOrigin + performance.now();
export const post = (message: WorkerMessage) => self.postMessage(message);

try {
  new Function("return 1")();
  post({ type: "eval-blocked", blocked: false });
} catch {
  post({ type: "eval-blocked", blocked: true });
}
