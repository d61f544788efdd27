/**
 * Vite plugin that lets this package run in a bundle (page or worker) without eval:
 *
 * - emits the three wasm files as assets and exposes their URLs as
 *   `virtual:client-from-schema/wasm-urls` (the query compiler's bytes are decoded from the
 *   base64 module @prisma/client ships, at build time);
 * - emits PostgreSQL's query compiler only from `virtual:client-from-schema/postgresql-wasm-url`,
 *   which `browserWasmSource()` imports dynamically: it and the asset load only when a
 *   PostgreSQL schema first builds a client;
 * - prisma-schema-wasm's glue is CommonJS written for Node: it calls `require("fs").readFileSync`
 *   on its wasm while it loads. Its `fs` becomes a small module that fetched those bytes first
 *   (top-level await), so the glue itself runs unchanged, as a module of the bundle;
 * - gives that glue and schema-engine-wasm's the `__dirname` and `global` bindings they mention,
 *   and @prisma/param-graph the base64url `Buffer` it uses, each in that module alone.
 *
 * Use it for the page and for workers: `plugins: [clientFromSchemaVite()]`,
 * `worker: { format: "es", plugins: () => [clientFromSchemaVite()] }`, `build.target: "es2022"` or later.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const require = createRequire(import.meta.url);

const wasmUrlsId = "virtual:client-from-schema/wasm-urls";
const postgresqlWasmUrlId = "virtual:client-from-schema/postgresql-wasm-url";
const schemaWasmFsId = "\0client-from-schema/prisma-schema-wasm-fs";
// This module runs as TypeScript source in the workspace and as compiled JavaScript from the package.
const ownExtension = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
const base64UrlBufferPath = fileURLToPath(new URL(`./base64url-buffer${ownExtension}`, import.meta.url));

const prismaSchemaGlue = /[\\/]@prisma[\\/]prisma-schema-wasm[\\/]src[\\/]prisma_schema_build\.js$/;
const schemaEngineGlue = /[\\/]@prisma[\\/]schema-engine-wasm[\\/]schema_engine_bg\.js$/;
const paramGraph = /[\\/]@prisma[\\/]param-graph[\\/]dist[\\/]index\.m?js$/;

async function wasmAssets(): Promise<{ name: string; bytes: Uint8Array; exportName: string }[]> {
  const schemaGlue = require.resolve("@prisma/prisma-schema-wasm");
  const engineGlue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  // Required rather than imported: a plugin may be loaded by a module runner (Astro's config
  // loader) that is closed by the time the build calls it.
  const { wasm } = require("@prisma/client/runtime/query_compiler_small_bg.sqlite.wasm-base64.js") as { wasm: string };
  return [
    { exportName: "queryCompilerWasmUrl", name: "query_compiler_small_bg.sqlite.wasm", bytes: Buffer.from(wasm, "base64") },
    { exportName: "schemaEngineWasmUrl", name: "schema_engine_bg.wasm", bytes: await readFile(join(dirname(engineGlue), "schema_engine_bg.wasm")) },
    { exportName: "prismaSchemaWasmUrl", name: "prisma_schema_build_bg.wasm", bytes: await readFile(join(dirname(schemaGlue), "prisma_schema_build_bg.wasm")) },
  ];
}

export function clientFromSchemaVite(): Plugin {
  return {
    name: "client-from-schema",
    enforce: "pre",

    resolveId(source, importer) {
      if (source === wasmUrlsId) return `\0${wasmUrlsId}`;
      if (source === postgresqlWasmUrlId) return `\0${postgresqlWasmUrlId}`;
      if (source === "fs" && importer !== undefined && prismaSchemaGlue.test(importer.split("?")[0] ?? "")) return schemaWasmFsId;
      return null;
    },

    async load(id) {
      if (id === `\0${wasmUrlsId}`) {
        const lines = [];
        for (const asset of await wasmAssets()) {
          const reference = this.emitFile({ type: "asset", name: asset.name, source: asset.bytes });
          lines.push(`export const ${asset.exportName} = import.meta.ROLLUP_FILE_URL_${reference};`);
        }
        return lines.join("\n");
      }
      if (id === `\0${postgresqlWasmUrlId}`) {
        // Required, not imported, for the same reason as in wasmAssets().
        const { wasm } = require("@prisma/client/runtime/query_compiler_small_bg.postgresql.wasm-base64.js") as { wasm: string };
        const reference = this.emitFile({ type: "asset", name: "query_compiler_small_bg.postgresql.wasm", source: Buffer.from(wasm, "base64") });
        return `export const postgresqlQueryCompilerWasmUrl = import.meta.ROLLUP_FILE_URL_${reference};`;
      }
      if (id === schemaWasmFsId) {
        return [
          `import { prismaSchemaWasmUrl } from ${JSON.stringify(wasmUrlsId)};`,
          "const response = await fetch(prismaSchemaWasmUrl);",
          "if (!response.ok) throw new Error(`Could not load Prisma's schema wasm from ${prismaSchemaWasmUrl}: HTTP ${response.status}`);",
          "const bytes = new Uint8Array(await response.arrayBuffer());",
          "export function readFileSync() { return bytes; }",
          "export default { readFileSync };",
        ].join("\n");
      }
      return null;
    },

    transform(code, id) {
      const path = id.split("?")[0] ?? id;
      if (prismaSchemaGlue.test(path)) return { code: `var __dirname = "/";\nvar global = globalThis;\n${code}`, map: null };
      if (schemaEngineGlue.test(path)) return { code: `const global = globalThis;\n${code}`, map: null };
      if (paramGraph.test(path)) return { code: `import { Buffer } from ${JSON.stringify(base64UrlBufferPath)};\n${code}`, map: null };
      return null;
    },
  };
}
