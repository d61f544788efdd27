/**
 * The schema doctor, finding by finding, over Prisma's real DMMF of schema text (the wasm that
 * `prisma generate` uses): what it reports, and that its fix gives a valid schema without the
 * finding. Then that prisma() refuses to start with exactly the doctor's errors.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { LuciaError } from "lucia";
import { loadSchemaCompiler, type SchemaCompiler } from "@lucia-prisma/client-from-schema";
import { nodeWasmSource } from "@lucia-prisma/client-from-schema/node";
import { PrismaAdapterConfigurationError, prisma } from "../src/index.ts";
import {
	applySchemaFix,
	checkSchema,
	locateInSchema,
	type CallToCheck,
	type FindingCode,
	type FindingSeverity,
	type SchemaCheck,
	type SchemaFinding,
	type SchemaModel
} from "../src/schema-doctor.ts";
import { untypedPrisma } from "./support/adapter-options.ts";
import { schemaTextDatabase } from "./support/schema-text-database.ts";
import { openTarget, schemaPath, type Target } from "./support/targets.ts";

const reference = readFileSync(schemaPath("sqlite", "reference"), "utf8");
const renamed = readFileSync(schemaPath("sqlite", "renamed"), "utf8");

let compiler: SchemaCompiler;
before(async () => {
	compiler = await loadSchemaCompiler(nodeWasmSource());
});

function compiled(text: string, provider: "sqlite" | "postgresql" = "sqlite") {
	const result = compiler.compile(text, { provider });
	if (!result.ok) throw new Error(`Prisma rejected the schema:\n${result.message}`);
	return result.schema;
}

function datamodelOf(text: string): SchemaModel[] {
	return compiled(text).datamodel;
}

function check(text: string, call?: CallToCheck, provider: "sqlite" | "postgresql" = "sqlite"): SchemaCheck {
	const schema = compiled(text, provider);
	return checkSchema(schema.datamodel, { ...(call === undefined ? {} : { call }), provider: schema.provider });
}

/** The schema text with each [from, to] replaced once; fails when `from` is not there. */
function edited(text: string, ...replacements: [string | RegExp, string][]): string {
	return replacements.reduce((current, [from, to]) => {
		const next = current.replace(from, to);
		assert.notEqual(next, current, `the schema has no ${String(from)}`);
		return next;
	}, text);
}

const withoutModel = (text: string, model: string) => edited(text, [new RegExp(`\\nmodel ${model} \\{[^}]*\\}\\n`), "\n"]);

interface Row {
	name: string;
	schema: string;
	call?: CallToCheck;
	/** The database the schema is checked for; SQLite when not given. */
	provider?: "postgresql";
	code: FindingCode;
	severity: FindingSeverity;
	model: string | null;
	field: string | null;
	message: RegExp;
	/** Whether the finding carries a schema fix. */
	fixable: boolean;
}

const rows: Row[] = [
	{
		name: "a missing model (no Key)",
		schema: edited(withoutModel(reference, "Key"), [/\n\s*auth_key\s+Key\[\]/, ""]),
		code: "missing-model",
		severity: "error",
		model: null,
		field: null,
		message: /No model holds Lucia's key table \(a model with hashed_password\)\. .*createUser, useKey/,
		fixable: true
	},
	{
		name: "a missing model (no Session)",
		schema: edited(withoutModel(reference, "Session"), [/\n\s*auth_session\s+Session\[\]/, ""]),
		code: "missing-model",
		severity: "error",
		model: null,
		field: null,
		message: /No model holds Lucia's session table/,
		fixable: true
	},
	{
		name: "a missing field (Session without idle_expires)",
		schema: edited(reference, [/\n\s*idle_expires\s+BigInt/, ""]),
		code: "missing-field",
		severity: "error",
		model: "Session",
		field: "idle_expires",
		message: /Model Session lacks the field "idle_expires" that Lucia stores in the session table/,
		fixable: true
	},
	{
		name: "Int expiries overflow on PostgreSQL",
		schema: edited(reference, ["active_expires BigInt", "active_expires Int"]),
		provider: "postgresql",
		code: "wrong-type",
		severity: "error",
		model: "Session",
		field: "active_expires",
		message: /Session\.active_expires is an Int, but Lucia stores expiries as milliseconds since 1970 .*past the 32 bits of an Int column on PostgreSQL and MySQL: createSession fails/,
		fixable: true
	},
	{
		name: "Int expiries on SQLite work but do not travel",
		schema: edited(reference, ["active_expires BigInt", "active_expires Int"]),
		code: "wrong-type",
		severity: "warning",
		model: "Session",
		field: "active_expires",
		message: /SQLite keeps them .* but PostgreSQL and MySQL refuse them/,
		fixable: true
	},
	{
		name: "Float expiries work but are not the reference",
		schema: edited(reference, ["idle_expires   BigInt", "idle_expires   Float"]),
		code: "wrong-type",
		severity: "warning",
		model: "Session",
		field: "idle_expires",
		message: /Session\.idle_expires is a Float/,
		fixable: true
	},
	{
		name: "DateTime expiries",
		schema: edited(reference, ["idle_expires   BigInt", "idle_expires   DateTime"]),
		code: "wrong-type",
		severity: "error",
		model: "Session",
		field: "idle_expires",
		message: /is a DateTime, but Lucia stores expiries as a number of milliseconds/,
		fixable: true
	},
	{
		name: "hashed_password not optional",
		schema: edited(reference, ["hashed_password String?", "hashed_password String "]),
		code: "password-required",
		severity: "error",
		model: "Key",
		field: "hashed_password",
		message: /Key\.hashed_password is required, but a key without a password .* stores null there/,
		fixable: true
	},
	{
		name: "hashed_password not a String",
		schema: edited(reference, ["hashed_password String?", "hashed_password Bytes? "]),
		code: "wrong-type",
		severity: "error",
		model: "Key",
		field: "hashed_password",
		message: /Key\.hashed_password is a Bytes, but Lucia stores the password hash as text/,
		fixable: true
	},
	{
		name: "ids that are not String (and the columns pointing at them)",
		schema: edited(
			reference,
			["id           String    @id @unique", "id           Int       @id @default(autoincrement())"],
			[/user_id        String/, "user_id        Int"],
			[/user_id         String/, "user_id         Int"]
		),
		code: "wrong-type",
		severity: "error",
		model: "User",
		field: "id",
		message: /User\.id is an Int, but Lucia makes its ids itself, as strings.*The fix changes the user_id columns that point at it too/,
		fixable: true
	},
	{
		name: "a session id that is not a String",
		schema: edited(reference, [/(model Session \{\n\s*id\s+)String/, "$1Int   "]),
		code: "wrong-type",
		severity: "error",
		model: "Session",
		field: "id",
		message: /Session\.id is an Int/,
		fixable: true
	},
	{
		name: "a missing relation (Session has none to User)",
		schema: edited(reference, [/\n\s*\/\/ pass this key.*\n\s*user\s+User\s+@relation[^\n]*/, ""], [/\n\s*auth_session\s+Session\[\]/, ""]),
		code: "missing-relation",
		severity: "error",
		model: "Session",
		field: "user_id",
		message: /Model Session has no relation to User\. validateSession reads the session and its user in one call through it/,
		fixable: true
	},
	{
		name: "a missing relation (Key has none to User)",
		schema: edited(reference, [/(model Key \{[^}]*)\n\s*user\s+User\s+@relation[^\n]*/, "$1"], [/\n\s*auth_key\s+Key\[\]/, ""]),
		code: "missing-relation",
		severity: "warning",
		model: "Key",
		field: "user_id",
		message: /Model Key has no relation to User\. Its foreign key is how the adapter reports AUTH_INVALID_USER_ID/,
		fixable: true
	},
	{
		name: "a key relation to another model than the user's",
		schema: edited(
			reference,
			[/(model Key \{[^}]*)\n\s*user\s+User\s+@relation[^\n]*/, "$1\n  account Account @relation(references: [id], fields: [user_id], onDelete: Cascade)"],
			[/\n\s*auth_key\s+Key\[\]/, ""],
			[/$/, "\nmodel Account {\n  id   String @id\n  keys Key[]\n}\n"]
		),
		code: "relation-elsewhere",
		severity: "error",
		model: "Key",
		field: "account",
		message: /Key\.account points at Account, but the key model must point at the user model User/,
		fixable: false
	},
	{
		name: "a relation on another column than user_id",
		schema: edited(reference, [/(model Session \{[^}]*)fields: \[user_id\]/, "$1fields: [owner_id]"], [/(model Session \{\n)/, "$1  owner_id String\n"]),
		code: "relation-fields",
		severity: "error",
		model: "Session",
		field: "user",
		message: /Session\.user uses fields: \[owner_id\], but Lucia writes the user's id into user_id/,
		fixable: true
	},
	{
		name: "key and session relations named differently",
		schema: edited(reference, [/(model Key \{[^}]*)\n(\s*)user(\s+)User/, "$1\n$2owner$3User"]),
		code: "relation-names-differ",
		severity: "info",
		model: "Key",
		field: "owner",
		message: /Model Key relates to User through "owner", and model Session through "user"\. That works: userRelationKey names the session's relation, the only one the adapter follows/,
		fixable: true
	},
	{
		name: "onDelete not Cascade",
		schema: edited(reference, [/(model Session \{[^}]*), onDelete: Cascade/, "$1"]),
		code: "on-delete",
		severity: "warning",
		model: "Session",
		field: "user",
		message: /Session\.user has onDelete: Restrict \(Prisma's default for a required relation\)\. Lucia's deleteUser still works \(it deletes the user's sessions and keys first\), but deleting a user any other way .* fails while it has sessions/,
		fixable: true
	},
	{
		name: "onDelete SetNull on an optional relation",
		schema: edited(reference, [/(model Key \{[^}]*)user_id(\s+)String(\s+)user(\s+)User(\s+)@relation\(references: \[id\], fields: \[user_id\], onDelete: Cascade\)/, "$1user_id$2String?$3user$4User?$5@relation(references: [id], fields: [user_id], onDelete: SetNull)"]),
		code: "on-delete",
		severity: "warning",
		model: "Key",
		field: "user",
		message: /Key\.user has onDelete: SetNull\./,
		fixable: true
	},
	{
		name: "a required user column createUser does not fill",
		schema: edited(reference, [/(model User \{\n[^\n]*\n)/, "$1  username     String\n"]),
		code: "unfilled-column",
		severity: "info",
		model: "User",
		field: "username",
		message: /User\.username is required and has no default: every createUser call must pass it, as attributes: \{ username: … \}/,
		fixable: true
	},
	{
		name: "a required session column createSession does not fill",
		schema: edited(reference, [/(model Session \{\n[^\n]*\n)/, "$1  country String\n"]),
		code: "unfilled-column",
		severity: "info",
		model: "Session",
		field: "country",
		message: /every createSession call must pass it/,
		fixable: true
	},
	{
		name: "a required key column, which Lucia can never fill",
		schema: edited(reference, [/(model Key \{\n[^\n]*\n)/, "$1  label String\n"]),
		code: "unfilled-column",
		severity: "error",
		model: "Key",
		field: "label",
		message: /Key\.label is required and has no default, but Lucia v2 writes keys with only id, user_id and hashed_password \(keys take no attributes\)/,
		fixable: true
	},
	{
		name: "@@map and @map are fine",
		schema: edited(reference, [/(model Session \{\n\s*id\s+String @id @unique)/, '$1 @map("session_id")'], [/(model Session \{[^}]*)@@index\(\[user_id\]\)/, '$1@@index([user_id])\n  @@map("sessions")']),
		code: "mapped",
		severity: "info",
		model: "Session",
		field: null,
		message: /Model Session is mapped \(its table is "sessions", id is the column "session_id"\): fine\. The adapter goes through Prisma's model and field names/,
		fixable: false
	},
	{
		name: "modelNames naming no model",
		schema: reference,
		call: { modelNames: { user: "users", session: "session", key: "key" }, userRelationKey: "user" },
		code: "unknown-model",
		severity: "error",
		model: null,
		field: null,
		message: /modelNames\.user is "users", but the Prisma client has no such model; it has "user", "session", "key"/,
		fixable: false
	},
	{
		name: "a userRelationKey that is a column",
		schema: reference,
		call: { modelNames: { user: "user", session: "session", key: "key" }, userRelationKey: "user_id" },
		code: "wrong-relation-key",
		severity: "error",
		model: "Session",
		field: null,
		message: /"user_id" is a String column of model Session, not a relation\. Model Session relates to User through "user"/,
		fixable: false
	},
	{
		name: "default mode on a session relation named otherwise",
		schema: edited(reference, [/(model Session \{[^}]*)\n(\s*)user(\s+)User/, "$1\n$2owner$3User"]),
		call: { mode: "default" },
		code: "wrong-relation-key",
		severity: "error",
		model: "Session",
		field: null,
		message: /mode "default" reads the session's user through a relation field named "user", but model Session has none\. .*The call that fits this schema is prisma\(\{ client, modelNames: \{ user: "user", session: "session", key: "key" \}, userRelationKey: "owner" \}\)/,
		fixable: true
	}
];

function findingOf(result: SchemaCheck, row: Row): SchemaFinding {
	const finding = result.findings.find((candidate) => candidate.code === row.code && candidate.model === row.model && (row.field === null || candidate.field === row.field));
	assert.ok(finding, `no ${row.code} finding on ${row.model}.${row.field}; got ${JSON.stringify(result.findings.map((f) => [f.code, f.model, f.field]))}`);
	return finding;
}

describe("every finding, with its fix", () => {
	for (const row of rows) {
		test(row.name, () => {
			const result = check(row.schema, row.call, row.provider);
			const finding = findingOf(result, row);
			assert.equal(finding.severity, row.severity);
			assert.match(finding.message, row.message);
			assert.equal(result.ok, !result.findings.some((candidate) => candidate.severity === "error"));
			if (row.severity === "error") assert.equal(result.call, null, "no call is offered while a finding is an error");
			if (finding.model !== null) assert.ok(locateInSchema(row.schema, finding.model, finding.field), "the finding has a place in the text");
			assert.equal(finding.fix !== null, row.fixable);
			if (finding.fix === null) return;
			const fixed = applySchemaFix(row.schema, finding.fix);
			const after = check(fixed, row.call, row.provider);
			assert.ok(
				!after.findings.some((candidate) => candidate.code === row.code && candidate.model === finding.model && candidate.field === finding.field),
				`the fix "${finding.fix.title}" left the finding:\n${fixed}`
			);
		});
	}
});

describe("the call that fits", () => {
	test("the reference schema fits default mode, with nothing to say", () => {
		assert.deepEqual(check(reference), { ok: true, models: { user: "User", session: "Session", key: "Key" }, userRelationKey: "user", call: { mode: "default" }, findings: [] });
	});
	test("the renamed schema gets its modelNames and userRelationKey, found by shape", () => {
		const result = check(renamed);
		assert.deepEqual(result.call, { modelNames: { user: "authUser", session: "authSession", key: "authKey" }, userRelationKey: "owner" });
		assert.deepEqual(
			result.findings.map((finding) => [finding.code, finding.severity, finding.model, finding.field]),
			[
				["unfilled-column", "info", "AuthUser", "username"],
				["mapped", "info", "AuthUser", null],
				["mapped", "info", "AuthSession", null],
				["mapped", "info", "AuthKey", null]
			]
		);
	});
	test("the call found by shape passes its own check, as prisma() would make it", () => {
		for (const text of [reference, renamed]) {
			const { call } = check(text);
			assert.ok(call);
			assert.equal(check(text, call).ok, true);
		}
	});
	test("the models are found by shape whatever their names", () => {
		const shaped = edited(renamed, [/AuthSession/g, "Visit"], [/AuthKey/g, "Credential"], [/AuthUser/g, "Member"]);
		assert.deepEqual(check(shaped).call, { modelNames: { user: "member", session: "visit", key: "credential" }, userRelationKey: "owner" });
	});
	test("applying every fix, one at a time, turns a broken schema into one that fits default mode", () => {
		let text = brokenSchema;
		const applied: string[] = [];
		for (let round = 0; round < 20; round++) {
			const fix = check(text, undefined, "postgresql").findings.find((finding) => finding.fix !== null && finding.severity !== "info")?.fix ?? undefined;
			if (fix === undefined) break;
			applied.push(fix.title);
			text = applySchemaFix(text, fix);
		}
		const result = check(text);
		assert.deepEqual(result.call, { mode: "default" }, `after ${applied.join("; ")}:\n${text}`);
		assert.ok(applied.length >= 5, applied.join("; "));
		assert.deepEqual(check(text, undefined, "postgresql").findings, []);
	});
});

/** One of each kind of problem (also the playground's and the docs page's example). */
const brokenSchema = `datasource db {
  provider = "sqlite"
}

model User {
  id       String    @id @unique
  sessions Session[]
}

model Session {
  id             String @id @unique
  user_id        String
  active_expires Int
  user           User   @relation(references: [id], fields: [user_id])
}

model Key {
  id              String @id @unique
  hashed_password String
  user_id         String
}
`;

describe("prisma() starts with the same rules", () => {
	let generated: Target;
	before(async () => {
		generated = await openTarget({ database: "sqlite", prisma: 7, schema: "renamed" });
	});
	after(async () => {
		await generated?.close();
	});

	const startUpError = (run: () => unknown): string => {
		try {
			run();
		} catch (error) {
			assert.ok(error instanceof PrismaAdapterConfigurationError, String(error));
			return error.message;
		}
		assert.fail("prisma() started");
	};
	const runtimeModels = (client: object) => Reflect.get(Reflect.get(client, "_runtimeDataModel") as object, "models") as Record<string, Omit<SchemaModel, "name">>;
	const errorsOf = (result: SchemaCheck) => result.findings.filter((finding) => finding.severity === "error").map((finding) => finding.message);

	const calls: [string, CallToCheck][] = [
		["default mode on renamed models", { mode: "default" }],
		["a modelNames entry naming no model", { modelNames: { user: "authUser", session: "authSessions", key: "authKey" }, userRelationKey: "owner" }],
		["a model without Lucia's fields", { modelNames: { user: "authUser", session: "authKey", key: "authKey" }, userRelationKey: "owner" }],
		["a wrong userRelationKey", { modelNames: { user: "authUser", session: "authSession", key: "authKey" }, userRelationKey: "user" }],
		["two wrong entries at once", { modelNames: { user: "AuthUser", session: "authSession", key: "keys" }, userRelationKey: "owner" }]
	];
	for (const [name, call] of calls) {
		test(`a generated client: ${name}`, () => {
			const expected = errorsOf(checkSchema(runtimeModels(generated.client), { call, provider: "sqlite" }));
			assert.ok(expected.length > 0);
			const message = startUpError(() => untypedPrisma({ client: generated.client, ...call }));
			assert.equal(message, expected.length === 1 ? expected[0] : `prisma(): ${expected.length} problems with the schema:\n${expected.map((error) => `- ${error}`).join("\n")}`);
		});
	}

	test("a client built from schema text: the doctor's error is the start-up error", async () => {
		const text = edited(reference, ["hashed_password String?", "hashed_password Int?   "]);
		const database = await schemaTextDatabase(text);
		try {
			const client = database.createClient(database.factory);
			const [expected] = errorsOf(checkSchema(datamodelOf(text), { call: { mode: "default" }, provider: "sqlite" }));
			assert.match(expected ?? "", /Key\.hashed_password is an Int/);
			assert.equal(startUpError(() => prisma({ client, mode: "default" })), expected);
		} finally {
			database.close();
		}
	});
	test("Int expiries on SQLite: a warning, and SQLite does keep the milliseconds", async () => {
		const text = edited(reference, ["active_expires BigInt", "active_expires Int"]);
		assert.deepEqual(check(text).findings.map((finding) => finding.severity), ["warning"]);
		const database = await schemaTextDatabase(text);
		try {
			const adapter = prisma({ client: database.createClient(database.factory), mode: "default" })(LuciaError);
			const expires = Date.now() + 86_400_000;
			await adapter.setUser({ id: "u1" }, null);
			await adapter.setSession({ id: "s1", user_id: "u1", active_expires: expires, idle_expires: expires });
			assert.equal((await adapter.getSession("s1"))?.active_expires, expires);
		} finally {
			database.close();
		}
	});
	test("warnings and notes do not stop the adapter", async () => {
		const text = edited(reference, [/(model Session \{[^}]*), onDelete: Cascade/, "$1"]);
		assert.equal(check(text).ok, true);
		const database = await schemaTextDatabase(text);
		try {
			const adapter = prisma({ client: database.createClient(database.factory), mode: "default" })(LuciaError);
			assert.equal(await adapter.getUser("nobody"), null);
		} finally {
			database.close();
		}
	});
});
