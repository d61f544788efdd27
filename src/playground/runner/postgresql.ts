/**
 * PostgreSQL in the runner: one PGlite, started from the files the page fetched and compiled,
 * shared by every PostgreSQL run of this worker (each run empties it first). PGlite and the
 * driver adapter are loaded here, with it, so a runner that only runs SQLite never loads them
 * and one that has started PostgreSQL needs nothing more from the network.
 */
import type { PGlite } from "@electric-sql/pglite";
import type { PrismaPGlite } from "@lucia-prisma/adapter-pglite";
import type { PostgresqlFiles } from "../protocol.ts";

export interface Postgresql {
  db: PGlite;
  PrismaPGlite: typeof PrismaPGlite;
}

/** PGlite's and the driver adapter's modules (also imported ahead by a spare runner). */
export function importPostgresqlModules() {
  return Promise.all([import("@electric-sql/pglite"), import("@lucia-prisma/adapter-pglite")]);
}

export async function startPostgresql(files: PostgresqlFiles): Promise<Postgresql> {
  const [{ PGlite }, { PrismaPGlite }] = await importPostgresqlModules();
  // From the build's cluster: initdb, seconds of CPU, does not run here.
  const db = await PGlite.create({ pgliteWasmModule: files.pglite, initdbWasmModule: files.initdb, fsBundle: files.fsBundle, loadDataDir: files.cluster });
  return { db, PrismaPGlite };
}
