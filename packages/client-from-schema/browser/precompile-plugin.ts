/**
 * Build-time compilation of the reference schema, as the playground does for its default schema:
 * `virtual:precompiled-reference` is `{ schema, migrationScript }`, plain JSON computed in Node, so
 * the page's first client needs only the query compiler wasm and sql.js.
 */
import { readFile } from "node:fs/promises";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { Plugin } from "vite";
import { loadSchemaCompiler, migrationScript } from "../src/index.ts";
import { nodeWasmSource } from "../src/node.ts";

const id = "virtual:precompiled-reference";

export function precompiledReference(): Plugin {
  return {
    name: "precompiled-reference",
    resolveId: (source) => (source === id ? `\0${id}` : null),
    async load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const text = await readFile(new URL("../../adapter-prisma/schemas/reference.sqlite.prisma", import.meta.url), "utf8");
      const compiler = await loadSchemaCompiler(nodeWasmSource());
      const result = compiler.compile(text);
      if (!result.ok) throw new Error(result.message);
      const script = await migrationScript(result.schema, new PrismaBetterSqlite3({ url: ":memory:" }), nodeWasmSource());
      return `export default ${JSON.stringify({ schema: result.schema, migrationScript: script })};`;
    },
  };
}
