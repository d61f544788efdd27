/**
 * Schema text in; diagnostics, or everything needed to run it: the model list, the client's
 * types, the DDL and a genuine PrismaClient over the driver adapter you give.
 */
import type * as DMMF from "@prisma/dmmf";
import type { SqlDriverAdapterFactory, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { clientTypesOf } from "./client-types.ts";
import { diagnosticsFromLint, diagnosticsFromReport, type SchemaDiagnostic } from "./diagnostics.ts";
import { summariseEnums, summariseModels, type EnumSummary, type ModelSummary } from "./models.ts";
import { type BrowserProvider, type NormaliseOptions, normaliseSchema, type SchemaNotice } from "./normalise-schema.ts";
import {
  blueprintFromDmmf,
  createPrismaClientClass,
  loadPrismaSchemaWasm,
  migrationScriptFromEmpty,
  type ClientBlueprint,
  type PrismaClientConstructor,
  type PrismaClientOptions,
  type SchemaCompletion,
} from "./prisma-internals.ts";
import type { WasmSource } from "./wasm-source.ts";

/** A schema that validated: what it defines, ready to become a database and a client. */
export interface CompiledSchema {
  /** The schema as it runs: the reader's text with a SQLite or PostgreSQL datasource. */
  text: string;
  /** The database it runs on: which driver adapter to give it (sql.js or PGlite). */
  provider: BrowserProvider;
  models: ModelSummary[];
  enums: EnumSummary[];
  /** Prisma's own description of the models (DMMF), e.g. for `checkSchema` of the Lucia adapter. */
  datamodel: DMMF.Model[];
  /** A `.d.ts` for the client's delegates (see `clientTypesOf`). */
  clientTypes: string;
  /** Prisma's warnings, if any. */
  warnings: SchemaDiagnostic[];
  /** The schema-dependent part of the client's configuration. */
  blueprint: ClientBlueprint;
}

export type CompileResult =
  | { ok: true; schema: CompiledSchema; notices: SchemaNotice[] }
  | {
      ok: false;
      /** One paragraph for the reader: Prisma's report for an invalid schema, or what else is wrong. */
      message: string;
      /** Prisma's diagnostics, with positions in the reader's text. Empty when the problem has no position. */
      diagnostics: SchemaDiagnostic[];
      notices: SchemaNotice[];
    };

/** The PrismaClient built for a schema: model delegates by name plus Prisma's `$` methods. */
export interface RuntimePrismaClient {
  $connect(): Promise<void>;
  $disconnect(): Promise<void>;
  $transaction(...args: unknown[]): Promise<unknown>;
  $queryRawUnsafe(query: string, ...values: unknown[]): Promise<unknown>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $on(event: "query" | "info" | "warn" | "error", listener: (event: unknown) => void): void;
  [delegate: string]: unknown;
}

export interface SchemaCompiler {
  /**
   * Normalises, validates and reads the schema. Never throws for a bad schema; builds nothing then.
   * `options.provider` runs it on that database whatever its datasource says (see `normaliseSchema`).
   */
  compile(text: string, options?: NormaliseOptions): CompileResult;
  /** A genuine PrismaClient for the schema over the adapter. Type it with `clientTypes` if you like. */
  createClient<Client = RuntimePrismaClient>(schema: CompiledSchema, options: PrismaClientOptions): Client;
  /** The text as `prisma format` writes it, or null when Prisma cannot format it. */
  format(text: string): string | null;
  /** Prisma's own completions at a 0-based line and UTF-16 character of the text (often none). */
  completions(text: string, line: number, character: number): SchemaCompletion[];
}

/** Loads Prisma's schema wasm (about 3 MB) and returns a compiler. The other wasm load on first use. */
export async function loadSchemaCompiler(wasm: WasmSource): Promise<SchemaCompiler> {
  const schemaWasm = await loadPrismaSchemaWasm();

  return {
    compile(text, options) {
      const normalised = normaliseSchema(text, options);
      if (!normalised.ok) {
        return { ok: false, message: normalised.message, notices: [], diagnostics: [] };
      }
      const { text: schemaText, notices, provider } = normalised;
      const lint = diagnosticsFromLint(schemaText, schemaWasm.lint(schemaText));
      const failure = schemaWasm.validate(schemaText);
      if (failure !== null) {
        const errors = lint.filter((diagnostic) => diagnostic.severity === "error");
        return {
          ok: false,
          message: failure.message,
          notices,
          diagnostics: errors.length > 0 ? errors : diagnosticsFromReport(schemaText, failure.message),
        };
      }
      const dmmf = schemaWasm.readDmmf(schemaText);
      if (dmmf.datamodel.models.length === 0) {
        return {
          ok: false,
          message: "The schema defines no models, so there is nothing to build a client for. Add at least one `model` block.",
          notices,
          diagnostics: [],
        };
      }
      const models = summariseModels(dmmf.datamodel);
      const enums = summariseEnums(dmmf.datamodel);
      const { previewFeatures } = schemaWasm.readBlocks(schemaText);
      return {
        ok: true,
        notices,
        schema: {
          text: schemaText,
          provider,
          models,
          enums,
          datamodel: dmmf.datamodel.models as DMMF.Model[],
          clientTypes: clientTypesOf(models, enums),
          warnings: lint.filter((diagnostic) => diagnostic.severity === "warning"),
          blueprint: blueprintFromDmmf(schemaText, dmmf, previewFeatures, provider),
        },
      };
    },

    createClient<Client = RuntimePrismaClient>(schema: CompiledSchema, options: PrismaClientOptions): Client {
      return createClient<Client>(schema, wasm, options);
    },

    format: (text) => schemaWasm.format(text),
    completions: (text, line, character) => schemaWasm.complete(text, line, character),
  };
}

/** Driver adapters name PostgreSQL `postgres`. */
const adapterProviderOf: Record<BrowserProvider, string> = { sqlite: "sqlite", postgresql: "postgres" };

/**
 * The DDL `prisma migrate diff --from-empty --to-schema --script` prints for the schema, from
 * Prisma's schema engine (wasm) through a driver adapter factory of the schema's database (the
 * engine reads the database's version and changes nothing). The only way this package computes DDL.
 */
export async function migrationScript(
  schema: Pick<CompiledSchema, "text" | "provider">,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  wasm: WasmSource,
): Promise<string> {
  checkAdapterProvider(schema, adapterFactory);
  return migrationScriptFromEmpty(schema.text, adapterFactory, wasm);
}

function checkAdapterProvider(schema: Pick<CompiledSchema, "provider">, adapterFactory: SqlDriverAdapterFactory): void {
  if (adapterFactory.provider === adapterProviderOf[schema.provider]) return;
  const wanted = schema.provider === "postgresql" ? "a PostgreSQL one such as PrismaPGlite" : "a SQLite one such as PrismaSqlJs";
  throw new Error(
    `The schema runs on ${schema.provider}, but the driver adapter ${adapterFactory.adapterName} is for ${adapterFactory.provider}: give it ${wanted}.`,
  );
}

/**
 * The PrismaClient classes built so far, by schema text and provider (the blueprint follows from
 * them), so a copy of a schema (a structured clone, JSON read again) finds its class too. A few
 * are kept: building one is cheap next to compiling, but not free.
 */
const clientClasses = new Map<string, PrismaClientConstructor>();
const keptClientClasses = 8;

/**
 * A genuine PrismaClient for a compiled schema, needing only the query compiler wasm. A
 * `CompiledSchema` is plain data: compile it at build time, ship it as JSON, and the first client
 * of a page skips the schema wasm altogether.
 */
export function createClient<Client = RuntimePrismaClient>(schema: CompiledSchema, wasm: WasmSource, options: PrismaClientOptions): Client {
  const key = `${schema.provider}\n${schema.text}`;
  let PrismaClient = clientClasses.get(key);
  if (PrismaClient === undefined) {
    PrismaClient = createPrismaClientClass(schema.blueprint, wasm);
    if (clientClasses.size >= keptClientClasses) clientClasses.delete(clientClasses.keys().next().value as string);
  } else {
    clientClasses.delete(key);
  }
  clientClasses.set(key, PrismaClient);
  return new PrismaClient(options) as Client;
}

/** Runs a migration script on a fresh connection of the adapter factory. */
export async function applyMigrationScript(adapterFactory: SqlDriverAdapterFactory, script: string): Promise<void> {
  const adapter = await adapterFactory.connect();
  try {
    await adapter.executeScript(script);
  } finally {
    await adapter.dispose();
  }
}
