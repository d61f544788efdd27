import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { LuciaError } from "lucia";
import { PrismaAdapterConfigurationError, prisma } from "../src/index.ts";
import { openTarget, type Target } from "./support/targets.ts";
import { untypedPrisma } from "./support/adapter-options.ts";

function throwsConfiguration(run: () => unknown, ...patterns: RegExp[]): void {
	assert.throws(run, (error: unknown) => {
		assert.ok(error instanceof PrismaAdapterConfigurationError, `expected a PrismaAdapterConfigurationError, got ${String(error)}`);
		for (const pattern of patterns) assert.match(error.message, pattern);
		return true;
	});
}

describe("configuration is checked at initialisation against the client's data model", () => {
	let reference: Target;
	let renamed: Target;
	before(async () => {
		reference = await openTarget({ database: "sqlite", prisma: 7, schema: "reference" });
		renamed = await openTarget({ database: "sqlite", prisma: 7, schema: "renamed" });
	});
	after(async () => {
		await reference?.close();
		await renamed?.close();
	});

	const customOptions = (overrides: Record<string, unknown>, modelNames: Record<string, unknown> = {}) => ({
		client: renamed.client,
		modelNames: { user: "authUser", key: "authKey", session: "authSession", ...modelNames },
		userRelationKey: "owner",
		...overrides
	});

	test("a modelNames entry naming no model lists the models the client has", () => {
		throwsConfiguration(
			() => untypedPrisma(customOptions({}, { session: "authSessions" })),
			/modelNames\.session is "authSessions"/,
			/no such model/,
			/"authUser", "authSession", "authKey"/,
			/camelCase/
		);
	});
	test("the PascalCase model name gets the camelCase spelling as a hint", () => {
		throwsConfiguration(() => untypedPrisma(customOptions({}, { user: "AuthUser" })), /modelNames\.user is "AuthUser"/, /Did you mean "authUser"\?/);
	});
	test("a model missing one of Lucia's fields is named with the field", () => {
		throwsConfiguration(
			() => untypedPrisma(customOptions({}, { session: "authKey" })),
			/modelNames\.session is "authKey" \(model AuthKey\)/,
			/"active_expires", "idle_expires"/
		);
	});
	test("a userRelationKey that is not a field lists the relation that exists", () => {
		throwsConfiguration(() => untypedPrisma(customOptions({ userRelationKey: "user" })), /userRelationKey is "user"/, /has no field "user"/, /through "owner"/);
	});
	test("a userRelationKey that is a column, not a relation, says so", () => {
		throwsConfiguration(() => untypedPrisma(customOptions({ userRelationKey: "user_id" })), /"user_id" is a String column of model AuthSession, not a relation/);
	});
	test("a missing userRelationKey is refused", () => {
		throwsConfiguration(() => untypedPrisma(customOptions({ userRelationKey: undefined })), /userRelationKey must name the relation field of model AuthSession/);
	});
	test("default mode on a schema without the reference models names what the client has", () => {
		throwsConfiguration(
			() => untypedPrisma({ client: renamed.client, mode: "default" }),
			/mode "default" uses the models User, Session and Key/,
			/has no User, Session, Key/,
			/"authUser", "authSession", "authKey"/,
			/The call that fits this schema is prisma\(\{ client, modelNames: \{ user: "authUser", session: "authSession", key: "authKey" \}, userRelationKey: "owner" \}\)/
		);
	});
	test("an unknown mode is refused", () => {
		throwsConfiguration(() => untypedPrisma({ client: reference.client, mode: "custom" }), /mode must be "default"; received "custom"/);
	});
	test("mode together with modelNames is refused", () => {
		throwsConfiguration(
			() => untypedPrisma({ client: reference.client, mode: "default", modelNames: { user: "user", key: "key", session: "session" } }),
			/remove modelNames and userRelationKey/
		);
	});
	test("something other than a PrismaClient as client is refused", () => {
		throwsConfiguration(() => untypedPrisma({ client: {}, mode: "default" }), /options\.client must be a PrismaClient instance/);
		throwsConfiguration(() => untypedPrisma(undefined), /takes an options object/);
		throwsConfiguration(() => untypedPrisma({ client: { $transaction: async () => [] }, mode: "default" }), /the client has no data model/);
	});

	test("the 3.0.x form prisma(client) works on the reference schema, with getSessionAndUser", async () => {
		const adapter = prisma(reference.client)(LuciaError);
		assert.equal(typeof adapter.getSessionAndUser, "function");
		assert.equal(await adapter.getUser("nobody"), null);
	});
	test("the 3.0.x form prisma(client, modelNames) finds the user relation by itself", async () => {
		const adapter = untypedPrisma(renamed.client, { user: "authUser", key: "authKey", session: "authSession" })(LuciaError);
		await adapter.setUser({ id: "u1", username: "ada", email: null }, null);
		await adapter.setSession({ id: "s1", user_id: "u1", active_expires: 1, idle_expires: 2 });
		const [session, user] = (await adapter.getSessionAndUser?.("s1")) ?? [];
		assert.equal(session?.id, "s1");
		assert.deepEqual(user, { id: "u1", username: "ada", email: null });
		await renamed.reset();
	});
	test("the 3.0.x form with session: null stores no sessions and says why", async () => {
		const adapter = untypedPrisma(reference.client, { user: "user", key: "key", session: null })(LuciaError);
		assert.equal(adapter.getSessionAndUser, undefined);
		await assert.rejects(adapter.getSession("s1"), /modelNames\.session set to null/);
	});
	test("the 3.0.x form checks model names too", () => {
		throwsConfiguration(() => untypedPrisma(reference.client, { user: "users", key: "key", session: "session" }), /modelNames\.user is "users"/);
	});
});
