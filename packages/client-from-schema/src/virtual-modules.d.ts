// Modules that exist only inside a bundle built with clientFromSchemaVite().

declare module "virtual:client-from-schema/wasm-urls" {
  /** URL of Prisma's SQLite query compiler, small build. */
  export const queryCompilerWasmUrl: string;
  /** URL of Prisma's schema engine. */
  export const schemaEngineWasmUrl: string;
  /** URL of prisma-schema-wasm (validation, DMMF). */
  export const prismaSchemaWasmUrl: string;
}

declare module "virtual:client-from-schema/postgresql-wasm-url" {
  /** URL of Prisma's PostgreSQL query compiler, small build; emitted only when this module is imported. */
  export const postgresqlQueryCompilerWasmUrl: string;
}
