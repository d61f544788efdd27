/**
 * Build-time work for the playground page, as the Vite module `virtual:playground/precompiled`:
 * the presets' texts, and every preset's and docs example's schema compiled (client data and DDL) and code transpiled,
 * so opening any of them runs without Prisma's schema wasm, which the page loads later.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { loadSchemaCompiler } from "@lucia-prisma/client-from-schema";
import { nodeWasmSource } from "@lucia-prisma/client-from-schema/node";
import type { Plugin } from "vite";
import { exampleSpecs, exampleState, type ExampleState } from "../examples.ts";
import { presetFiles, type Preset } from "../presets.ts";
import type { CompileSuccess } from "../protocol.ts";
import { transpile } from "../transpile.ts";

const moduleId = "virtual:playground/precompiled";
const typeLibsId = "virtual:playground/type-libs";
const root = fileURLToPath(new URL("../../../", import.meta.url));

export interface Precompiled {
  presets: Preset[];
  /** Compiled schemas by their text. */
  schemas: Record<string, CompileSuccess>;
  /** Transpiled code by its TypeScript text. */
  javascript: Record<string, string>;
  /** Docs examples by source path. */
  examples: Record<string, ExampleState>;
}

export async function precompile(): Promise<Precompiled> {
  const compiler = await loadSchemaCompiler(nodeWasmSource());
  const read = (path: string) => readFile(join(root, path), "utf8");
  const presets: Preset[] = [];
  for (const { schemaFile, codeFile, ...about } of presetFiles) presets.push({ ...about, schema: await read(schemaFile), code: await read(codeFile) });
  const examples: Record<string, ExampleState> = {};
  for (const source of Object.keys(exampleSpecs)) examples[source] = await exampleState(root, source);

  const result: Precompiled = { presets, schemas: {}, javascript: {}, examples };
  for (const { schema, code } of [...presets, ...Object.values(examples)]) {
    if (!(schema in result.schemas)) {
      const compiled = compiler.compile(schema);
      if (!compiled.ok) throw new Error(`A playground schema does not validate:\n${compiled.message}`);
      const migrationScript = await compiler.migrationScript(compiled.schema, new PrismaBetterSqlite3({ url: ":memory:" }));
      result.schemas[schema] = { ok: true, schema: compiled.schema, migrationScript, notices: compiled.notices };
    }
    const transpiled = transpile(code);
    if (!transpiled.ok) throw new Error(`Playground code does not transpile: ${transpiled.message} (line ${transpiled.line})\n${code}`);
    result.javascript[code] = transpiled.javascript;
  }
  return result;
}

/** A file the code editor's TypeScript sees, at a path under `file:///node_modules/`. */
export interface TypeLib {
  path: string;
  content: string;
}

/**
 * The types the code editor resolves its imports to: lucia 2.7's declarations as published, and
 * this repository's adapter as its TypeScript sources (the same files the tests run).
 */
export async function typeLibs(): Promise<TypeLib[]> {
  const libs: TypeLib[] = [];
  const add = async (dir: string, target: string, suffix: string) => {
    for (const entry of await readdir(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(suffix)) continue;
      const path = join(entry.parentPath, entry.name);
      libs.push({ path: `${target}/${relative(join(root, dir), path)}`, content: await readFile(path, "utf8") });
    }
  };
  await add("node_modules/lucia/dist", "node_modules/lucia/dist", ".d.ts");
  await add("packages/adapter-prisma/src", "node_modules/@lucia-auth/adapter-prisma/src", ".ts");
  return libs;
}

export function playgroundPrecompile(): Plugin {
  return {
    name: "playground-precompile",
    resolveId: (source) => (source === moduleId || source === typeLibsId ? `\0${source}` : null),
    async load(id) {
      if (id === `\0${moduleId}`) return `export default ${JSON.stringify(await precompile())};`;
      if (id === `\0${typeLibsId}`) return `export default ${JSON.stringify(await typeLibs())};`;
      return null;
    },
  };
}
