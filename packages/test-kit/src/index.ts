export { generateClient, type GenerateClientOptions, type GeneratedClient } from "./generate-client.ts";
export type { PrismaMajor, SchemaProvider } from "./test-schema.ts";
export { importForPrisma, resolveForPrisma } from "./prisma-modules.ts";
export { startPostgres } from "./postgres-server.ts";
export { startMariaDb } from "./mariadb-server.ts";
export { isSkipped, type RunningServer, type Skipped } from "./server-types.ts";
export { createDatabase } from "./create-database.ts";
export { ddlFromSchema, type DdlProvider } from "./schema-engine.ts";
export { applyDdl } from "./apply-ddl.ts";
