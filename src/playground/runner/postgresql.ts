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

export async function startPostgresql(files: Pick<PostgresqlFiles, "pglite" | "fsBundle" | "cluster">): Promise<Postgresql> {
  const [{ PGlite }, { PrismaPGlite }] = await importPostgresqlModules();
  // An empty module stands in for initdb's wasm: PGlite fetches initdb.wasm unless it is given
  // one, but only runs it for a data directory without a cluster, and this one has the build's.
  const noInitdb = new WebAssembly.Module(Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00));
  const db = await PGlite.create({ pgliteWasmModule: files.pglite, initdbWasmModule: noInitdb, fsBundle: files.fsBundle, loadDataDir: files.cluster });
  return { db, PrismaPGlite };
}
