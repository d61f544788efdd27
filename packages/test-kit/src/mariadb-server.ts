import { join } from "node:path";
import mariadb from "mariadb";
import { findBinary } from "./find-binary.ts";
import { freeLoopbackPort } from "./free-port.ts";
import { launch, makeServerDir, removeServerDir, runToCompletion } from "./server-process.ts";
import { externalServer, runningServer, type RunningServer, type Skipped } from "./server-types.ts";
import { serviceAccount } from "./service-account.ts";
import { waitUntilReady } from "./wait-until-ready.ts";

/** Settings that trade durability for speed; the data directory is thrown away anyway. */
const fastSettings = [
  "--skip-log-bin",
  "--skip-name-resolve",
  "--innodb-flush-log-at-trx-commit=0",
  "--innodb-doublewrite=0",
  "--innodb-buffer-pool-size=64M",
  "--character-set-server=utf8mb4",
  "--collation-server=utf8mb4_unicode_ci",
];

/**
 * A MariaDB server for one test file: `DATABASE_URL_MYSQL` when set, otherwise a fresh data
 * directory in a temporary folder on a free loopback port. `mariadb-install-db` creates
 * `root@127.0.0.1` without a password, which is what the returned URL uses (database `mysql`).
 */
export async function startMariaDb(): Promise<RunningServer | Skipped> {
  const fromEnv = process.env.DATABASE_URL_MYSQL;
  if (fromEnv) return externalServer("mariadb", fromEnv);

  const installDb = findBinary(["/usr/bin/mariadb-install-db"], ["mariadb-install-db", "mysql_install_db"]);
  const mariadbd = findBinary(["/usr/sbin/mariadbd", "/usr/sbin/mysqld"], ["mariadbd", "mysqld"]);
  if (installDb === undefined || mariadbd === undefined) {
    return { skipped: "MariaDB server binaries (mariadb-install-db, mariadbd) not found, install mariadb-server" };
  }

  const account = serviceAccount("mysql");
  const dir = await makeServerDir("mariadb", account);
  try {
    const data = join(dir, "data");
    await runToCompletion(
      installDb,
      ["--no-defaults", `--datadir=${data}`, "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"],
      dir,
      account,
    );
    // A port can be taken between asking and binding; try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freeLoopbackPort();
      const args = [
        "--no-defaults",
        `--datadir=${data}`,
        "--bind-address=127.0.0.1",
        `--port=${port}`,
        `--socket=${join(dir, "mariadbd.sock")}`,
        `--pid-file=${join(dir, "mariadbd.pid")}`,
        ...fastSettings,
      ];
      const server = await launch(mariadbd, args, { dir, account, stopSignal: "SIGTERM" });
      const url = `mysql://root@127.0.0.1:${port}/mysql`;
      try {
        await waitUntilReady("MariaDB", server, () => probe(port));
      } catch (error) {
        await server.stop();
        if (attempt < 3 && /Address already in use|Can't start server: Bind/.test(server.logTail())) continue;
        throw error;
      }
      return runningServer("mariadb", url, server, dir);
    }
  } catch (error) {
    await removeServerDir(dir);
    throw error;
  }
}

async function probe(port: number): Promise<void> {
  const connection = await mariadb.createConnection({ host: "127.0.0.1", port, user: "root", connectTimeout: 1000 });
  try {
    await connection.query("SELECT 1");
  } finally {
    await connection.end().catch(() => {});
  }
}
