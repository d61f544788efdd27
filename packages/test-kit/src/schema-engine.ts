/**
 * The only module that touches `@prisma/schema-engine-wasm`: it computes what
 * `prisma migrate diff --from-empty --to-schema <file> --script` prints, without the native
 * schema engine the CLI would download. The package is built for bundlers (it imports its
 * .wasm file as a module), so Node gets the glue code and instantiates the wasm by hand.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";

export type DdlProvider = "sqlite" | "postgresql";

let ready: Promise<void> | undefined;
let lastPanic: string | undefined;

function instantiate(): Promise<void> {
  return (ready ??= (async () => {
    const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
    registry.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message) => (lastPanic = message) };
    // The .wasm file is not in the package's exports; it sits next to the glue code.
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = join(dirname(gluePath), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })());
}

/**
 * The SQL script that creates the schema's tables from nothing, in Prisma's own words.
 * SQLite runs the engine over an in-memory better-sqlite3 database. PostgreSQL needs
 * `databaseUrl`: the engine connects even for a diff from nothing (it leaves the database as it
 * was). MySQL is not supported by the wasm engine.
 */
export async function ddlFromSchema(schemaPath: string, provider: DdlProvider, databaseUrl?: string): Promise<string> {
  const factory = trackConnections(adapterFactory(provider, databaseUrl));
  await instantiate();
  const content = await readFile(schemaPath, "utf8");
  const path = basename(schemaPath);
  lastPanic = undefined;
  let engine: glue.SchemaEngine | undefined;
  try {
    engine = await glue.SchemaEngine.new({ datamodels: [[path, content]] }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
    const result = await engine.diff({
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path, content }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    if (result.stdout === null) throw new Error("The schema engine returned no script");
    return result.stdout;
  } catch (error) {
    const detail = lastPanic === undefined ? "" : `\nSchema engine panic: ${lastPanic}`;
    throw new Error(`Could not compute DDL for ${schemaPath} (${provider}): ${describe(error)}${detail}`, { cause: error });
  } finally {
    engine?.free();
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
