import Database from "better-sqlite3";
import mariadb from "mariadb";
import pg from "pg";
import { mariaDbConnectionString } from "./create-database.ts";

/**
 * Runs a DDL script (several statements) against a database given by URL:
 * `file:<path>` (SQLite through better-sqlite3), `postgresql://…` or `mysql://…`/`mariadb://…`.
 * For an open better-sqlite3 connection, call `database.exec(ddl)` directly.
 */
export async function applyDdl(databaseUrl: string, ddl: string): Promise<void> {
  const protocol = databaseUrl.slice(0, databaseUrl.indexOf(":") + 1);
  switch (protocol) {
    case "file:": {
      const database = new Database(databaseUrl.slice("file:".length));
      try {
        database.exec(ddl);
      } finally {
        database.close();
      }
      return;
    }
    case "postgres:":
    case "postgresql:": {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(ddl);
      } finally {
        await client.end();
      }
      return;
    }
    case "mysql:":
    case "mariadb:": {
      const connection = await mariadb.createConnection({
        ...parseMariaDbUrl(databaseUrl),
        multipleStatements: true,
      });
      try {
        await connection.query(ddl);
      } finally {
        await connection.end();
      }
      return;
    }
    default:
      throw new Error(`applyDdl: unsupported URL ${JSON.stringify(databaseUrl)}`);
  }
}

function parseMariaDbUrl(url: string): mariadb.ConnectionConfig {
  const parsed = new URL(mariaDbConnectionString(url));
  return {
    host: parsed.hostname,
    port: parsed.port === "" ? 3306 : Number(parsed.port),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: parsed.pathname.slice(1) || undefined,
  };
}
