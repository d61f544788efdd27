/**
 * The browser side of `WasmSource`: the wasm files are assets of the bundle, emitted by
 * `clientFromSchemaVite()` (see `vite-plugin.ts`), compiled while they download. PostgreSQL's
 * query compiler has a module of its own, imported on first use: a page that only runs SQLite
 * never fetches it.
 */
import { queryCompilerWasmUrl, schemaEngineWasmUrl } from "virtual:client-from-schema/wasm-urls";
import { once, type WasmSource } from "./wasm-source.ts";

export function browserWasmSource(): WasmSource {
  return {
    queryCompiler: once(() => WebAssembly.compileStreaming(fetch(queryCompilerWasmUrl))),
    postgresqlQueryCompiler: once(async () => {
      const { postgresqlQueryCompilerWasmUrl } = await import("virtual:client-from-schema/postgresql-wasm-url");
      return WebAssembly.compileStreaming(fetch(postgresqlQueryCompilerWasmUrl));
    }),
    schemaEngine: once(() => WebAssembly.compileStreaming(fetch(schemaEngineWasmUrl))),
  };
}
