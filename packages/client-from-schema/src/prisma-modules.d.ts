// Declarations for Prisma runtime files that ship without types.

declare module "@prisma/client/runtime/query_compiler_small_bg.sqlite.mjs" {
  export function __wbg_set_wasm(exports: unknown): void;
  export const QueryCompiler: new (...args: never[]) => unknown;
}

declare module "@prisma/client/runtime/query_compiler_small_bg.sqlite.wasm-base64.mjs" {
  /** The query compiler's wasm bytes, base64-encoded. */
  export const wasm: string;
}

declare module "@prisma/client/runtime/query_compiler_small_bg.postgresql.mjs" {
  export function __wbg_set_wasm(exports: unknown): void;
  export const QueryCompiler: new (...args: never[]) => unknown;
}

declare module "@prisma/client/runtime/query_compiler_small_bg.postgresql.wasm-base64.mjs" {
  /** The query compiler's wasm bytes, base64-encoded. */
  export const wasm: string;
}
