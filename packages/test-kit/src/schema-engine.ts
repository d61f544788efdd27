/**
 * What `prisma migrate diff --from-empty --to-schema <file> --script` prints, without the native
 * schema engine the CLI would download. The wasm schema engine is driven by
 * @lucia-prisma/client-from-schema, the one module of the project that touches it: its wasm-bindgen
 * glue holds a single instance per process, so a second loader here would replace it under the
 * other's feet (and did, when a test used both).
 */
import { readFile } from "node:fs/promises";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { migrationScript } from "@lucia-prisma/client-from-schema";
import { nodeWasmSource } from "@lucia-prisma/client-from-schema/node";

export type DdlProvider = "sqlite" | "postgresql";

const wasm = nodeWasmSource();

/**
 * The SQL script that creates the schema's tables from nothing, in Prisma's own words.
 * SQLite runs the engine over an in-memory better-sqlite3 database. PostgreSQL needs
 * `databaseUrl`: the engine connects even for a diff from nothing (it leaves the database as it
 * was). MySQL is not supported by the wasm engine.
 */
export async function ddlFromSchema(schemaPath: string, provider: DdlProvider, databaseUrl?: string): Promise<string> {
  const factory = trackConnections(adapterFactory(provider, databaseUrl));
  try {
    return await migrationScript({ text: await readFile(schemaPath, "utf8"), provider }, factory, wasm);
  } catch (error) {
    throw new Error(`Could not compute DDL for ${schemaPath} (${provider}): ${describe(error)}`, { cause: error });
  } finally {
    await factory.disposeAll();
  }
}

function adapterFactory(provider: DdlProvider, databaseUrl: string | undefined): SqlMigrationAwareDriverAdapterFactory {
  if (provider === "sqlite") return new PrismaBetterSqlite3({ url: ":memory:" });
  if (databaseUrl === undefined) {
    throw new Error("ddlFromSchema(..., \"postgresql\") needs a database URL: the schema engine connects to PostgreSQL");
  }
  return new PrismaPg({ connectionString: databaseUrl });
}

/** The engine connects through the factory but never closes what it opened; this does. */
function trackConnections(factory: SqlMigrationAwareDriverAdapterFactory) {
  const opened: SqlDriverAdapter[] = [];
  const keep = async (adapter: Promise<SqlDriverAdapter>) => {
    const connected = await adapter;
    opened.push(connected);
    return connected;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => keep(factory.connect()),
    connectToShadowDb: () => keep(factory.connectToShadowDb()),
    disposeAll: async () => {
      await Promise.allSettled(opened.splice(0).map((adapter) => adapter.dispose()));
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
