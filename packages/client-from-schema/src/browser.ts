/**
 * The browser side of `WasmSource`: the wasm files are assets of the bundle, emitted by
 * `clientFromSchemaVite()` (see `vite-plugin.ts`), compiled while they download.
 */
import { queryCompilerWasmUrl, schemaEngineWasmUrl } from "virtual:client-from-schema/wasm-urls";
import { once, type WasmSource } from "./wasm-source.ts";

export function browserWasmSource(): WasmSource {
  return {
    queryCompiler: once(() => WebAssembly.compileStreaming(fetch(queryCompilerWasmUrl))),
    schemaEngine: once(() => WebAssembly.compileStreaming(fetch(schemaEngineWasmUrl))),
  };
}
