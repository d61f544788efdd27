/**
 * PostgreSQL in the database worker: PGlite started from the files the page fetched and
 * compiled, and from the cluster the build initialised (so initdb never runs here).
 */
import { PGlite } from "@electric-sql/pglite";
import type { PostgresqlFiles } from "../protocol.ts";

export type ClusterFiles = Pick<PostgresqlFiles, "pglite" | "fsBundle" | "cluster">;

export function startPostgresql(files: ClusterFiles): Promise<PGlite> {
  // An empty module stands in for initdb's wasm: PGlite fetches initdb.wasm unless it is given
  // one, but only runs it for a data directory without a cluster, and this one has the build's.
  const noInitdb = new WebAssembly.Module(Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00));
  return PGlite.create({ pgliteWasmModule: files.pglite, initdbWasmModule: noInitdb, fsBundle: files.fsBundle, loadDataDir: files.cluster });
}
