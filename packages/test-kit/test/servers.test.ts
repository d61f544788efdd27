import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, test } from "node:test";
import mariadb from "mariadb";
import pg from "pg";
import { createDatabase, isSkipped, startMariaDb, startPostgres, type RunningServer, type Skipped } from "../src/index.ts";
import { processesWith } from "./support/server-processes.ts";

interface Kind {
  name: string;
  envVariable: "DATABASE_URL_POSTGRES" | "DATABASE_URL_MYSQL";
  start(): Promise<RunningServer | Skipped>;
  /** The folder of the server listening on `port`, read from its command line. */
  serverDir(port: string): string | undefined;
  /** Creates a table in the database at `url` and lists the tables there. */
  addTableAndList(url: string): Promise<string[]>;
  listTables(url: string): Promise<string[]>;
}

/** The server's folder is the parent of its data directory (`-D <dir>/data` or `--datadir=<dir>/data`). */
function dirFromDataArg(args: string[]): string | undefined {
  const data = args.includes("-D") ? args[args.indexOf("-D") + 1] : args.find((arg) => arg.startsWith("--datadir="));
  return data?.replace("--datadir=", "").replace(/\/data$/, "");
}

async function withPg<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function withMariaDb<T>(url: string, run: (connection: mariadb.Connection) => Promise<T>): Promise<T> {
  const connection = await mariadb.createConnection(url.replace(/^mysql:/, "mariadb:"));
  try {
    return await run(connection);
  } finally {
    await connection.end();
  }
}

const pgTables = (client: pg.Client) =>
  client
    .query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
    .then((r) => r.rows.map((row) => row.table_name));
const mariaDbTables = (connection: mariadb.Connection) =>
  connection
    .query<{ TABLE_NAME: string }[]>("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")
    .then((rows) => rows.map((row) => row.TABLE_NAME));

const kinds: Kind[] = [
  {
    name: "PostgreSQL",
    envVariable: "DATABASE_URL_POSTGRES",
    start: startPostgres,
    serverDir: (port) => {
      const [server] = processesWith(`${tmpdir()}/test-kit-pg-`).filter((p) => p.args.includes(port));
      return server && dirFromDataArg(server.args);
    },
    addTableAndList: (url) =>
      withPg(url, async (client) => {
        await client.query("CREATE TABLE leftover (id int)");
        return pgTables(client);
      }),
    listTables: (url) => withPg(url, pgTables),
  },
  {
    name: "MariaDB",
    envVariable: "DATABASE_URL_MYSQL",
    start: startMariaDb,
    serverDir: (port) => {
      const [server] = processesWith(`--port=${port}`, `${tmpdir()}/test-kit-mariadb-`);
      return server && dirFromDataArg(server.args);
    },
    addTableAndList: (url) =>
      withMariaDb(url, async (connection) => {
        await connection.query("CREATE TABLE leftover (id int)");
        return mariaDbTables(connection);
      }),
    listTables: (url) => withMariaDb(url, mariaDbTables),
  },
];

for (const kind of kinds) {
  describe(`start${kind.name === "PostgreSQL" ? "Postgres" : "MariaDb"}`, () => {
    test(`uses ${kind.envVariable} when it is set, and stop() leaves that server alone`, async () => {
      const saved = process.env[kind.envVariable];
      process.env[kind.envVariable] = "postgresql://someone@127.0.0.1:1/elsewhere";
      try {
        const server = await kind.start();
        assert.ok(!isSkipped(server));
        assert.equal(server.url, "postgresql://someone@127.0.0.1:1/elsewhere");
        await server.stop();
      } finally {
        if (saved === undefined) delete process.env[kind.envVariable];
        else process.env[kind.envVariable] = saved;
      }
    });

    test(`starts its own server, creates fresh databases on it, and stop() leaves no process or folder`, async () => {
      const saved = process.env[kind.envVariable];
      delete process.env[kind.envVariable];
      let server: RunningServer | Skipped;
      try {
        server = await kind.start();
      } finally {
        if (saved !== undefined) process.env[kind.envVariable] = saved;
      }
      if (isSkipped(server)) {
        console.log(`SKIPPED: ${kind.name} server lifecycle — ${server.skipped}`);
        return;
      }
      const port = new URL(server.url).port;
      const dir = kind.serverDir(port);
      try {
        assert.equal(new URL(server.url).hostname, "127.0.0.1");
        assert.ok(dir !== undefined && existsSync(dir), `server folder found for port ${port}`);

        const url = await createDatabase(server.url, "testkit_servers");
        assert.equal(new URL(url).pathname, "/testkit_servers");
        assert.deepEqual(await kind.addTableAndList(url), ["leftover"]);
        assert.equal(await createDatabase(server.url, "testkit_servers"), url);
        assert.deepEqual(await kind.listTables(url), [], "the second createDatabase starts empty again");
      } finally {
        await server.stop();
      }
      assert.equal(existsSync(dir), false, "the server's folder is gone");
      assert.deepEqual(processesWith(dir), [], "no process of that server is left");
      await assert.rejects(kind.listTables(server.url), /ECONNREFUSED|connect/);
      await server.stop();
    });
  });
}
