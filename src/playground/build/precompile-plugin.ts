/**
 * Build-time work for the playground page, as the Vite module `virtual:playground/precompiled`:
 * the presets' texts, and every preset's and docs example's schema compiled (client data and DDL) and code transpiled,
 * so opening any of them runs without Prisma's schema wasm, which the page loads later.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPGlite } from "@lucia-prisma/adapter-pglite";
import { loadSchemaCompiler, migrationScript } from "@lucia-prisma/client-from-schema";
import { nodeWasmSource } from "@lucia-prisma/client-from-schema/node";
import type { Plugin } from "vite";
import { compileKey, databasesOf, withBrowserProvider } from "../database.ts";
import { exampleSpecs, exampleState, type ExampleState } from "../examples.ts";
import { presetFiles, type Preset } from "../presets.ts";
import type { CompileSuccess } from "../protocol.ts";
import { transpile } from "../transpile.ts";
import { clusterSnapshot } from "./cluster-snapshot.ts";

const moduleId = "virtual:playground/precompiled";
const typeLibsId = "virtual:playground/type-libs";
const snapshotId = "virtual:playground/postgresql-snapshot";
const root = fileURLToPath(new URL("../../../", import.meta.url));

export interface Precompiled {
  presets: Preset[];
  /** Compiled schemas by `compileKey(database, text)`. */
  schemas: Record<string, CompileSuccess>;
  /** Transpiled code by its TypeScript text. */
  javascript: Record<string, string>;
  /** Docs examples by source path. */
  examples: Record<string, ExampleState>;
  /** What PostgreSQL's files (see `page/postgresql-files.ts`) weigh uncompressed, for the progress bar. */
  postgresqlBytes: number;
}

export async function precompile(): Promise<Precompiled> {
  const wasm = nodeWasmSource();
  const compiler = await loadSchemaCompiler(wasm);
  const read = (path: string) => readFile(join(root, path), "utf8");
  const presets: Preset[] = [];
  for (const { schemaFile, codeFile, database = "sqlite", ...about } of presetFiles) {
    presets.push({ ...about, schema: await read(schemaFile), code: await read(codeFile), database });
  }
  const examples: Record<string, ExampleState> = {};
  for (const source of Object.keys(exampleSpecs)) examples[source] = await exampleState(root, source);

  const result: Precompiled = { presets, schemas: {}, javascript: {}, examples, postgresqlBytes: await postgresqlBytes() };
  // The schema engine asks the database for its version, so PostgreSQL's DDL needs one.
  const pglite = await PGlite.create({ loadDataDir: new Blob([await clusterSnapshot()], { type: "application/gzip" }) });
  const adapters = { sqlite: new PrismaBetterSqlite3({ url: ":memory:" }), postgresql: new PrismaPGlite(pglite) };
  try {
    for (const { schema, code } of [...presets, ...Object.values(examples)]) {
      // Every schema on both databases, as the Database switch writes it (only its provider changes).
      for (const database of databasesOf("compare")) {
        const text = withBrowserProvider(schema, database);
        const key = compileKey(database, text);
        if (key in result.schemas) continue;
        const compiled = compiler.compile(text, { provider: database });
        if (!compiled.ok) throw new Error(`A playground schema does not validate on ${database}:\n${compiled.message}`);
        const script = await migrationScript(compiled.schema, adapters[database], wasm);
        result.schemas[key] = { ok: true, schema: compiled.schema, migrationScript: script, notices: compiled.notices };
      }
      const transpiled = transpile(code);
      if (!transpiled.ok) throw new Error(`Playground code does not transpile: ${transpiled.message} (line ${transpiled.line})\n${code}`);
      result.javascript[code] = transpiled.javascript;
    }
  } finally {
    await pglite.close();
  }
  return result;
}

async function postgresqlBytes(): Promise<number> {
  const require = createRequire(import.meta.url);
  const pgliteDist = dirname(require.resolve("@electric-sql/pglite"));
  const files = [join(pgliteDist, "pglite.wasm"), join(pgliteDist, "pglite.data")];
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  const { wasm } = require("@prisma/client/runtime/query_compiler_small_bg.postgresql.wasm-base64.js") as { wasm: string };
  // The snapshot counts as it arrives: gzipped (its decompressing is PGlite's, later).
  return sizes.reduce((sum, size) => sum + size, Buffer.from(wasm, "base64").length + (await clusterSnapshot()).byteLength);
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
    resolveId: (source) => ([moduleId, typeLibsId, snapshotId].includes(source) ? `\0${source}` : null),
    async load(id) {
      if (id === `\0${snapshotId}`) {
        const reference = this.emitFile({ type: "asset", name: "pglite-cluster.tar.gz", source: await clusterSnapshot() });
        return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
      }
      if (id === `\0${moduleId}`) return `export default ${JSON.stringify(await precompile())};`;
      if (id === `\0${typeLibsId}`) return `export default ${JSON.stringify(await typeLibs())};`;
      return null;
    },
  };
}
