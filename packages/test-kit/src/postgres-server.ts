import { join } from "node:path";
import pg from "pg";
import { findBinary, postgresBinDirs } from "./find-binary.ts";
import { freeLoopbackPort } from "./free-port.ts";
import { launch, makeServerDir, removeServerDir, runToCompletion } from "./server-process.ts";
import { externalServer, runningServer, type RunningServer, type Skipped } from "./server-types.ts";
import { serviceAccount } from "./service-account.ts";
import { waitUntilReady } from "./wait-until-ready.ts";

/** Settings that trade durability for speed; the cluster is thrown away anyway. */
const fastSettings = ["fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=100"];

/**
 * A PostgreSQL server for one test file: `DATABASE_URL_POSTGRES` when set, otherwise a fresh
 * cluster in a temporary folder on a free loopback port, trust authentication, user `postgres`.
 */
export async function startPostgres(): Promise<RunningServer | Skipped> {
  const fromEnv = process.env.DATABASE_URL_POSTGRES;
  if (fromEnv) return externalServer("postgres", fromEnv);

  const binDir = postgresBinDirs().find((dir) => findBinary([join(dir, "initdb"), join(dir, "postgres")], []));
  const initdb = findBinary(binDir ? [join(binDir, "initdb")] : [], ["initdb"]);
  const postgres = findBinary(binDir ? [join(binDir, "postgres")] : [], ["postgres"]);
  if (initdb === undefined || postgres === undefined) {
    return { skipped: "PostgreSQL server binaries (initdb, postgres) not found, install postgresql" };
  }

  const account = serviceAccount("postgres");
  const dir = await makeServerDir("pg", account);
  try {
    const data = join(dir, "data");
    await runToCompletion(
      initdb,
      ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C", "--no-instructions"],
      dir,
      account,
    );
    // A port can be taken between asking and binding; try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freeLoopbackPort();
      const args = ["-D", data, "-k", dir, "-h", "127.0.0.1", "-p", String(port)];
      for (const setting of fastSettings) args.push("-c", setting);
      const server = await launch(postgres, args, { dir, account, stopSignal: "SIGINT" });
      const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
      try {
        await waitUntilReady("PostgreSQL", server, () => probe(url));
      } catch (error) {
        await server.stop();
        if (attempt < 3 && /could not bind|Address already in use/.test(server.logTail())) continue;
        throw error;
      }
      return runningServer("postgres", url, server, dir);
    }
  } catch (error) {
    await removeServerDir(dir);
    throw error;
  }
}

async function probe(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
  } finally {
    await client.end().catch(() => {});
  }
}
