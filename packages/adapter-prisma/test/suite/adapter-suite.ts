import assert from "node:assert/strict";
import { after, afterEach, before, describe, test } from "node:test";
import { LuciaError, type Adapter, type KeySchema, type SessionSchema } from "lucia";
import { initializeAdapterFor } from "../support/adapter-options.ts";
import { openTarget, targetLabel, type Target, type TargetSpec } from "../support/targets.ts";
import { rejectsWithLucia, rejectsWithPrisma } from "./expectations.ts";

function adapterFor(target: Target): Adapter {
	return initializeAdapterFor(target)(LuciaError);
}

const hour = 60 * 60 * 1000;
/** Far beyond 2^31 and 2^32, as real millisecond timestamps are. */
const activeExpires = Date.UTC(2031, 0, 1);
const idleExpires = activeExpires + 14 * 24 * hour;

/**
 * The whole Lucia v2 adapter contract, run against one database, Prisma version and schema.
 */
export function describeAdapterSuite(spec: TargetSpec): void {
	let target: Target;
	let adapter: Adapter;

	const session = (id: string, userId: string, extra: Record<string, unknown> = {}): SessionSchema => ({
		id,
		user_id: userId,
		active_expires: activeExpires,
		idle_expires: idleExpires,
		...extra
	});
	const key = (id: string, userId: string, hashedPassword: string | null = "hash"): KeySchema => ({
		id,
		user_id: userId,
		hashed_password: hashedPassword
	});
	const createUser = async (id: string): Promise<void> => {
		await adapter.setUser({ id, ...target.names.userAttributes(id) }, null);
	};

	describe(`adapter · ${targetLabel(spec)}`, () => {
		before(async () => {
			target = await openTarget(spec);
			adapter = adapterFor(target);
		});
		afterEach(async () => {
			await target.reset();
		});
		after(async () => {
			await target?.close();
		});

		describe("getUser()", () => {
			test("returns null for an unknown id", async () => {
				assert.equal(await adapter.getUser("nobody"), null);
			});
			test("returns the user row with its attributes and no relation fields", async () => {
				await createUser("u1");
				assert.deepEqual(await adapter.getUser("u1"), { id: "u1", ...target.names.userAttributes("u1") });
			});
		});

		describe("setUser()", () => {
			test("without a key stores only the user", async () => {
				await createUser("u1");
				assert.equal(await target.delegate("user").count(), 1);
				assert.equal(await target.delegate("key").count(), 0);
			});
			test("with a key stores both", async () => {
				await adapter.setUser({ id: "u1", ...target.names.userAttributes("u1") }, key("email:a@b.c", "u1"));
				assert.deepEqual(await adapter.getKey("email:a@b.c"), key("email:a@b.c", "u1"));
			});
			test("throws AUTH_DUPLICATE_KEY_ID for a taken key id and stores no user", async () => {
				await adapter.setUser({ id: "u1", ...target.names.userAttributes("u1") }, key("email:a@b.c", "u1"));
				await rejectsWithLucia(
					adapter.setUser({ id: "u2", ...target.names.userAttributes("u2") }, key("email:a@b.c", "u2")),
					"AUTH_DUPLICATE_KEY_ID"
				);
				assert.equal(await adapter.getUser("u2"), null);
				assert.deepEqual(await adapter.getKey("email:a@b.c"), key("email:a@b.c", "u1"));
			});
			test("rethrows Prisma's P2002 for a taken user id (it is not a duplicate key) and stores no key", async () => {
				await createUser("u1");
				await rejectsWithPrisma(
					adapter.setUser({ id: "u1", ...target.names.userAttributes("u1x") }, key("email:new", "u1")),
					"P2002"
				);
				assert.equal(await adapter.getKey("email:new"), null);
			});
			test("rethrows Prisma's P2002 for a taken user id without a key", async () => {
				await createUser("u1");
				await rejectsWithPrisma(adapter.setUser({ id: "u1", ...target.names.userAttributes("u1x") }, null), "P2002");
			});
			if (spec.schema === "renamed") {
				test("a taken unique user attribute is not reported as a duplicate key", async () => {
					await createUser("u1");
					await rejectsWithPrisma(
						adapter.setUser({ id: "u2", ...target.names.userAttributes("u1") }, key("email:other", "u2")),
						"P2002"
					);
					assert.equal(await adapter.getUser("u2"), null);
					assert.equal(await adapter.getKey("email:other"), null);
				});
			}
		});

		describe("updateUser()", () => {
			test("changes the given attributes", async () => {
				await createUser("u1");
				const change: { id?: string; email?: string } = spec.schema === "renamed" ? { email: "new@example.com" } : { id: "u1-renamed" };
				await adapter.updateUser("u1", change);
				const id = change.id ?? "u1";
				assert.deepEqual(await adapter.getUser(id), { id, ...target.names.userAttributes("u1"), ...change });
			});
			test("with no attributes resolves for an existing user", async () => {
				await createUser("u1");
				await adapter.updateUser("u1", {});
			});
			test("throws AUTH_INVALID_USER_ID for an unknown user", async () => {
				await rejectsWithLucia(adapter.updateUser("nobody", {}), "AUTH_INVALID_USER_ID");
				await rejectsWithLucia(adapter.updateUser("nobody", { id: "still-nobody" }), "AUTH_INVALID_USER_ID");
			});
		});

		describe("deleteUser()", () => {
			test("deletes the user, and the database cascades to its keys and sessions", async () => {
				await adapter.setUser({ id: "u1", ...target.names.userAttributes("u1") }, key("k1", "u1"));
				await adapter.setSession(session("s1", "u1"));
				await adapter.deleteUser("u1");
				assert.equal(await adapter.getUser("u1"), null);
				assert.equal(await adapter.getKey("k1"), null);
				assert.equal(await adapter.getSession("s1"), null);
			});
			test("resolves for an unknown user", async () => {
				await adapter.deleteUser("nobody");
			});
		});

		describe("keys", () => {
			test("getKey() returns null for an unknown id", async () => {
				assert.equal(await adapter.getKey("nothing"), null);
			});
			test("setKey() stores a key; getKeysByUserId() returns exactly that user's keys", async () => {
				await createUser("u1");
				await createUser("u2");
				await adapter.setKey(key("k1", "u1"));
				await adapter.setKey(key("k2", "u1", null));
				await adapter.setKey(key("k3", "u2"));
				const keys = await adapter.getKeysByUserId("u1");
				assert.deepEqual(
					keys.sort((a, b) => a.id.localeCompare(b.id)),
					[key("k1", "u1"), key("k2", "u1", null)]
				);
				assert.deepEqual(await adapter.getKeysByUserId("nobody"), []);
			});
			test("setKey() throws AUTH_DUPLICATE_KEY_ID for a taken id", async () => {
				await createUser("u1");
				await adapter.setKey(key("k1", "u1"));
				await rejectsWithLucia(adapter.setKey(key("k1", "u1", "other")), "AUTH_DUPLICATE_KEY_ID");
				assert.deepEqual(await adapter.getKey("k1"), key("k1", "u1"));
			});
			test("setKey() throws AUTH_INVALID_USER_ID for an unknown user", async () => {
				await rejectsWithLucia(adapter.setKey(key("k1", "nobody")), "AUTH_INVALID_USER_ID");
				assert.equal(await adapter.getKey("k1"), null);
			});
			test("updateKey() changes the hashed password, also to null", async () => {
				await createUser("u1");
				await adapter.setKey(key("k1", "u1"));
				await adapter.updateKey("k1", { hashed_password: "new-hash" });
				assert.deepEqual(await adapter.getKey("k1"), key("k1", "u1", "new-hash"));
				await adapter.updateKey("k1", { hashed_password: null });
				assert.deepEqual(await adapter.getKey("k1"), key("k1", "u1", null));
			});
			test("updateKey() with unchanged values resolves", async () => {
				await createUser("u1");
				await adapter.setKey(key("k1", "u1"));
				await adapter.updateKey("k1", { hashed_password: "hash" });
			});
			test("updateKey() throws AUTH_INVALID_KEY_ID for an unknown key", async () => {
				await rejectsWithLucia(adapter.updateKey("nothing", { hashed_password: null }), "AUTH_INVALID_KEY_ID");
			});
			test("updateKey() throws AUTH_INVALID_USER_ID when moving a key to an unknown user", async () => {
				await createUser("u1");
				await adapter.setKey(key("k1", "u1"));
				await rejectsWithLucia(adapter.updateKey("k1", { user_id: "nobody" }), "AUTH_INVALID_USER_ID");
			});
			test("deleteKey() deletes one key and resolves for an unknown one", async () => {
				await createUser("u1");
				await adapter.setKey(key("k1", "u1"));
				await adapter.setKey(key("k2", "u1"));
				await adapter.deleteKey("k1");
				await adapter.deleteKey("nothing");
				assert.deepEqual(
					(await adapter.getKeysByUserId("u1")).map((row) => row.id),
					["k2"]
				);
			});
			test("deleteKeysByUserId() deletes only that user's keys", async () => {
				await createUser("u1");
				await createUser("u2");
				await adapter.setKey(key("k1", "u1"));
				await adapter.setKey(key("k2", "u1"));
				await adapter.setKey(key("k3", "u2"));
				await adapter.deleteKeysByUserId("u1");
				await adapter.deleteKeysByUserId("nobody");
				assert.deepEqual(await adapter.getKeysByUserId("u1"), []);
				assert.equal((await adapter.getKeysByUserId("u2")).length, 1);
			});
		});

		describe("sessions", () => {
			const attribute = spec.schema === "renamed" ? { country: "NZ" } : {};
			test("getSession() returns null for an unknown id", async () => {
				assert.equal(await adapter.getSession("nothing"), null);
			});
			test("setSession() stores a session; getSession() returns expiry times as exact numbers", async () => {
				await createUser("u1");
				await adapter.setSession(session("s1", "u1", attribute));
				const stored = await adapter.getSession("s1");
				assert.deepEqual(stored, session("s1", "u1", spec.schema === "renamed" ? { country: "NZ" } : {}));
				assert.equal(typeof stored?.active_expires, "number");
			});
			test("getSession() throws a RangeError for an expiry beyond Number's safe range instead of rounding", async () => {
				await createUser("u1");
				await target.delegate("session").createMany({
					data: [{ ...session("s1", "u1"), idle_expires: 2n ** 60n }]
				});
				await assert.rejects(adapter.getSession("s1"), (error: unknown) => {
					assert.ok(error instanceof RangeError);
					assert.match(error.message, /idle_expires/);
					assert.match(error.message, /1152921504606846976/);
					return true;
				});
			});
			test("setSession() throws AUTH_INVALID_USER_ID for an unknown user", async () => {
				await rejectsWithLucia(adapter.setSession(session("s1", "nobody")), "AUTH_INVALID_USER_ID");
				assert.equal(await adapter.getSession("s1"), null);
			});
			test("setSession() rethrows Prisma's P2002 for a taken session id", async () => {
				await createUser("u1");
				await adapter.setSession(session("s1", "u1"));
				await rejectsWithPrisma(adapter.setSession(session("s1", "u1")), "P2002");
			});
			test("getSessionsByUserId() returns exactly that user's sessions", async () => {
				await createUser("u1");
				await createUser("u2");
				await adapter.setSession(session("s1", "u1"));
				await adapter.setSession(session("s2", "u1"));
				await adapter.setSession(session("s3", "u2"));
				const sessions = await adapter.getSessionsByUserId("u1");
				assert.deepEqual(
					sessions.map((row) => row.id).sort(),
					["s1", "s2"]
				);
				for (const row of sessions) assert.equal(row.active_expires, activeExpires);
				assert.deepEqual(await adapter.getSessionsByUserId("nobody"), []);
			});
			test("updateSession() changes expiry times", async () => {
				await createUser("u1");
				await adapter.setSession(session("s1", "u1"));
				await adapter.updateSession("s1", { idle_expires: idleExpires + hour, active_expires: activeExpires + hour });
				const stored = await adapter.getSession("s1");
				assert.equal(stored?.idle_expires, idleExpires + hour);
				assert.equal(stored?.active_expires, activeExpires + hour);
			});
			test("updateSession() with unchanged values resolves", async () => {
				await createUser("u1");
				await adapter.setSession(session("s1", "u1"));
				await adapter.updateSession("s1", { idle_expires: idleExpires });
			});
			test("updateSession() throws AUTH_INVALID_SESSION_ID for an unknown session", async () => {
				await rejectsWithLucia(adapter.updateSession("nothing", { idle_expires: 1 }), "AUTH_INVALID_SESSION_ID");
			});
			test("deleteSession() deletes one session and resolves for an unknown one", async () => {
				await createUser("u1");
				await adapter.setSession(session("s1", "u1"));
				await adapter.setSession(session("s2", "u1"));
				await adapter.deleteSession("s1");
				await adapter.deleteSession("nothing");
				assert.deepEqual(
					(await adapter.getSessionsByUserId("u1")).map((row) => row.id),
					["s2"]
				);
			});
			test("deleteSessionsByUserId() deletes only that user's sessions", async () => {
				await createUser("u1");
				await createUser("u2");
				await adapter.setSession(session("s1", "u1"));
				await adapter.setSession(session("s2", "u2"));
				await adapter.deleteSessionsByUserId("u1");
				await adapter.deleteSessionsByUserId("nobody");
				assert.deepEqual(await adapter.getSessionsByUserId("u1"), []);
				assert.equal((await adapter.getSessionsByUserId("u2")).length, 1);
			});
		});

		describe("statements per method (one plain statement for each single-row write)", () => {
			const counted = async (run: () => Promise<unknown>): Promise<string[]> => {
				target.log.clear();
				await run();
				return [...target.log.statements];
			};
			const kinds = (statements: string[]) => statements.map((sql) => /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase());
			// Prisma 6 itself wraps updateMany in BEGIN … COMMIT; Prisma 7 sends the UPDATE alone.
			const dataKinds = (statements: string[]) =>
				kinds(statements).filter((kind) => spec.prisma === 7 || (kind !== "BEGIN" && kind !== "COMMIT"));
			test("setSession, setKey, updateSession, updateKey, deleteSession, deleteKey: one statement each", async () => {
				await createUser("u1");
				assert.deepEqual(dataKinds(await counted(() => adapter.setSession(session("s1", "u1")))), ["INSERT"]);
				assert.deepEqual(dataKinds(await counted(() => adapter.setKey(key("k1", "u1")))), ["INSERT"]);
				assert.deepEqual(dataKinds(await counted(() => adapter.updateSession("s1", { idle_expires: idleExpires + 1 }))), ["UPDATE"]);
				assert.deepEqual(dataKinds(await counted(() => adapter.updateKey("k1", { hashed_password: null }))), ["UPDATE"]);
				assert.deepEqual(dataKinds(await counted(() => adapter.deleteSession("s1"))), ["DELETE"]);
				assert.deepEqual(dataKinds(await counted(() => adapter.deleteKey("k1"))), ["DELETE"]);
			});
			test("setUser with a key: two INSERTs in one transaction", async () => {
				const statements = await counted(() => adapter.setUser({ id: "u1", ...target.names.userAttributes("u1") }, key("k1", "u1")));
				assert.deepEqual(kinds(statements), ["BEGIN", "INSERT", "INSERT", "COMMIT"]);
			});
		});

		describe("getSessionAndUser()", () => {
			test("returns [null, null] for an unknown session", async () => {
				assert.deepEqual(await adapter.getSessionAndUser?.("nothing"), [null, null]);
			});
			test("returns the plain session and user rows, no relation object in either", async () => {
				await createUser("u1");
				const attribute = spec.schema === "renamed" ? { country: null } : {};
				await adapter.setSession(session("s1", "u1"));
				const result = await adapter.getSessionAndUser?.("s1");
				assert.deepEqual(result, [session("s1", "u1", attribute), { id: "u1", ...target.names.userAttributes("u1") }]);
			});
			test("reads both rows in one Prisma call through the relation", async () => {
				await createUser("u1");
				await adapter.setSession(session("s1", "u1"));
				target.log.clear();
				await adapter.getSessionAndUser?.("s1");
				const selects = target.log.statements.filter((sql) => /^\s*SELECT/i.test(sql));
				assert.equal(selects.length, target.log.statements.length, `only SELECTs: ${target.log.statements.join(" | ")}`);
				const expected = spec.previewFeatures?.includes("relationJoins") ? 1 : 2;
				assert.equal(selects.length, expected, target.log.statements.join("\n"));
			});
		});
	});
}
