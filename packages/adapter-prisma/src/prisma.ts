import type { Adapter, InitializeAdapter } from "lucia";
import { createLuciaAdapter, type AdapterModels, type BoundModel, type ModelDelegate, type TransactionalClient } from "./adapter.ts";
import type { CustomModelOptions, DefaultModeOptions, LegacyModelNames, ModelName, PrismaClientLike } from "./client-types.ts";
import { PrismaAdapterConfigurationError } from "./configuration-error.ts";
import { checkStartUp, delegateNameOf, describe, normaliseDataModel, type LuciaTable } from "./check-schema.ts";
import { modelInfoOf, readRuntimeModels, type ModelInfo } from "./data-model.ts";

const defaultModelNames = { user: "user", session: "session", key: "key" } as const;

// The form with model names comes first: TypeScript offers completions inside an object
// argument from the first overload it tries, so this order lets editors propose the client's
// model names (test/editor-completions.test.ts).
/** The Lucia v2 adapter for Prisma, with the model names and the user relation of your schema. */
export function prisma<Client extends PrismaClientLike, Session extends ModelName<Client>>(
	options: CustomModelOptions<Client, Session>
): InitializeAdapter<Adapter>;
/**
 * The Lucia v2 adapter for Prisma, in default mode: the schema has models `User`, `Session`
 * and `Key` as in the reference schema (extra attribute columns are fine).
 */
export function prisma<Client extends PrismaClientLike>(options: DefaultModeOptions<Client>): InitializeAdapter<Adapter>;
/** The call form of `@lucia-auth/adapter-prisma` 3.0.x, kept so existing apps switch without edits. */
export function prisma<Client extends PrismaClientLike>(
	client: Client,
	modelNames?: LegacyModelNames<Client>
): InitializeAdapter<Adapter>;
export function prisma(first: unknown, legacyModelNames?: unknown): InitializeAdapter<Adapter> {
	const options = normaliseArguments(first, legacyModelNames);
	const models = bindModels(options);
	return (LuciaError) => createLuciaAdapter(options.client, models, LuciaError);
}

interface NormalisedOptions {
	client: TransactionalClient & object;
	modelNames: { user: unknown; key: unknown; session: unknown };
	userRelationKey: unknown;
	/** `mode: "default"`: the models User, Session and Key with the relation `user`. */
	defaultMode: boolean;
	/** The 3.0.x form has no userRelationKey: it is taken from the schema. */
	inferUserRelation: boolean;
	/**
	 * `prisma(client)` in 3.0.x used the client's `session` model if there was one and otherwise
	 * stored no sessions (the app keeps them elsewhere); only that form keeps this leniency.
	 */
	sessionModelOptional: boolean;
}

function isClient(value: unknown): value is TransactionalClient & object {
	return typeof value === "object" && value !== null && typeof Reflect.get(value, "$transaction") === "function";
}

function normaliseArguments(first: unknown, legacyModelNames: unknown): NormalisedOptions {
	if (isClient(first)) {
		if (legacyModelNames === undefined) {
			return { client: first, modelNames: defaultModelNames, userRelationKey: undefined, defaultMode: false, inferUserRelation: true, sessionModelOptional: true };
		}
		if (typeof legacyModelNames !== "object" || legacyModelNames === null) {
			throw new PrismaAdapterConfigurationError(
				`prisma(client, modelNames): modelNames must be an object { user, session, key }; received ${describe(legacyModelNames)}.`
			);
		}
		const { user, session, key } = legacyModelNames as Record<string, unknown>;
		return { client: first, modelNames: { user, session, key }, userRelationKey: undefined, defaultMode: false, inferUserRelation: true, sessionModelOptional: false };
	}
	if (typeof first !== "object" || first === null) {
		throw new PrismaAdapterConfigurationError(
			`prisma() takes an options object, { client, mode: "default" } or { client, modelNames, userRelationKey }; received ${describe(first)}.`
		);
	}
	const options = first as Record<string, unknown>;
	const client = options["client"];
	if (!isClient(client)) {
		throw new PrismaAdapterConfigurationError(
			`prisma(): options.client must be a PrismaClient instance (new PrismaClient(...)); received ${describe(client)}.`
		);
	}
	if ("mode" in options) {
		if (options["mode"] !== "default") {
			throw new PrismaAdapterConfigurationError(
				`prisma(): mode must be "default"; received ${describe(options["mode"])}. To use other model names, leave out mode and pass modelNames and userRelationKey.`
			);
		}
		if ("modelNames" in options || "userRelationKey" in options) {
			throw new PrismaAdapterConfigurationError(
				`prisma(): mode "default" uses the models user, session and key with the relation "user"; remove modelNames and userRelationKey, or remove mode to use your own names.`
			);
		}
		return { client, modelNames: defaultModelNames, userRelationKey: undefined, defaultMode: true, inferUserRelation: false, sessionModelOptional: false };
	}
	const modelNames = options["modelNames"];
	if (typeof modelNames !== "object" || modelNames === null) {
		throw new PrismaAdapterConfigurationError(
			`prisma(): pass either mode: "default" or modelNames: { user, key, session } with userRelationKey; modelNames is ${describe(modelNames)}.`
		);
	}
	const { user, session, key } = modelNames as Record<string, unknown>;
	return {
		client,
		modelNames: { user, session, key },
		userRelationKey: options["userRelationKey"],
		defaultMode: false,
		inferUserRelation: false,
		sessionModelOptional: false
	};
}

function delegateOf(client: object, info: ModelInfo): ModelDelegate {
	const delegate: unknown = Reflect.get(client, info.delegateName);
	if (typeof delegate !== "object" || delegate === null || typeof Reflect.get(delegate, "createMany") !== "function") {
		throw new PrismaAdapterConfigurationError(
			`The Prisma client has no usable delegate "${info.delegateName}" for model ${info.modelName}. Regenerate the client (prisma generate) after changing the schema.`
		);
	}
	return delegate as ModelDelegate;
}

function bindModels({ client, modelNames: names, userRelationKey, defaultMode, inferUserRelation, sessionModelOptional }: NormalisedOptions): AdapterModels {
	const runtimeModels = readRuntimeModels(client);
	if (runtimeModels === null) {
		throw new PrismaAdapterConfigurationError(
			"prisma(): the client has no data model (_runtimeDataModel) to check the options against. Pass the PrismaClient that `prisma generate` created (Prisma 6 or 7)."
		);
	}
	// The schema doctor's rules, over what the client knows of its schema (see check-schema.ts).
	const check = checkStartUp(
		runtimeModels,
		defaultMode ? { mode: "default" } : { modelNames: names, userRelationKey },
		inferUserRelation ? { sessionModelOptional } : null,
		activeProvider(client)
	);
	const errors = check.findings.filter((finding) => finding.severity === "error");
	if (errors.length === 1) throw new PrismaAdapterConfigurationError(errors[0]!.message);
	if (errors.length > 1) {
		throw new PrismaAdapterConfigurationError(`prisma(): ${errors.length} problems with the schema:\n${errors.map((error) => `- ${error.message}`).join("\n")}`);
	}
	const models = normaliseDataModel(runtimeModels);
	const bind = (table: LuciaTable): BoundModel | null => {
		const modelName = check.models[table];
		const model = models.find((candidate) => candidate.name === modelName);
		if (model === undefined) return null;
		const info = modelInfoOf(model, delegateNameOf(model.name));
		return { info, delegate: delegateOf(client, info) };
	};
	const user = bind("user")!;
	const key = bind("key")!;
	const session = bind("session");
	return {
		user,
		key,
		session,
		userRelationKey: session === null ? null : check.userRelationKey,
		insertWith: activeProvider(client) === "mysql" ? "createMany" : "create"
	};
}

/** The datasource provider the client was generated for (`sqlite`, `postgresql`, `mysql`, …). */
function activeProvider(client: object): string | null {
	const provider: unknown = Reflect.get(client, "_activeProvider");
	return typeof provider === "string" ? provider : null;
}
