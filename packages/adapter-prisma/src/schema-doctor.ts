/**
 * `@lucia-auth/adapter-prisma/schema-doctor`: the schema check without the adapter (no Lucia or
 * Prisma import), for editors, docs pages and scripts.
 */
export { checkSchema, delegateNameOf, formatCallOptions } from "./check-schema.ts";
export type {
	CallToCheck,
	CheckOptions,
	DataModelInput,
	FindingCode,
	FindingSeverity,
	FittingCall,
	LuciaTable,
	SchemaCheck,
	SchemaEdit,
	SchemaField,
	SchemaFinding,
	SchemaFix,
	SchemaModel
} from "./check-schema.ts";
export { applySchemaEdit, applySchemaFix, locateInSchema, SchemaEditError, type SchemaLocation } from "./apply-schema-fix.ts";
