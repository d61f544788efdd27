export { loadSchemaCompiler, createClient, applyMigrationScript, migrationScript } from "./schema-compiler.ts";
export type { CompileResult, CompiledSchema, RuntimePrismaClient, SchemaCompiler } from "./schema-compiler.ts";
export { browserProviders, datasourceProvider, normaliseSchema, withBrowserProvider, type BrowserProvider, type NormaliseOptions, type NormalisedSchema, type SchemaNotice } from "./normalise-schema.ts";
export type { SchemaDiagnostic } from "./diagnostics.ts";
export { delegateNameOf, type EnumSummary, type ModelSummary, type RelationFieldSummary, type ScalarFieldSummary } from "./models.ts";
export { countPendingQueries, importRuntimeModules, prismaErrorClasses, prismaVersions, type PendingQueries, type PrismaClientOptions, type SchemaCompletion } from "./prisma-internals.ts";
export type { WasmSource } from "./wasm-source.ts";
