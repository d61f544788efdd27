/**
 * Where the WebAssembly modules come from. This is the only thing that differs between
 * Node (bytes read from node_modules) and the browser (bytes fetched from the bundle's assets).
 *
 * prisma-schema-wasm is not listed: its wasm-bindgen glue reads its own bytes through
 * `require("fs")`, which is the real file system in Node and, in a bundle, the small
 * module `clientFromSchemaVite()` supplies (see `vite-plugin.ts`).
 */
export interface WasmSource {
  /** Prisma's query compiler for SQLite, the "small" build. Called at most once per page. */
  queryCompiler(): Promise<WebAssembly.Module>;
  /**
   * Prisma's query compiler for PostgreSQL, the "small" build: needed only by PostgreSQL schemas,
   * and called the first time one builds a client. A source without it builds SQLite clients only.
   */
  postgresqlQueryCompiler?(): Promise<WebAssembly.Module>;
  /** Prisma's schema engine (DDL). Called the first time a migration script is needed. */
  schemaEngine(): Promise<WebAssembly.Module>;
}

/** Runs `load` once and hands every caller the same promise; a failed load may be retried. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
