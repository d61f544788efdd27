import { PrismaAdapterConfigurationError } from "./configuration-error.ts";

/** One field of a model, as the Prisma client describes it at run time. */
export interface RuntimeField {
	readonly name: string;
	readonly kind: string;
	readonly type: string;
	readonly dbName?: string | null;
	readonly relationName?: string | null;
}

/** One model, as the Prisma client describes it at run time (`_runtimeDataModel`). */
export interface RuntimeModel {
	readonly fields: readonly RuntimeField[];
	readonly dbName?: string | null;
}

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

/** The delegate name Prisma gives a model: its name with a lower-case first letter. */
export function delegateNameOf(modelName: string): string {
	return modelName.charAt(0).toLowerCase() + modelName.slice(1);
}

/** The fields Lucia v2 reads and writes; every schema has to have them. */
export const requiredFields = {
	user: ["id"],
	session: ["id", "user_id", "active_expires", "idle_expires"],
	key: ["id", "user_id", "hashed_password"]
} as const;

export type LuciaTable = keyof typeof requiredFields;

/**
 * The client's own description of its schema. Prisma 5, 6 and 7 keep it on the instance
 * (extended clients forward it), keyed by model name.
 */
export function readRuntimeModels(client: object): Readonly<Record<string, RuntimeModel>> | null {
	const dataModel: unknown = Reflect.get(client, "_runtimeDataModel");
	if (typeof dataModel !== "object" || dataModel === null) return null;
	const models: unknown = Reflect.get(dataModel, "models");
	if (typeof models !== "object" || models === null) return null;
	return models as Record<string, RuntimeModel>;
}

function quoteList(names: readonly string[]): string {
	return names.length === 0 ? "(none)" : names.map((name) => `"${name}"`).join(", ");
}

/**
 * Finds the model a `modelNames` entry points at, or throws an error that lists the
 * delegates the client has and, when the PascalCase model name was given, the right spelling.
 */
export function resolveModel(
	models: Readonly<Record<string, RuntimeModel>>,
	table: LuciaTable,
	delegateName: unknown
): ModelInfo {
	const option = `modelNames.${table}`;
	const delegates = Object.keys(models).map(delegateNameOf);
	if (typeof delegateName !== "string" || delegateName === "") {
		throw new PrismaAdapterConfigurationError(
			`${option} must be the name of a model delegate of your Prisma client (one of ${quoteList(delegates)}); received ${describe(delegateName)}.`
		);
	}
	const modelName = Object.keys(models).find((name) => delegateNameOf(name) === delegateName);
	if (modelName === undefined) {
		const byModelName = Object.keys(models).find((name) => name === delegateName || name.toLowerCase() === delegateName.toLowerCase());
		const hint =
			byModelName === undefined
				? `Model names are the camelCase of the schema's PascalCase models (model AuthUser → "authUser").`
				: `Did you mean "${delegateNameOf(byModelName)}"? Model names are the camelCase of the schema's model names (model ${byModelName} → "${delegateNameOf(byModelName)}").`;
		throw new PrismaAdapterConfigurationError(
			`${option} is "${delegateName}", but the Prisma client has no such model; it has ${quoteList(delegates)}. ${hint}`
		);
	}
	const model = models[modelName]!;
	const fieldNames = new Set(model.fields.map((field) => field.name));
	const missing = requiredFields[table].filter((field) => !fieldNames.has(field));
	if (missing.length > 0) {
		throw new PrismaAdapterConfigurationError(
			`${option} is "${delegateName}" (model ${modelName}), but that model lacks the field${missing.length > 1 ? "s" : ""} ${quoteList(missing)} that Lucia stores in the ${table} table. Add ${missing.length > 1 ? "them" : "it"} to model ${modelName}, or point ${option} at the right model.`
		);
	}
	const idField = model.fields.find((field) => field.name === "id")!;
	return {
		modelName,
		delegateName,
		tableName: model.dbName ?? modelName,
		idColumn: idField.dbName ?? "id",
		relationFields: new Set(model.fields.filter((field) => field.kind === "object").map((field) => field.name))
	};
}

/**
 * Checks that `userRelationKey` is a relation field of the session model that points at the
 * user model, as `include: { [userRelationKey]: true }` needs it to be.
 */
export function resolveUserRelation(
	models: Readonly<Record<string, RuntimeModel>>,
	session: ModelInfo,
	user: ModelInfo,
	userRelationKey: unknown
): string {
	const sessionFields = models[session.modelName]!.fields;
	const candidates = sessionFields
		.filter((field) => field.kind === "object" && field.type === user.modelName)
		.map((field) => field.name);
	const suggestion =
		candidates.length > 0
			? `Model ${session.modelName} relates to ${user.modelName} through ${quoteList(candidates)}.`
			: `Model ${session.modelName} has no relation field to ${user.modelName}; add one, e.g. \`user ${user.modelName} @relation(references: [id], fields: [user_id], onDelete: Cascade)\`.`;
	if (typeof userRelationKey !== "string" || userRelationKey === "") {
		throw new PrismaAdapterConfigurationError(
			`userRelationKey must name the relation field of model ${session.modelName} that points at ${user.modelName}; received ${describe(userRelationKey)}. ${suggestion}`
		);
	}
	const field = sessionFields.find((candidate) => candidate.name === userRelationKey);
	if (field === undefined || field.kind !== "object" || field.type !== user.modelName) {
		const what =
			field === undefined
				? `model ${session.modelName} has no field "${userRelationKey}"`
				: field.kind !== "object"
					? `"${userRelationKey}" is a ${field.type} column of model ${session.modelName}, not a relation`
					: `"${userRelationKey}" relates model ${session.modelName} to ${field.type}, not to the user model ${user.modelName}`;
		throw new PrismaAdapterConfigurationError(`userRelationKey is "${userRelationKey}", but ${what}. ${suggestion}`);
	}
	return userRelationKey;
}

/**
 * The relation field from session to user, for the 3.0.x call form that has no
 * `userRelationKey` option: taken from the schema when there is exactly one.
 */
export function inferUserRelation(
	models: Readonly<Record<string, RuntimeModel>>,
	session: ModelInfo,
	user: ModelInfo
): string | null {
	const candidates = models[session.modelName]!.fields.filter(
		(field) => field.kind === "object" && field.type === user.modelName
	);
	return candidates.length === 1 ? candidates[0]!.name : null;
}

export function describe(value: unknown): string {
	if (typeof value === "string") return `"${value}"`;
	if (value === null) return "null";
	if (Array.isArray(value)) return "an array";
	return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}
