import mariadb from "mariadb";
import pg from "pg";

/**
 * Creates a fresh, empty database on the server behind `serverUrl` (dropping one of that name
 * first) and returns the server URL pointing at it. PostgreSQL and MySQL/MariaDB URLs.
 */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`Invalid database name ${JSON.stringify(name)}`);
  const url = new URL(serverUrl);
  switch (url.protocol) {
    case "postgres:":
    case "postgresql:":
      await recreatePostgresDatabase(serverUrl, name);
      break;
    case "mysql:":
    case "mariadb:":
      await recreateMariaDbDatabase(serverUrl, name);
      break;
    default:
      throw new Error(`createDatabase: unsupported URL scheme ${url.protocol}`);
  }
  url.pathname = `/${name}`;
  return url.toString();
}

async function recreatePostgresDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

async function recreateMariaDbDatabase(serverUrl: string, name: string): Promise<void> {
  const connection = await mariadb.createConnection(mariaDbConnectionString(serverUrl));
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
}

/** The mariadb driver only takes `mariadb://` connection strings. */
export function mariaDbConnectionString(url: string): string {
  return url.replace(/^mysql:/, "mariadb:");
}
