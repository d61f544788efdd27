export { generateClient, type GenerateClientOptions, type GeneratedClient } from "./generate-client.ts";
export type { PrismaMajor, SchemaProvider } from "./test-schema.ts";
export { importForPrisma, resolveForPrisma } from "./prisma-modules.ts";
