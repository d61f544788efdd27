import { isSkipped, startMariaDb, startPostgres, type RunningServer } from "../../src/index.ts";

/**
 * Starts (or takes from env) one server for a whole test file. When the server cannot be had
 * here, prints one loud line and returns undefined; the suite's tests then pass without running.
 */
export async function serverForFile(kind: "postgres" | "mariadb", suite: string): Promise<RunningServer | undefined> {
  const server = kind === "postgres" ? await startPostgres() : await startMariaDb();
  if (isSkipped(server)) {
    console.log(`SKIPPED: ${suite} — ${server.skipped}`);
    return undefined;
  }
  return server;
}
