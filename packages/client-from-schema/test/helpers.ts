/** Shared by the Node tests: generated clients, embedded configs, SQLite files, outcomes. */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { CompiledSchema, SchemaCompiler } from "../src/index.ts";
import type { ParameterizationSchema, RuntimeDataModel } from "../src/prisma-internals.ts";

export const packageDir = new URL("../", import.meta.url);
export const repoSchemas = new URL("../../adapter-prisma/schemas/", import.meta.url);
export const ownSchemas = new URL("./schemas/", import.meta.url);

/** Model methods as the tests call them: `client.authUser.create({ … })`. */
export type Delegate = Record<string, (args?: unknown) => Promise<unknown>>;
export interface TestClient {
  $disconnect(): Promise<void>;
  $transaction(input: unknown): Promise<unknown>;
  $on(event: "query", listener: (event: { query: string }) => void): void;
  [delegate: string]: unknown;
}

export function delegate(client: TestClient, name: string): Delegate {
  return client[name] as Delegate;
}

/** What `prisma generate` embedded in the generated client's internal/class.ts. */
export async function readEmbeddedConfig(
  dir: string,
): Promise<{ activeProvider: string; runtimeDataModel: RuntimeDataModel; parameterizationSchema: ParameterizationSchema }> {
  const source = await readFile(join(dir, "internal", "class.ts"), "utf8");
  const literal = (pattern: RegExp): string => {
    const match = pattern.exec(source);
    if (match?.[1] === undefined) throw new Error(`internal/class.ts no longer matches ${pattern}`);
    // Each match is a JSON-compatible JS string literal.
    return JSON.parse(match[1]) as string;
  };
  return {
    activeProvider: literal(/^\s*"activeProvider": ("[a-z]+"),$/m),
    runtimeDataModel: JSON.parse(literal(/^config\.runtimeDataModel = JSON\.parse\(("(?:[^"\\]|\\.)*")\)$/m)) as RuntimeDataModel,
    parameterizationSchema: {
      strings: JSON.parse(literal(/^\s*strings: JSON\.parse\(("(?:[^"\\]|\\.)*")\),?$/m)) as string[],
      graph: literal(/^\s*graph: ("(?:[^"\\]|\\.)*"),?$/m),
    },
  };
}

/** A better-sqlite3 adapter factory over a new database file, and a way to delete it. */
export async function sqliteFile(): Promise<{ factory: PrismaBetterSqlite3; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "client-from-schema-"));
  return {
    factory: new PrismaBetterSqlite3({ url: `file:${join(dir, "test.db")}` }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export function compileOrThrow(compiler: SchemaCompiler, text: string): CompiledSchema {
  const result = compiler.compile(text);
  if (!result.ok) throw new Error(`Expected the schema to compile:\n${result.message}`);
  return result.schema;
}

export type Outcome = { step: string; value: unknown } | { step: string; error: { name: string; code: unknown } };

/** Runs a step and records its value or the kind of error it threw, so two clients can be compared. */
export async function outcome(step: string, run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { step, value: await run() };
  } catch (error) {
    const failure = error as { name?: unknown; code?: unknown };
    return { step, error: { name: String(failure.name), code: failure.code } };
  }
}

/**
 * Writes `schema` to a temporary schema.prisma and hands `use` its path and a function that runs
 * the Prisma CLI offline (a placeholder engine; the commands used never run it) from the repo root.
 */
export async function withPrismaCli<T>(
  schema: string,
  use: (path: string, prisma: (args: string[]) => Promise<{ stdout: string; stderr: string }>) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "client-from-schema-cli-"));
  try {
    const path = join(dir, "schema.prisma");
    await writeFile(path, schema);
    await writeFile(join(dir, "engine"), "");
    const env = { ...process.env, NO_COLOR: "1", PRISMA_SCHEMA_ENGINE_BINARY: join(dir, "engine"), PRISMA_HIDE_UPDATE_MESSAGE: "1" };
    const cwd = fileURLToPath(new URL("../../..", import.meta.url));
    return await use(path, (args) => promisify(execFile)("npx", ["prisma", ...args, "--schema", path], { cwd, env }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
