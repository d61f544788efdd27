import type { ModelInfo } from "./data-model.ts";

/**
 * What a Prisma error says about itself, read from its structured fields only.
 * Prisma 7 puts the driver's view under `meta.driverAdapterError.cause`; Prisma 5 and 6
 * without a driver adapter use `meta.target`. Messages are never read: their wording differs
 * between databases and versions.
 */
export interface PrismaErrorFacts {
	readonly code: string;
	readonly modelName: string | null;
	readonly table: string | null;
	readonly fields: readonly string[] | null;
	readonly index: string | null;
}

function record(value: unknown): Record<string, unknown> | null {
	return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
}

function stringOrNull(value: unknown): string | null {
	return typeof value === "string" ? value : null;
}

function stringArrayOrNull(value: unknown): string[] | null {
	return Array.isArray(value) && value.every((item) => typeof item === "string") ? value : null;
}

export function readPrismaError(error: unknown): PrismaErrorFacts | null {
	const fields = record(error);
	if (fields === null || !(error instanceof Error)) return null;
	const code = fields["code"];
	if (typeof code !== "string" || !/^P\d{4}$/.test(code)) return null;
	const meta = record(fields["meta"]);
	const cause = record(record(meta?.["driverAdapterError"])?.["cause"]);
	const constraint = record(cause?.["constraint"]);
	const target = meta?.["target"];
	return {
		code,
		modelName: stringOrNull(meta?.["modelName"]),
		table: stringOrNull(cause?.["table"]),
		fields: stringArrayOrNull(constraint?.["fields"]) ?? stringArrayOrNull(target),
		index: stringOrNull(constraint?.["index"]) ?? stringOrNull(target)
	};
}

function concerns(facts: PrismaErrorFacts, model: ModelInfo): boolean {
	if (facts.modelName !== null) return facts.modelName === model.modelName;
	if (facts.table !== null) return facts.table === model.tableName;
	return false;
}

/** The names a database gives the primary key or the `@unique` index of a model's `id`. */
function isIdIndex(index: string, model: ModelInfo): boolean {
	return (
		index === "PRIMARY" ||
		index === `${model.tableName}_pkey` ||
		index === `${model.tableName}_${model.idColumn}_key`
	);
}

/**
 * A unique violation on the id of the given model. SQLite names the columns, PostgreSQL
 * (Prisma 7) the index (`Key_pkey` or `Key_id_key`), MariaDB `PRIMARY` or the index name.
 */
export function isDuplicateId(error: unknown, model: ModelInfo): boolean {
	const facts = readPrismaError(error);
	if (facts === null || facts.code !== "P2002" || !concerns(facts, model)) return false;
	if (facts.fields !== null) return facts.fields.includes(model.idColumn);
	if (facts.index !== null) return isIdIndex(facts.index, model);
	return true;
}

/** A foreign-key failure while writing a row of the given model (its `user_id` names no user). */
export function isForeignKeyFailure(error: unknown, model: ModelInfo): boolean {
	const facts = readPrismaError(error);
	if (facts === null || facts.code !== "P2003") return false;
	return facts.modelName === null || facts.modelName === model.modelName;
}
