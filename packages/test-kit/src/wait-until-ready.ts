import { setTimeout as delay } from "node:timers/promises";
import type { ServerProcess } from "./server-process.ts";

/**
 * Polls `probe` (a real connection and query) until it succeeds. Fails early, with the server's
 * log, if the process exits, and after `timeoutMs` with the last connection error.
 */
export async function waitUntilReady(
  name: string,
  server: ServerProcess,
  probe: () => Promise<void>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    if (server.exited) throw new Error(`${name} exited during start-up. Its log:\n${server.logTail()}`);
    try {
      await probe();
      return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`${name} did not accept connections within ${timeoutMs} ms: ${String(lastError)}\n${server.logTail()}`);
    }
    await delay(25);
  }
}
