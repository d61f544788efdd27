import type { SchemaModel } from "./check-schema.ts";

/** What the adapter knows about one of the three Lucia models once the options are checked. */
export interface ModelInfo {
	/** The schema's model name, e.g. `AuthSession`. */
	readonly modelName: string;
	/** The client property, e.g. `authSession`. */
	readonly delegateName: string;
	/** The table name in the database (`@@map`), e.g. `user_session`. */
	readonly tableName: string;
	/** The database column behind the `id` field (`@map`). */
	readonly idColumn: string;
	/** Names of the fields that hold relations; they never leave the adapter. */
	readonly relationFields: ReadonlySet<string>;
}

/**
 * The client's own description of its schema. Prisma 5, 6 and 7 keep it on the instance
 * (extended clients forward it), keyed by model name, pruned to each field's name, kind, type,
 * relation name and column name.
 */
export function readRuntimeModels(client: object): Readonly<Record<string, Omit<SchemaModel, "name">>> | null {
	const dataModel: unknown = Reflect.get(client, "_runtimeDataModel");
	if (typeof dataModel !== "object" || dataModel === null) return null;
	const models: unknown = Reflect.get(dataModel, "models");
	if (typeof models !== "object" || models === null) return null;
	return models as Record<string, Omit<SchemaModel, "name">>;
}

/** The adapter's view of a model that the schema check accepted. */
export function modelInfoOf(model: SchemaModel, delegateName: string): ModelInfo {
	const idField = model.fields.find((field) => field.name === "id");
	return {
		modelName: model.name,
		delegateName,
		tableName: model.dbName ?? model.name,
		idColumn: idField?.dbName ?? "id",
		relationFields: new Set(model.fields.filter((field) => field.kind === "object").map((field) => field.name))
	};
}
