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
export { checkSchema, formatCallOptions } from "./check-schema.ts";
export type {
	CallToCheck,
	CheckOptions,
	DataModelInput,
	FindingCode,
	FindingSeverity,
	FittingCall,
	SchemaCheck,
	SchemaEdit,
	SchemaField,
	SchemaFinding,
	SchemaFix,
	SchemaModel
} from "./check-schema.ts";
