/**
 * Every contact with Prisma internals lives here: the prisma-schema-wasm and schema-engine-wasm
 * packages, @prisma/param-graph-builder, the DMMF `mappings` transform the CLI applies before
 * generators see the DMMF, the pruning `prisma generate` applies to the runtime data model, and the
 * config object the `wasm-compiler-edge` runtime's `getPrismaClient` expects.
 *
 * These are not public APIs. The versions are pinned exactly in package.json and checked by
 * test/prisma-internals.test.ts, which also proves that what is built here equals what
 * `prisma generate` embeds. After an upgrade, that test is the one that should fail.
 */
import type * as DMMF from "@prisma/dmmf";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { buildAndSerializeParamGraph } from "@prisma/param-graph-builder";
import {
  getPrismaClient,
  PrismaClientInitializationError,
  PrismaClientKnownRequestError,
  PrismaClientRustPanicError,
  PrismaClientUnknownRequestError,
  PrismaClientValidationError,
  type GetPrismaClientConfig,
} from "@prisma/client/runtime/wasm-compiler-edge";
import type { BrowserProvider } from "./normalise-schema.ts";
import { once, type WasmSource } from "./wasm-source.ts";

/** The Prisma release these internals are read from; `engine` is the prisma-engines commit it pins. */
export const prismaVersions = {
  client: "7.10.0",
  engine: "0edf323efd1d98336f3f0a68684b56f689b900d3",
} as const;

/** The file name Prisma uses in diagnostics (`-->  schema.prisma:3`). */
export const schemaFileName = "schema.prisma";

// ---------------------------------------------------------------------------------------------
// prisma-schema-wasm: validation, diagnostics with spans, configuration blocks, DMMF

/** The functions of prisma-schema-wasm this package calls. */
interface SchemaWasmFunctions {
  validate(params: string): void;
  lint(input: string): string;
  get_config(params: string): string;
  get_dmmf(params: string): string;
  format(schemas: string, params: string): string;
  text_document_completion(schemas: string, params: string): string;
}

/** One completion, as prisma-schema-wasm answers an LSP completion request. */
export interface SchemaCompletion {
  label: string;
  /** LSP's CompletionItemKind number. */
  kind?: number;
  detail?: string;
  documentation?: string;
  insertText?: string;
}

/** One entry of prisma-schema-wasm's `lint` output: a span (JavaScript string offsets) and its message. */
export interface LintEntry {
  start: number;
  end: number;
  text: string;
  isWarning: boolean;
}

/** `prisma validate`'s verdict on an invalid schema: its error code and the text it prints. */
export interface ValidationFailure {
  errorCode: string;
  message: string;
}

/** What the schema says about its datasource and generator blocks. */
export interface SchemaBlocks {
  datasources: { name: string; provider: string }[];
  previewFeatures: string[];
}

export interface PrismaSchemaWasm {
  validate(schema: string): ValidationFailure | null;
  lint(schema: string): LintEntry[];
  readBlocks(schema: string): SchemaBlocks;
  /** The DMMF as the CLI hands it to generators (after its `mappings` transform). */
  readDmmf(schema: string): DMMF.Document;
  /** `prisma format`'s output for the text (two-space indents), or null when it cannot format it. */
  format(schema: string): string | null;
  /** Prisma's completions at a 0-based line and UTF-16 character (what its language server offers). */
  complete(schema: string, line: number, character: number): SchemaCompletion[];
}

/**
 * Loads prisma-schema-wasm once. Its glue is a wasm-bindgen "nodejs" CommonJS module that reads and
 * instantiates its wasm while it is being imported: in Node from its own folder, in a bundle
 * through the `fs` stand-in of the Vite plugin.
 */
export const loadPrismaSchemaWasm = once(async (): Promise<PrismaSchemaWasm> => {
  installPanicRegistry();
  const glue = pickFunctions(await import("@prisma/prisma-schema-wasm"));
  return {
    validate(schema) {
      try {
        glue.validate(JSON.stringify({ prismaSchema: schema, noColor: true }));
        return null;
      } catch (error) {
        return readValidationFailure(error);
      }
    },
    lint(schema) {
      const raw = JSON.parse(glue.lint(JSON.stringify(schema))) as RawLintEntry[];
      return raw.map((entry) => ({ start: entry.start, end: entry.end, text: entry.text, isWarning: entry.is_warning }));
    },
    readBlocks(schema) {
      const raw = JSON.parse(glue.get_config(JSON.stringify({ prismaSchema: schema }))) as RawConfig;
      return {
        datasources: raw.config.datasources.map(({ name, provider }) => ({ name, provider })),
        previewFeatures: [...new Set(raw.config.generators.flatMap((generator) => generator.previewFeatures))],
      };
    },
    readDmmf(schema) {
      const dmmf = JSON.parse(glue.get_dmmf(JSON.stringify({ prismaSchema: schema, noColor: true }))) as DMMF.Document;
      return { ...dmmf, mappings: mappingsAsGeneratorsSeeThem(dmmf) };
    },
    format(schema) {
      // Takes and returns the multi-file form, [[path, text]], as `prisma format` calls it.
      const params = { textDocument: { uri: `file:///${schemaFileName}` }, options: { tabSize: 2, insertSpaces: true } };
      try {
        const files = JSON.parse(glue.format(JSON.stringify([[schemaFileName, schema]]), JSON.stringify(params))) as [string, string][];
        return files[0]?.[1] ?? null;
      } catch {
        return null;
      }
    },
    complete(schema, line, character) {
      const uri = `file:///${schemaFileName}`;
      const params = { textDocument: { uri }, position: { line, character } };
      try {
        const list = JSON.parse(glue.text_document_completion(JSON.stringify([[uri, schema]]), JSON.stringify(params))) as RawCompletionList;
        return list.items.map((item) =>
          withoutUndefined({
            label: item.label,
            kind: item.kind,
            detail: item.detail,
            documentation: typeof item.documentation === "string" ? item.documentation : item.documentation?.value,
            insertText: item.insertText,
          }),
        );
      } catch {
        return [];
      }
    },
  };
});

interface RawCompletionList {
  items: { label: string; kind?: number; detail?: string; documentation?: string | { value: string }; insertText?: string }[];
}

interface RawLintEntry {
  start: number;
  end: number;
  text: string;
  is_warning: boolean;
}

interface RawConfig {
  config: {
    datasources: { name: string; provider: string }[];
    generators: { previewFeatures: string[] }[];
  };
}

function pickFunctions(module: unknown): SchemaWasmFunctions {
  const candidates = [module, (module as { default?: unknown }).default];
  const names = ["validate", "lint", "get_config", "get_dmmf", "format", "text_document_completion"] as const;
  for (const candidate of candidates) {
    if (candidate !== null && typeof candidate === "object" && names.every((name) => typeof (candidate as Record<string, unknown>)[name] === "function")) {
      return candidate as SchemaWasmFunctions;
    }
  }
  throw new Error(`@prisma/prisma-schema-wasm no longer exports ${names.join(", ")}: this package is pinned to Prisma ${prismaVersions.client}.`);
}

/** prisma-schema-wasm throws an Error whose message is JSON `{ error_code, message }`. */
function readValidationFailure(error: unknown): ValidationFailure {
  const text = error instanceof Error ? error.message : String(error);
  try {
    const parsed = JSON.parse(text) as { error_code?: unknown; message?: unknown };
    if (typeof parsed.message === "string") {
      return { errorCode: typeof parsed.error_code === "string" ? parsed.error_code : "P1012", message: parsed.message };
    }
  } catch {
    // Not JSON: a panic or an unexpected failure; report its text as it is.
  }
  return { errorCode: "P1012", message: text };
}

/**
 * The CLI's transform of `mappings.modelOperations`: models without a scalar field are dropped,
 * engine action names become the client's (`createOne` → `create`, `findSingle` → `findUnique`…),
 * and `plural` is added. @prisma/param-graph-builder reads the operation names; it does not read
 * `plural`, which the CLI computes with the `pluralize` package and is approximated here.
 */
function mappingsAsGeneratorsSeeThem(dmmf: DMMF.Document): DMMF.Mappings {
  type EngineMapping = Record<string, string | null | undefined> & { model: string };
  const modelOperations = (dmmf.mappings.modelOperations as unknown as EngineMapping[])
    .filter((mapping) => {
      const model = dmmf.datamodel.models.find((candidate) => candidate.name === mapping.model);
      if (model === undefined) throw new Error(`The DMMF maps operations for an unknown model ${mapping.model}`);
      return model.fields.some((field) => field.kind !== "object");
    })
    .map((mapping) => ({
      model: mapping.model,
      plural: `${lowerFirst(mapping.model)}s`,
      findUnique: mapping.findUnique ?? mapping.findSingle,
      findUniqueOrThrow: mapping.findUniqueOrThrow,
      findFirst: mapping.findFirst,
      findFirstOrThrow: mapping.findFirstOrThrow,
      findMany: mapping.findMany,
      create: mapping.createOne ?? mapping.createSingle ?? mapping.create,
      createMany: mapping.createMany,
      createManyAndReturn: mapping.createManyAndReturn,
      delete: mapping.deleteOne ?? mapping.deleteSingle ?? mapping.delete,
      update: mapping.updateOne ?? mapping.updateSingle ?? mapping.update,
      deleteMany: mapping.deleteMany,
      updateMany: mapping.updateMany,
      updateManyAndReturn: mapping.updateManyAndReturn,
      upsert: mapping.upsertOne ?? mapping.upsertSingle ?? mapping.upsert,
      aggregate: mapping.aggregate,
      groupBy: mapping.groupBy,
      findRaw: mapping.findRaw,
      aggregateRaw: mapping.aggregateRaw,
    }));
  return { modelOperations, otherOperations: dmmf.mappings.otherOperations };
}

function lowerFirst(name: string): string {
  return name.slice(0, 1).toLowerCase() + name.slice(1);
}

/**
 * wasm-bindgen glue reports Rust panics through `global.PRISMA_WASM_PANIC_REGISTRY`. Prisma's
 * runtime installs one that throws; until it is loaded, install one that does the same, so a
 * panic surfaces as an Error with the panic message instead of a TypeError.
 */
function installPanicRegistry(): void {
  const holder = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  holder.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      throw new Error(`Prisma's wasm panicked: ${message}`);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The schema-dependent half of getPrismaClient's config

export interface RuntimeField {
  name: string;
  kind: string;
  type: string;
  dbName?: string | null;
  relationName?: string;
}

export interface RuntimeModel {
  fields: RuntimeField[];
  dbName: string | null;
  schema: string | null;
}

/** What the `client` and `wasm-compiler-edge` runtimes get as `runtimeDataModel`. */
export interface RuntimeDataModel {
  models: Record<string, RuntimeModel>;
  enums: Record<string, never>;
  types: Record<string, never>;
}

export interface ParameterizationSchema {
  strings: string[];
  graph: string;
}

/** Everything in the client's config that depends on the schema. */
export interface ClientBlueprint {
  /** The datasource's provider, as `prisma generate` writes it into the client. */
  activeProvider: BrowserProvider;
  inlineSchema: string;
  previewFeatures: string[];
  runtimeDataModel: RuntimeDataModel;
  parameterizationSchema: ParameterizationSchema;
}

export function blueprintFromDmmf(schema: string, dmmf: DMMF.Document, previewFeatures: string[], activeProvider: BrowserProvider): ClientBlueprint {
  return {
    activeProvider,
    inlineSchema: schema,
    previewFeatures,
    runtimeDataModel: runtimeDataModelOf(dmmf.datamodel),
    parameterizationSchema: buildAndSerializeParamGraph(dmmf),
  };
}

/**
 * `prisma generate`'s pruning for these runtimes: models keep their fields' name, kind, type,
 * relationName and dbName, plus their own dbName and schema; enums and composite types are not
 * embedded. Absent values are dropped, as the JSON the generator embeds drops them.
 */
function runtimeDataModelOf(datamodel: DMMF.Datamodel): RuntimeDataModel {
  const models: Record<string, RuntimeModel> = {};
  for (const model of datamodel.models) {
    models[model.name] = {
      fields: model.fields.map(({ name, kind, type, relationName, dbName }) =>
        withoutUndefined({ name, kind, type, relationName: relationName ?? undefined, dbName }),
      ),
      dbName: model.dbName,
      schema: model.schema ?? null,
    };
  }
  return { models, enums: {}, types: {} };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

// ---------------------------------------------------------------------------------------------
// PrismaClient from the wasm-compiler-edge runtime

export interface PrismaClientOptions {
  adapter: SqlDriverAdapterFactory;
  log?: ({ emit: "event" | "stdout"; level: "query" | "info" | "warn" | "error" } | "query" | "info" | "warn" | "error")[];
}

/**
 * The error classes a generated client exports in its `Prisma` namespace, from the same runtime
 * as the clients built here, so `error instanceof Prisma.PrismaClientKnownRequestError` holds.
 */
export const prismaErrorClasses = {
  PrismaClientKnownRequestError,
  PrismaClientUnknownRequestError,
  PrismaClientValidationError,
  PrismaClientInitializationError,
  PrismaClientRustPanicError,
} as const;

/** How many of a client's queries have been sent and have not settled yet. */
export interface PendingQueries {
  readonly pending: number;
}

/**
 * Counts the queries of one client (a model call, a raw query, each query of a batch
 * `$transaction`, and those of clients made from it with `$extends`) from the moment they run
 * until they settle. Prisma has no public hook that sees every query without changing the
 * client (`$extends` returns a client without `$on`), so this wraps the instance's `_request`,
 * through which the 7.10 runtime sends each one.
 */
export function countPendingQueries(client: object): PendingQueries {
  const send: unknown = Reflect.get(client, "_request");
  if (typeof send !== "function") {
    throw new Error(`The PrismaClient has no _request method to count its queries by: this package is pinned to Prisma ${prismaVersions.client}.`);
  }
  const counter = { pending: 0 };
  Reflect.set(client, "_request", async function (this: unknown, ...args: unknown[]) {
    counter.pending += 1;
    try {
      return await Reflect.apply(send, this, args);
    } finally {
      counter.pending -= 1;
    }
  });
  return counter;
}

type QueryCompilerGlue = Awaited<ReturnType<NonNullable<GetPrismaClientConfig["compilerWasm"]>["getRuntime"]>>;

/** The constructor getPrismaClient returns; instances are typed by the caller. */
export type PrismaClientConstructor = new (options: PrismaClientOptions) => object;

/** The module name each small query compiler's wasm imports its JS glue under (the same for both providers). */
export const queryCompilerImportName = "./query_compiler_small_bg.js";

/**
 * The small query compiler of each provider: its wasm-bindgen glue (the runtime instantiates the
 * module with it) and its wasm, from the `WasmSource`.
 */
const queryCompilers: Record<BrowserProvider, { glue(): Promise<unknown>; wasm(source: WasmSource): Promise<WebAssembly.Module> }> = {
  sqlite: {
    glue: () => import("@prisma/client/runtime/query_compiler_small_bg.sqlite.mjs"),
    wasm: (source) => source.queryCompiler(),
  },
  postgresql: {
    glue: () => import("@prisma/client/runtime/query_compiler_small_bg.postgresql.mjs"),
    wasm: (source) => {
      if (source.postgresqlQueryCompiler === undefined) {
        throw new Error(
          "This WasmSource has no PostgreSQL query compiler (postgresqlQueryCompiler), so it cannot run a PostgreSQL schema: use browserWasmSource() or nodeWasmSource(), or add it to your own source.",
        );
      }
      return source.postgresqlQueryCompiler();
    },
  },
};

/**
 * Imports, without instantiating, the JavaScript that building a client of `provider` (and, with
 * `schemaEngine`, computing DDL) would import on first use. A worker that must later work without
 * the network (offline, or behind a server that lets nothing be cached) calls it while it can.
 */
export async function importRuntimeModules(provider: BrowserProvider, options: { schemaEngine?: boolean } = {}): Promise<void> {
  await Promise.all([queryCompilers[provider].glue(), ...(options.schemaEngine ? [import("@prisma/schema-engine-wasm/schema_engine_bg")] : [])]);
}

/**
 * A PrismaClient class for the blueprint, on Prisma's `wasm-compiler-edge` runtime (no Node
 * built-ins) with the small query compiler of the schema's provider. The runtime caches one
 * compiler per provider, so only the first client of each provider pays for compiling its wasm.
 */
export function createPrismaClientClass(blueprint: ClientBlueprint, wasm: WasmSource): PrismaClientConstructor {
  const compiler = queryCompilers[blueprint.activeProvider];
  const PrismaClient = getPrismaClient({
    ...blueprint,
    // Typed as the full DMMF model, but the generated client passes this same pruned shape (via JSON.parse).
    runtimeDataModel: blueprint.runtimeDataModel as unknown as GetPrismaClientConfig["runtimeDataModel"],
    clientVersion: prismaVersions.client,
    engineVersion: prismaVersions.engine,
    compilerWasm: {
      getRuntime: async () => (await compiler.glue()) as QueryCompilerGlue,
      getQueryCompilerWasmModule: () => compiler.wasm(wasm),
      importName: queryCompilerImportName,
    },
  });
  return PrismaClient as unknown as PrismaClientConstructor;
}

// ---------------------------------------------------------------------------------------------
// schema-engine-wasm: `prisma migrate diff --from-empty --to-schema --script`

type SchemaEngineClass = typeof import("@prisma/schema-engine-wasm/schema_engine_bg").SchemaEngine;

/**
 * schema-engine-wasm's bindings module holds one wasm instance per JavaScript realm. The loading
 * promise is kept on globalThis, so that two copies of this module (two bundles, or a build tool
 * and a test in one process) share the instance instead of replacing it under each other.
 */
const schemaEngineKey = Symbol.for("@lucia-prisma/client-from-schema/schema-engine");

function loadSchemaEngine(wasm: WasmSource): Promise<SchemaEngineClass> {
  const registry = globalThis as { [schemaEngineKey]?: Promise<SchemaEngineClass> };
  registry[schemaEngineKey] ??= (async () => {
    installPanicRegistry();
    const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const instance = await WebAssembly.instantiate(await wasm.schemaEngine(), { "./schema_engine_bg.js": bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return bindings.SchemaEngine;
  })().catch((error: unknown) => {
    delete registry[schemaEngineKey];
    throw error;
  });
  return registry[schemaEngineKey];
}

/**
 * The SQL script `prisma migrate diff --from-empty --to-schema --script` prints for the schema.
 * The engine asks the adapter factory for a connection (it reads the database's version) but
 * changes nothing in the database. The factory's provider must be the schema's.
 */
export async function migrationScriptFromEmpty(
  schema: string,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  wasm: WasmSource,
): Promise<string> {
  const SchemaEngine = await loadSchemaEngine(wasm);
  const files = [{ path: schemaFileName, content: schema }];
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaFileName, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
  try {
    const result = await engine.diff({
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}
