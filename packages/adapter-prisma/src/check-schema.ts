/**
 * The schema doctor: from a Prisma data model to the `prisma()` call that fits it, or to the
 * schema edits it needs. One set of rules, used by `prisma()` at start-up (over the client's
 * pruned run-time data model) and by anything holding Prisma's full DMMF (the playground, the
 * "Check your schema" page, a script calling `getDMMF`).
 *
 * Pure: no I/O, no Prisma import; the input is plain data.
 */

/** A field as Prisma's DMMF describes it. Only `name`, `kind` and `type` are always there. */
export interface SchemaField {
	readonly name: string;
	/** `scalar`, `object` (a relation), `enum` or `unsupported`. */
	readonly kind: string;
	/** `String`, `BigInt`, … for scalars; the related model for relations. */
	readonly type: string;
	/** The column name given with `@map`. */
	readonly dbName?: string | null;
	/**
	 * Known only from the full DMMF. A generated client's run-time data model leaves it out, and
	 * with it every rule that needs it (optional fields, defaults, `onDelete`).
	 */
	readonly isRequired?: boolean;
	readonly isList?: boolean;
	readonly isId?: boolean;
	readonly hasDefaultValue?: boolean;
	readonly isUpdatedAt?: boolean;
	readonly relationName?: string | null;
	/** The foreign-key fields on this side (`fields: [user_id]`). */
	readonly relationFromFields?: readonly string[];
	/** `Cascade`, `Restrict`, …; absent when the schema does not say. */
	readonly relationOnDelete?: string | null;
}

export interface SchemaModel {
	/** The schema's model name, e.g. `AuthSession`. */
	readonly name: string;
	/** The table name given with `@@map`. */
	readonly dbName?: string | null;
	readonly fields: readonly SchemaField[];
}

/**
 * The models: DMMF's list (`dmmf.datamodel.models`), or the record keyed by model name that a
 * generated client keeps as `_runtimeDataModel.models`.
 */
export type DataModelInput = readonly SchemaModel[] | Readonly<Record<string, Omit<SchemaModel, "name">>>;

export type LuciaTable = "user" | "session" | "key";

/** The `prisma()` options that fit a schema (besides `client`). */
export type FittingCall =
	| { readonly mode: "default" }
	| { readonly modelNames: { readonly user: string; readonly session: string; readonly key: string }; readonly userRelationKey: string };

/** Options to check against the schema, as a caller may have written them (values not yet trusted). */
export type CallToCheck =
	| { readonly mode: "default" }
	| { readonly modelNames: { readonly user: unknown; readonly session: unknown; readonly key: unknown }; readonly userRelationKey: unknown };

/** One change to schema text, by model and field, so it applies to the reader's own formatting. */
export type SchemaEdit =
	/** Append a model block. */
	| { readonly kind: "add-model"; readonly model: string; readonly text: string }
	/** Add a field line (`text`, e.g. `user_id String`) after the model's last field. */
	| { readonly kind: "add-field"; readonly model: string; readonly field: string; readonly text: string }
	/** Replace the field's type, modifiers included (`BigInt`, `String?`). */
	| { readonly kind: "set-type"; readonly model: string; readonly field: string; readonly type: string }
	/** Remove a field attribute, e.g. `@default(autoincrement())` (`attribute: "default"`). */
	| { readonly kind: "remove-attribute"; readonly model: string; readonly field: string; readonly attribute: string }
	/** Set one argument of the field's `@relation(…)`, adding it when absent. */
	| { readonly kind: "set-relation-argument"; readonly model: string; readonly field: string; readonly argument: string; readonly value: string }
	| { readonly kind: "rename-field"; readonly model: string; readonly field: string; readonly to: string };

export interface SchemaFix {
	/** What applying it does, e.g. "Change active_expires to BigInt". */
	readonly title: string;
	readonly edits: readonly SchemaEdit[];
}

export type FindingCode =
	| "missing-model"
	| "missing-field"
	| "wrong-type"
	| "password-required"
	| "missing-relation"
	| "relation-elsewhere"
	| "relation-fields"
	| "relation-names-differ"
	| "on-delete"
	| "unfilled-column"
	| "mapped"
	| "unknown-model"
	| "wrong-relation-key";

/**
 * `error`: a Lucia call fails, or the adapter refuses to start. `warning`: Lucia works, but
 * something around it does not (a user deleted outside Lucia, an unknown user id not reported).
 * `info`: fine as it is; worth knowing.
 */
export type FindingSeverity = "error" | "warning" | "info";

export interface SchemaFinding {
	readonly code: FindingCode;
	readonly severity: FindingSeverity;
	/** The Lucia table it concerns, when one. */
	readonly table: LuciaTable | null;
	/** The schema model it is about (where to put a marker), or null when that model is missing. */
	readonly model: string | null;
	/** The field, when it is about one. */
	readonly field: string | null;
	/** The `prisma()` option it is about (`modelNames.user`, `userRelationKey`), when one. */
	readonly option: string | null;
	/** What is wrong and why it matters to Lucia, in full sentences. */
	readonly message: string;
	/** The schema edit that resolves it; null when the fix is in the code, or there is nothing to fix. */
	readonly fix: SchemaFix | null;
}

export interface SchemaCheck {
	/** No finding is an error: the adapter starts, and Lucia's calls work. */
	readonly ok: boolean;
	/** The models that play Lucia's tables, as far as they were found. */
	readonly models: { readonly [Table in LuciaTable]: string | null };
	/** The relation field from the session model to the user model, when there is one. */
	readonly userRelationKey: string | null;
	/** The options that fit, when `ok`. */
	readonly call: FittingCall | null;
	readonly findings: readonly SchemaFinding[];
}

/** The fields Lucia v2 reads and writes, with the declaration the reference schema gives them. */
export const luciaFields = {
	user: { id: "String @id @unique" },
	session: { id: "String @id @unique", user_id: "String", active_expires: "BigInt", idle_expires: "BigInt" },
	key: { id: "String @id @unique", hashed_password: "String?", user_id: "String" }
} as const satisfies Record<LuciaTable, Record<string, string>>;

const defaultModels = { user: "User", session: "Session", key: "Key" } as const satisfies Record<LuciaTable, string>;
const defaultRelationKey = "user";
const tables: readonly LuciaTable[] = ["user", "session", "key"];

/** Where the model names come from: found by shape, mode "default", or the caller's modelNames. */
type CallSource = "shape" | "default" | "options" | "3.0.x";

/** The delegate name Prisma gives a model: its name with a lower-case first letter. */
export function delegateNameOf(modelName: string): string {
	return modelName.charAt(0).toLowerCase() + modelName.slice(1);
}

export function normaliseDataModel(input: DataModelInput): readonly SchemaModel[] {
	if (Array.isArray(input)) return input as readonly SchemaModel[];
	return Object.entries(input as Readonly<Record<string, Omit<SchemaModel, "name">>>).map(([name, model]) => ({ name, ...model }));
}

export interface CheckOptions {
	/** The options to check; without them, the models are found by shape and the fitting call returned. */
	readonly call?: CallToCheck;
	/**
	 * The datasource's provider (`sqlite`, `postgresql`, `mysql`, …). Some rules depend on it:
	 * `Int` expiries overflow on PostgreSQL and MySQL but not on SQLite. Unknown: the strict answer.
	 */
	readonly provider?: string;
}

/**
 * Checks a schema for Lucia. Without `call`, finds the models by their shape (a model with
 * `hashed_password` is the key table, one with `active_expires`/`idle_expires` the session
 * table, the model both point at the user table) and returns the call that fits. With `call`,
 * checks those options against the schema, as `prisma()` does at start-up.
 */
export function checkSchema(input: DataModelInput, options: CheckOptions = {}): SchemaCheck {
	const models = normaliseDataModel(input);
	const provider = options.provider ?? null;
	return options.call === undefined ? checkByShape(models, provider) : checkCall(models, options.call, provider);
}

// ---------------------------------------------------------------------------------------------
// Which models play which table

function checkByShape(models: readonly SchemaModel[], provider: string | null): SchemaCheck {
	const findings: SchemaFinding[] = [];
	const withField = (fields: readonly string[], fallback: string, taken: readonly (SchemaModel | null)[]) => {
		const candidates = models.filter((model) => !taken.includes(model) && fields.some((field) => hasField(model, field)));
		return candidates.find((model) => model.name === fallback) ?? candidates[0] ?? models.find((model) => model.name === fallback && !taken.includes(model)) ?? null;
	};
	const key = withField(["hashed_password"], defaultModels.key, []);
	const session = withField(["active_expires", "idle_expires"], defaultModels.session, [key]);
	const user = userModelOf(models, session, key);
	return finish(models, { user, session, key }, null, findings, "shape", provider);
}

/** The model the session and key relations point at; else `User`; else the one other model with an id. */
function userModelOf(models: readonly SchemaModel[], session: SchemaModel | null, key: SchemaModel | null): SchemaModel | null {
	for (const owner of [session, key]) {
		if (owner === null) continue;
		const relations = toOneRelations(owner).filter((field) => field.type !== owner.name);
		const relation =
			relations.find((field) => field.relationFromFields?.includes("user_id") === true) ??
			relations.find((field) => field.type === defaultModels.user) ??
			relations[0];
		const target = relation === undefined ? undefined : models.find((model) => model.name === relation.type);
		if (target !== undefined) return target;
	}
	const rest = models.filter((model) => model !== session && model !== key);
	return rest.find((model) => model.name === defaultModels.user) ?? (rest.length === 1 && hasField(rest[0]!, "id") ? rest[0]! : null);
}

/**
 * What `prisma()` checks when it starts, its 3.0.x call form included: that form has no
 * userRelationKey (the session's one relation to the user is used, if there is exactly one),
 * takes `session: null` for sessions stored elsewhere, and `prisma(client)` uses a `session`
 * model only if the schema has one.
 */
export function checkStartUp(
	input: DataModelInput,
	call: CallToCheck,
	callForm3x: { readonly sessionModelOptional: boolean } | null,
	provider: string | null
): SchemaCheck {
	const models = normaliseDataModel(input);
	if (callForm3x === null || "mode" in call) return checkCall(models, call, provider);
	const findings: SchemaFinding[] = [];
	const found = {} as Record<LuciaTable, SchemaModel | null>;
	for (const table of tables) {
		const name = call.modelNames[table];
		const skip = table === "session" && (name === null || (callForm3x.sessionModelOptional && !models.some((model) => delegateNameOf(model.name) === name)));
		found[table] = skip ? null : modelForOption(models, table, name, findings);
	}
	return finish(models, found, undefined, findings, "3.0.x", provider);
}

function checkCall(models: readonly SchemaModel[], call: CallToCheck, provider: string | null): SchemaCheck {
	const findings: SchemaFinding[] = [];
	if ("mode" in call) {
		const found = {} as Record<LuciaTable, SchemaModel | null>;
		for (const table of tables) found[table] = models.find((model) => model.name === defaultModels[table]) ?? null;
		const missing = tables.filter((table) => found[table] === null);
		if (missing.length > 0) findings.push(defaultModeModelsMissing(models, missing, provider));
		return finish(models, found, defaultRelationKey, findings, "default", provider);
	}
	const found = {} as Record<LuciaTable, SchemaModel | null>;
	for (const table of tables) {
		found[table] = modelForOption(models, table, call.modelNames[table], findings);
	}
	return finish(models, found, call.userRelationKey, findings, "options", provider);
}

/** The model a `modelNames` entry names, or null with a finding that says what exists instead. */
function modelForOption(models: readonly SchemaModel[], table: LuciaTable, delegateName: unknown, findings: SchemaFinding[]): SchemaModel | null {
	const option = `modelNames.${table}`;
	const delegates = models.map((model) => delegateNameOf(model.name));
	const unknown = (message: string): null => {
		findings.push({ code: "unknown-model", severity: "error", table, model: null, field: null, option, message, fix: null });
		return null;
	};
	if (typeof delegateName !== "string" || delegateName === "") {
		return unknown(`${option} must be the name of a model delegate of your Prisma client (one of ${quoteList(delegates)}); received ${describe(delegateName)}.`);
	}
	const model = models.find((candidate) => delegateNameOf(candidate.name) === delegateName);
	if (model !== undefined) return model;
	const byModelName = models.find((candidate) => candidate.name.toLowerCase() === delegateName.toLowerCase());
	const hint =
		byModelName === undefined
			? `Model names are the camelCase of the schema's PascalCase models (model AuthUser → "authUser").`
			: `Did you mean "${delegateNameOf(byModelName.name)}"? Model names are the camelCase of the schema's model names (model ${byModelName.name} → "${delegateNameOf(byModelName.name)}").`;
	return unknown(`${option} is "${delegateName}", but the Prisma client has no such model; it has ${quoteList(delegates)}. ${hint}`);
}

function defaultModeModelsMissing(models: readonly SchemaModel[], missing: readonly LuciaTable[], provider: string | null): SchemaFinding {
	const names = missing.map((table) => defaultModels[table]);
	return {
		code: "unknown-model",
		severity: "error",
		table: missing[0]!,
		model: null,
		field: null,
		option: "mode",
		message: `mode "default" uses the models User, Session and Key (the client's "user", "session" and "key"), but this schema has no ${names.join(", ")}; the Prisma client has ${quoteList(models.map((model) => delegateNameOf(model.name)))}.${defaultModeAdvice(models, provider)}`,
		fix: null
	};
}

/** What to pass instead of mode "default": the call found by shape, when there is one. */
function defaultModeAdvice(models: readonly SchemaModel[], provider: string | null): string {
	const fitting = checkByShape(models, provider);
	return fitting.call !== null && !("mode" in fitting.call)
		? ` The call that fits this schema is prisma({ client, ${formatCallOptions(fitting.call)} }).`
		: ` Name the models User, Session and Key, or pass modelNames and userRelationKey.`;
}

// ---------------------------------------------------------------------------------------------
// The rules, once the models are known

function finish(
	models: readonly SchemaModel[],
	found: Record<LuciaTable, SchemaModel | null>,
	relationKey: unknown,
	findings: SchemaFinding[],
	source: CallSource,
	provider: string | null
): SchemaCheck {
	const { user, session, key } = found;
	const fromOptions = source !== "shape";
	if (!fromOptions) {
		for (const table of tables) if (found[table] === null) findings.push(missingModel(models, table, found));
	}
	for (const table of tables) {
		const model = found[table];
		if (model !== null) checkFields(table, model, found, findings, source === "options" || source === "3.0.x", provider);
	}
	let userRelationKey: string | null = null;
	if (session !== null && user !== null) {
		userRelationKey = checkRelation("session", session, user, findings, relationKey, source, models, provider);
	}
	if (key !== null && user !== null) {
		const keyRelation = checkRelation("key", key, user, findings, undefined, "shape", models, provider);
		if (keyRelation !== null && userRelationKey !== null && keyRelation !== userRelationKey) {
			findings.push({
				code: "relation-names-differ",
				severity: "info",
				table: "key",
				model: key.name,
				field: keyRelation,
				option: null,
				message: `Model ${key.name} relates to ${user.name} through "${keyRelation}", and model ${session!.name} through "${userRelationKey}". That works: userRelationKey names the session's relation, the only one the adapter follows. Naming both "${userRelationKey}" lets one name serve both, as in the reference schema.`,
				fix: { title: `Rename ${key.name}.${keyRelation} to ${userRelationKey}`, edits: [{ kind: "rename-field", model: key.name, field: keyRelation, to: userRelationKey }] }
			});
		}
	}
	for (const table of tables) {
		const model = found[table];
		if (model !== null) noteMapping(table, model, findings);
	}
	const ok = !findings.some((finding) => finding.severity === "error");
	return {
		ok,
		models: { user: user?.name ?? null, session: session?.name ?? null, key: key?.name ?? null },
		userRelationKey,
		call: ok && user !== null && session !== null && key !== null && userRelationKey !== null ? fittingCall(user, session, key, userRelationKey) : null,
		findings: ordered(findings)
	};
}

function fittingCall(user: SchemaModel, session: SchemaModel, key: SchemaModel, userRelationKey: string): FittingCall {
	if (user.name === defaultModels.user && session.name === defaultModels.session && key.name === defaultModels.key && userRelationKey === defaultRelationKey) {
		return { mode: "default" };
	}
	return {
		modelNames: { user: delegateNameOf(user.name), session: delegateNameOf(session.name), key: delegateNameOf(key.name) },
		userRelationKey
	};
}

function missingModel(models: readonly SchemaModel[], table: LuciaTable, found: Record<LuciaTable, SchemaModel | null>): SchemaFinding {
	const name = models.some((model) => model.name === defaultModels[table]) ? `Auth${defaultModels[table]}` : defaultModels[table];
	const user = found.user;
	const lines = Object.entries(luciaFields[table]).map(([field, declaration]) => `  ${field} ${declaration}`);
	const edits: SchemaEdit[] = [];
	if (table !== "user" && user !== null) {
		lines.push(`  user ${user.name} @relation(references: [id], fields: [user_id], onDelete: Cascade)`);
		const backName = freeFieldName(user, table === "session" ? ["auth_session", "sessions"] : ["auth_key", "keys"]);
		edits.push({ kind: "add-field", model: user.name, field: backName, text: `${backName} ${name}[]` });
	}
	const why = {
		user: "Lucia stores every user in it, and sessions and keys point at it",
		session: "Lucia stores sessions in it: createSession writes one, validateSession reads it with its user",
		key: "Lucia stores keys in it: every sign-up and sign-in (createUser, useKey) goes through a key"
	}[table];
	return {
		code: "missing-model",
		severity: "error",
		table,
		model: null,
		field: null,
		option: null,
		message: `No model holds Lucia's ${table} table (${describeShape(table)}). ${why}.`,
		fix: { title: `Add model ${name}`, edits: [{ kind: "add-model", model: name, text: `model ${name} {\n${lines.join("\n")}\n}` }, ...edits] }
	};
}

function describeShape(table: LuciaTable): string {
	return {
		user: "the model the session and key models point at, or one named User",
		session: "a model with active_expires and idle_expires",
		key: "a model with hashed_password"
	}[table];
}

function checkFields(
	table: LuciaTable,
	model: SchemaModel,
	found: Record<LuciaTable, SchemaModel | null>,
	findings: SchemaFinding[],
	/** The model was named by `modelNames`: the message says so. */
	named: boolean,
	provider: string | null
): void {
	const required = luciaFields[table];
	const missing: string[] = [];
	for (const [name, declaration] of Object.entries(required)) {
		const field = fieldOf(model, name);
		if (field === undefined || field.kind === "object") {
			missing.push(name);
			continue;
		}
		checkType(table, model, field, declaration, found, findings, provider);
	}
	if (missing.length > 0) {
		findings.push({
			code: "missing-field",
			severity: "error",
			table,
			model: model.name,
			field: missing[0]!,
			option: named ? `modelNames.${table}` : null,
			message: named
				? `modelNames.${table} is "${delegateNameOf(model.name)}" (model ${model.name}), but that model lacks the field${missing.length > 1 ? "s" : ""} ${quoteList(missing)} that Lucia stores in the ${table} table. Add ${missing.length > 1 ? "them" : "it"} to model ${model.name}, or point modelNames.${table} at the right model.`
				: `Model ${model.name} lacks the field${missing.length > 1 ? "s" : ""} ${quoteList(missing)} that Lucia stores in the ${table} table. ${whyFields(table, missing)}`,
			fix: {
				title: `Add ${missing.join(", ")} to ${model.name}`,
				edits: missing.map((name) => ({ kind: "add-field", model: model.name, field: name, text: `${name} ${declarationToAdd(model, name, required)}` }))
			}
		});
	}
	checkUnfilledColumns(table, model, findings);
}

function whyFields(table: LuciaTable, missing: readonly string[]): string {
	if (missing.includes("id")) return `Lucia finds every ${table} by its id.`;
	if (table === "session") return "Lucia writes them in createSession and reads them in validateSession.";
	return "Lucia writes them in createUser and createKey and reads them in useKey.";
}

/** The reference declaration, but a model that has another id gets `id` as a unique field. */
function declarationToAdd(model: SchemaModel, name: string, declarations: Readonly<Record<string, string>>): string {
	const declaration = declarations[name]!;
	return name === "id" && model.fields.some((field) => field.isId === true) ? declaration.replace("@id ", "") : declaration;
}

function checkType(
	table: LuciaTable,
	model: SchemaModel,
	field: SchemaField,
	declaration: string,
	found: Record<LuciaTable, SchemaModel | null>,
	findings: SchemaFinding[],
	provider: string | null
): void {
	const user = found.user;
	const expected = declaration.split(" ")[0]!.replace("?", "");
	const where = `${model.name}.${field.name}`;
	const finding = (severity: FindingSeverity, message: string, fix: SchemaFix | null) =>
		findings.push({ code: "wrong-type", severity, table, model: model.name, field: field.name, option: null, message, fix });
	const keepOptional = field.isRequired === false ? "?" : "";

	if (field.type !== expected) {
		if (expected === "BigInt") {
			const fix = { title: `Change ${field.name} to BigInt`, edits: [setType(model, field, `BigInt${keepOptional}`)] };
			if (field.type === "Float") {
				finding("warning", `${where} is a Float. Lucia stores expiries as milliseconds since 1970 (about 1.7 × 10¹²); a Float holds them exactly, but the reference schema, and this adapter's tests, use BigInt.`, fix);
			} else if (field.type === "Int" && provider === "sqlite") {
				finding("warning", `${where} is an Int. Lucia stores expiries as milliseconds since 1970 (about 1.7 × 10¹²), past 32 bits: SQLite keeps them (its integers have 64), but PostgreSQL and MySQL refuse them, so the schema breaks on any other database. Make it BigInt.`, fix);
			} else if (field.type === "Int") {
				finding("error", `${where} is an Int, but Lucia stores expiries as milliseconds since 1970 (about 1.7 × 10¹²), past the 32 bits of an Int column on PostgreSQL and MySQL: createSession fails with an out-of-range error. Make it BigInt.`, fix);
			} else {
				finding("error", `${where} is ${article(field.type)}, but Lucia stores expiries as a number of milliseconds since 1970. Make it BigInt.`, fix);
			}
			return;
		}
		// The ids: Lucia makes them itself, as strings (user and session ids of 15 and 40 characters,
		// key ids `providerId:providerUserId`).
		if (field.name === "user_id" && user !== null && fieldOf(user, "id")?.type === field.type) return; // reported once, on the user's id
		const edits: SchemaEdit[] = [setType(model, field, `String${keepOptional}`)];
		if (field.hasDefaultValue === true) edits.push({ kind: "remove-attribute", model: model.name, field: field.name, attribute: "default" });
		const references = table === "user" && field.name === "id" ? userIdReferences(found, field.type) : [];
		edits.push(...references);
		const what = field.name === "hashed_password" ? "Lucia stores the password hash as text" : "Lucia makes its ids itself, as strings (a key's id is providerId:providerUserId)";
		finding("error", `${where} is ${article(field.type)}, but ${what}: make it String.${references.length > 0 ? ` The fix changes the user_id columns that point at it too.` : ""}`, {
			title: `Change ${field.name} to String`,
			edits
		});
		return;
	}
	if (field.name === "hashed_password" && field.isRequired === true) {
		findings.push({
			code: "password-required",
			severity: "error",
			table,
			model: model.name,
			field: field.name,
			option: null,
			message: `${where} is required, but a key without a password (OAuth, magic links: password: null) stores null there, so such a sign-up fails. Make it optional: String?.`,
			fix: { title: "Make hashed_password optional (String?)", edits: [setType(model, field, "String?")] }
		});
	}
}

/** The session and key user_id columns of the user id's wrong type: Prisma needs both sides of a relation to agree. */
function userIdReferences(found: Record<LuciaTable, SchemaModel | null>, wrongType: string): SchemaEdit[] {
	const edits: SchemaEdit[] = [];
	for (const model of [found.session, found.key]) {
		const column = model === null ? undefined : fieldOf(model, "user_id");
		if (model !== null && column !== undefined && column.type === wrongType) edits.push(setType(model, column, `String${column.isRequired === false ? "?" : ""}`));
	}
	return edits;
}

function setType(model: SchemaModel, field: SchemaField, type: string): SchemaEdit {
	return { kind: "set-type", model: model.name, field: field.name, type };
}

/**
 * Columns Lucia does not write: required ones without a default must come from the app, as
 * attributes of createUser or createSession. Keys take no attributes in Lucia v2.
 */
function checkUnfilledColumns(table: LuciaTable, model: SchemaModel, findings: SchemaFinding[]): void {
	const lucias = new Set(Object.keys(luciaFields[table]));
	for (const field of model.fields) {
		if (field.kind === "object" || lucias.has(field.name)) continue;
		if (field.isRequired !== true || field.isList === true || field.hasDefaultValue === true || field.isUpdatedAt === true) continue;
		const fix: SchemaFix = { title: `Make ${field.name} optional (${field.type}?)`, edits: [setType(model, field, `${field.type}?`)] };
		if (table === "key") {
			findings.push({
				code: "unfilled-column",
				severity: "error",
				table,
				model: model.name,
				field: field.name,
				option: null,
				message: `${model.name}.${field.name} is required and has no default, but Lucia v2 writes keys with only id, user_id and hashed_password (keys take no attributes), so createUser and createKey fail. Make it optional or give it a @default.`,
				fix
			});
			continue;
		}
		const call = table === "user" ? "createUser" : "createSession";
		findings.push({
			code: "unfilled-column",
			severity: "info",
			table,
			model: model.name,
			field: field.name,
			option: null,
			message: `${model.name}.${field.name} is required and has no default: every ${call} call must pass it, as attributes: { ${field.name}: … }, or Prisma rejects the insert. Make it optional or give it a @default if some calls leave it out.`,
			fix
		});
	}
}

/**
 * The relation from a session or key model to the user model: there must be one (Lucia reads
 * the session's user through it, and the foreign key it makes is how an unknown user id is
 * reported), on user_id, cascading. Returns the relation field's name.
 */
function checkRelation(
	table: "session" | "key",
	model: SchemaModel,
	user: SchemaModel,
	findings: SchemaFinding[],
	relationKey: unknown,
	source: CallSource,
	models: readonly SchemaModel[],
	provider: string | null
): string | null {
	const relations = toOneRelations(model).filter((field) => field.type === user.name);
	const push = (finding: Omit<SchemaFinding, "table" | "model">) => findings.push({ table, model: model.name, ...finding });
	if (source === "3.0.x" && table === "session") {
		if (relations.length !== 1) return null;
		checkRelationField(table, model, relations[0]!, push);
		return relations[0]!.name;
	}
	if (source !== "shape" && table === "session") {
		const chosen = relationForOption(model, user, relationKey, relations, push, source === "default" ? defaultModeAdvice(models, provider) : null);
		if (chosen !== null) checkRelationField(table, model, chosen, push);
		return chosen?.name ?? null;
	}
	if (relations.length === 0) {
		const elsewhere = toOneRelations(model).find((field) => field.relationFromFields?.includes("user_id") === true);
		if (elsewhere !== undefined) {
			push({
				code: "relation-elsewhere",
				severity: "error",
				field: elsewhere.name,
				option: null,
				message: `${model.name}.${elsewhere.name} points at ${elsewhere.type}, but the ${table} model must point at the user model ${user.name}.`,
				fix: null
			});
			return null;
		}
		const name = freeFieldName(model, ["user", "owner", "auth_user"]);
		const backName = freeFieldName(user, table === "session" ? ["auth_session", "sessions"] : ["auth_key", "keys"]);
		const why =
			table === "session"
				? `validateSession reads the session and its user in one call through it (it is what userRelationKey names).`
				: `Its foreign key is how the adapter reports AUTH_INVALID_USER_ID when a key names a user that does not exist; without it such a key is stored.`;
		push({
			code: "missing-relation",
			severity: table === "session" ? "error" : "warning",
			field: hasField(model, "user_id") ? "user_id" : null,
			option: null,
			message: `Model ${model.name} has no relation to ${user.name}. ${why}`,
			fix: {
				title: `Add the relation ${model.name}.${name} → ${user.name}`,
				edits: [
					{ kind: "add-field", model: model.name, field: name, text: `${name} ${user.name} @relation(references: [id], fields: [user_id], onDelete: Cascade)` },
					{ kind: "add-field", model: user.name, field: backName, text: `${backName} ${model.name}[]` }
				]
			}
		});
		return null;
	}
	const chosen = relations.find((field) => field.name === defaultRelationKey) ?? relations[0]!;
	checkRelationField(table, model, chosen, push);
	return chosen.name;
}

function relationForOption(
	model: SchemaModel,
	user: SchemaModel,
	relationKey: unknown,
	relations: readonly SchemaField[],
	push: (finding: Omit<SchemaFinding, "table" | "model">) => void,
	/** Set in default mode, where the reader wrote no userRelationKey. */
	defaultModeAdvice: string | null
): SchemaField | null {
	const suggestion =
		relations.length > 0
			? `Model ${model.name} relates to ${user.name} through ${quoteList(relations.map((field) => field.name))}.`
			: `Model ${model.name} has no relation field to ${user.name}; add one, e.g. \`user ${user.name} @relation(references: [id], fields: [user_id], onDelete: Cascade)\`.`;
	const wrong = (message: string) => {
		push({ code: "wrong-relation-key", severity: "error", field: null, option: "userRelationKey", message, fix: null });
		return null;
	};
	if (typeof relationKey !== "string" || relationKey === "") {
		return wrong(`userRelationKey must name the relation field of model ${model.name} that points at ${user.name}; received ${describe(relationKey)}. ${suggestion}`);
	}
	const field = fieldOf(model, relationKey);
	if (field !== undefined && field.kind === "object" && field.type === user.name) return field;
	if (defaultModeAdvice !== null) {
		push({
			code: "wrong-relation-key",
			severity: "error",
			field: field?.name ?? null,
			option: "mode",
			message: `mode "default" reads the session's user through a relation field named "${relationKey}", but model ${model.name} has none. ${suggestion}${defaultModeAdvice}`,
			fix: relations.length === 1 ? { title: `Rename ${model.name}.${relations[0]!.name} to ${relationKey}`, edits: [{ kind: "rename-field", model: model.name, field: relations[0]!.name, to: relationKey }] } : null
		});
		return null;
	}
	const what =
		field === undefined
			? `model ${model.name} has no field "${relationKey}"`
			: field.kind !== "object"
				? `"${relationKey}" is a ${field.type} column of model ${model.name}, not a relation`
				: `"${relationKey}" relates model ${model.name} to ${field.type}, not to the user model ${user.name}`;
	return wrong(`userRelationKey is "${relationKey}", but ${what}. ${suggestion}`);
}

function checkRelationField(table: "session" | "key", model: SchemaModel, relation: SchemaField, push: (finding: Omit<SchemaFinding, "table" | "model">) => void): void {
	const from = relation.relationFromFields;
	if (from !== undefined && from.length > 0 && (from.length !== 1 || from[0] !== "user_id")) {
		push({
			code: "relation-fields",
			severity: "error",
			field: relation.name,
			option: null,
			message: `${model.name}.${relation.name} uses fields: [${from.join(", ")}], but Lucia writes the user's id into user_id, so the relation must use fields: [user_id].`,
			fix: { title: "Use fields: [user_id]", edits: [{ kind: "set-relation-argument", model: model.name, field: relation.name, argument: "fields", value: "[user_id]" }] }
		});
	}
	// onDelete is known only from the full DMMF (isRequired is there with it).
	if (relation.isRequired === undefined || relation.relationOnDelete === "Cascade") return;
	const current = relation.relationOnDelete ?? (relation.isRequired ? "Restrict (Prisma's default for a required relation)" : "SetNull (Prisma's default for an optional relation)");
	push({
		code: "on-delete",
		severity: "warning",
		field: relation.name,
		option: null,
		message: `${model.name}.${relation.name} has onDelete: ${current}. Lucia's deleteUser still works (it deletes the user's sessions and keys first), but deleting a user any other way (prisma.user.delete, a database console) fails while it has ${table === "session" ? "sessions" : "keys"}, or leaves them behind. onDelete: Cascade removes them with the user.`,
		fix: { title: "Set onDelete: Cascade", edits: [{ kind: "set-relation-argument", model: model.name, field: relation.name, argument: "onDelete", value: "Cascade" }] }
	});
}

function noteMapping(table: LuciaTable, model: SchemaModel, findings: SchemaFinding[]): void {
	const lucias = new Set(Object.keys(luciaFields[table]));
	const columns = model.fields.filter((field) => lucias.has(field.name) && field.dbName != null && field.dbName !== field.name);
	const table_ = model.dbName != null && model.dbName !== model.name ? model.dbName : null;
	if (table_ === null && columns.length === 0) return;
	const parts = [
		...(table_ === null ? [] : [`its table is "${table_}"`]),
		...columns.map((field) => `${field.name} is the column "${field.dbName}"`)
	];
	findings.push({
		code: "mapped",
		severity: "info",
		table,
		model: model.name,
		field: null,
		option: null,
		message: `Model ${model.name} is mapped (${parts.join(", ")}): fine. The adapter goes through Prisma's model and field names, never the database's.`,
		fix: null
	});
}

// ---------------------------------------------------------------------------------------------
// Helpers

function ordered(findings: readonly SchemaFinding[]): SchemaFinding[] {
	const rank: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };
	return [...findings].sort((a, b) => rank[a.severity] - rank[b.severity]);
}

function fieldOf(model: SchemaModel, name: string): SchemaField | undefined {
	return model.fields.find((field) => field.name === name);
}

function hasField(model: SchemaModel, name: string): boolean {
	return fieldOf(model, name) !== undefined;
}

/** Relation fields that hold one row. (The run-time data model has no `isList`; its lists count too.) */
function toOneRelations(model: SchemaModel): SchemaField[] {
	return model.fields.filter((field) => field.kind === "object" && field.isList !== true);
}

function freeFieldName(model: SchemaModel, choices: readonly string[]): string {
	return choices.find((choice) => !hasField(model, choice)) ?? `${choices[0]}_${model.fields.length}`;
}

function article(type: string): string {
	return /^[AEIOU]/.test(type) ? `an ${type}` : `a ${type}`;
}

function quoteList(names: readonly string[]): string {
	return names.length === 0 ? "(none)" : names.map((name) => `"${name}"`).join(", ");
}

export function describe(value: unknown): string {
	if (typeof value === "string") return `"${value}"`;
	if (value === null) return "null";
	if (Array.isArray(value)) return "an array";
	return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}

/** The options of a fitting call as source text, e.g. `mode: "default"`. */
export function formatCallOptions(call: FittingCall): string {
	if ("mode" in call) return `mode: "default"`;
	const { user, session, key } = call.modelNames;
	return `modelNames: { user: "${user}", session: "${session}", key: "${key}" }, userRelationKey: "${call.userRelationKey}"`;
}
