export { prisma } from "./prisma.ts";
export { PrismaAdapterConfigurationError } from "./configuration-error.ts";
export { toSafeNumber } from "./rows.ts";
export type {
	CustomModelOptions,
	DefaultModeOptions,
	LegacyModelNames,
	ModelName,
	PrismaClientLike,
	RelationField
} from "./client-types.ts";
// The schema doctor, also its own entry point (`@lucia-auth/adapter-prisma/schema-doctor`).
export * from "./schema-doctor.ts";
