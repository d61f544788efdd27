/**
 * The Node side of `WasmSource`: the wasm bytes come from the installed packages.
 * (prisma-schema-wasm's glue reads its own wasm from its folder.)
 */
import { readFile } from "node:fs/promises";
import { once, type WasmSource } from "./wasm-source.ts";

export function nodeWasmSource(): WasmSource {
  return {
    queryCompiler: once(async () => {
      // @prisma/client ships the compiler's wasm as base64 inside a JS module.
      const { wasm } = await import("@prisma/client/runtime/query_compiler_small_bg.sqlite.wasm-base64.mjs");
      return WebAssembly.compile(Buffer.from(wasm, "base64"));
    }),
    postgresqlQueryCompiler: once(async () => {
      const { wasm } = await import("@prisma/client/runtime/query_compiler_small_bg.postgresql.wasm-base64.mjs");
      return WebAssembly.compile(Buffer.from(wasm, "base64"));
    }),
    schemaEngine: once(async () => {
      const bindings = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
      return WebAssembly.compile(await readFile(new URL("./schema_engine_bg.wasm", bindings)));
    }),
  };
}
