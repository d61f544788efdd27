import assert from "node:assert/strict";
import { after, afterEach, before, describe, test } from "node:test";
import { LuciaError, lucia } from "lucia";
import { initializeAdapterFor } from "../support/adapter-options.ts";
import { openTarget, targetLabel, type Target, type TargetSpec } from "../support/targets.ts";
import { rejectsWithLucia } from "./expectations.ts";

function luciaFor(target: Target, fastHashing: boolean) {
	return lucia({
		adapter: initializeAdapterFor(target),
		env: "DEV",
		getUserAttributes: (row) => row,
		getSessionAttributes: (row) => row,
		// Lucia's scrypt costs ~50 ms a hash; the flows that are not about passwords skip it.
		...(fastHashing
			? { passwordHash: { generate: async (password: string) => `plain:${password}`, validate: async (password: string, hash: string) => hash === `plain:${password}` } }
			: {})
	});
}

/** Whole Lucia v2 flows through `lucia@2.7.x` and this adapter. */
export function describeLuciaFlows(spec: TargetSpec): void {
	let target: Target;
	let auth: ReturnType<typeof luciaFor>;

	const newUser = (id: string, username: string, password: string | null = "s3cret password") =>
		auth.createUser({
			userId: id,
			key: { providerId: "username", providerUserId: username, password },
			attributes: target.names.userAttributes(id) as Lucia.DatabaseUserAttributes
		});

	describe(`lucia flows · ${targetLabel(spec)}`, () => {
		before(async () => {
			target = await openTarget(spec);
			auth = luciaFor(target, true);
		});
		afterEach(async () => {
			await target.reset();
		});
		after(async () => {
			await target?.close();
		});

		test("createUser with a key, then useKey with the right and a wrong password (real scrypt)", async () => {
			const slowAuth = luciaFor(target, false);
			const user = await slowAuth.createUser({
				userId: "u1",
				key: { providerId: "username", providerUserId: "ada", password: "correct horse" },
				attributes: target.names.userAttributes("u1") as Lucia.DatabaseUserAttributes
			});
			assert.equal(user.userId, "u1");
			const key = await slowAuth.useKey("username", "ada", "correct horse");
			assert.deepEqual({ userId: key.userId, providerId: key.providerId, passwordDefined: key.passwordDefined }, {
				userId: "u1",
				providerId: "username",
				passwordDefined: true
			});
			await rejectsWithLucia(slowAuth.useKey("username", "ada", "wrong"), "AUTH_INVALID_PASSWORD");
			await rejectsWithLucia(slowAuth.useKey("username", "nobody", "x"), "AUTH_INVALID_KEY_ID");
		});

		test("createUser with a taken key id throws AUTH_DUPLICATE_KEY_ID and leaves no second user", async () => {
			await newUser("u1", "ada");
			await rejectsWithLucia(newUser("u2", "ada"), "AUTH_DUPLICATE_KEY_ID");
			await rejectsWithLucia(auth.getUser("u2"), "AUTH_INVALID_USER_ID");
			assert.equal(await target.delegate("user").count(), 1);
		});

		test("createSession, validateSession, updateSessionAttributes, invalidateSession", async () => {
			await newUser("u1", "ada");
			const attributes = target.names.sessionAttribute === null ? {} : { [target.names.sessionAttribute]: "NZ" };
			const session = await auth.createSession({ userId: "u1", attributes: attributes as Lucia.DatabaseSessionAttributes });
			const validated = await auth.validateSession(session.sessionId);
			assert.equal(validated.sessionId, session.sessionId);
			assert.equal(validated.user.userId, "u1");
			assert.equal(validated.fresh, false);
			assert.equal(validated.state, "active");
			if (target.names.sessionAttribute !== null) {
				assert.equal((validated as unknown as Record<string, unknown>)[target.names.sessionAttribute], "NZ");
				await auth.updateSessionAttributes(session.sessionId, { [target.names.sessionAttribute]: "DE" } as Lucia.DatabaseSessionAttributes);
				const updated = await auth.getSession(session.sessionId);
				assert.equal((updated as unknown as Record<string, unknown>)[target.names.sessionAttribute], "DE");
			}
			await auth.invalidateSession(session.sessionId);
			await rejectsWithLucia(auth.validateSession(session.sessionId), "AUTH_INVALID_SESSION_ID");
		});

		test("validateSession of an active session is one SQL statement with relationJoins, two without", async () => {
			await newUser("u1", "ada");
			const session = await auth.createSession({ userId: "u1", attributes: {} as Lucia.DatabaseSessionAttributes });
			target.log.clear();
			await auth.validateSession(session.sessionId);
			const expected = spec.previewFeatures?.includes("relationJoins") ? 1 : 2;
			assert.equal(target.log.statements.length, expected, target.log.statements.join("\n"));
			assert.ok(target.log.statements.every((sql) => /^\s*SELECT/i.test(sql)), target.log.statements.join("\n"));
		});

		test("validateSession renews an idle session and rejects an unknown one", async () => {
			await newUser("u1", "ada");
			const session = await auth.createSession({ userId: "u1", attributes: {} as Lucia.DatabaseSessionAttributes });
			await target.delegate("session").deleteMany({ where: { id: session.sessionId } });
			const now = Date.now();
			await target.delegate("session").createMany({
				data: [{ id: session.sessionId, user_id: "u1", active_expires: now - 1000, idle_expires: now + 60_000 }]
			});
			target.log.clear();
			const renewed = await auth.validateSession(session.sessionId);
			// The docs: one Prisma call reads the session and user (two SELECTs, one with relationJoins);
			// renewing an idle session adds one UPDATE.
			const kinds = target.log.statements.map((sql) => /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase());
			const selects = target.spec.previewFeatures?.includes("relationJoins") ? 1 : 2;
			assert.equal(kinds.filter((kind) => kind === "SELECT").length, selects, target.log.statements.join("\n"));
			assert.equal(kinds.filter((kind) => kind === "UPDATE").length, 1, target.log.statements.join("\n"));
			assert.equal(renewed.fresh, true);
			assert.equal(renewed.sessionId, session.sessionId);
			const stored = await auth.getSession(session.sessionId);
			assert.equal(stored.state, "active");
			assert.ok(stored.activePeriodExpiresAt.getTime() > now);
			await rejectsWithLucia(auth.validateSession("no-such-session"), "AUTH_INVALID_SESSION_ID");
		});

		test("createSession for an unknown user throws AUTH_INVALID_USER_ID", async () => {
			await rejectsWithLucia(auth.createSession({ userId: "nobody", attributes: {} as Lucia.DatabaseSessionAttributes }), "AUTH_INVALID_USER_ID");
		});

		test("getAllUserSessions and invalidateAllUserSessions", async () => {
			await newUser("u1", "ada");
			await newUser("u2", "bob");
			await auth.createSession({ userId: "u1", attributes: {} as Lucia.DatabaseSessionAttributes });
			await auth.createSession({ userId: "u1", attributes: {} as Lucia.DatabaseSessionAttributes });
			const other = await auth.createSession({ userId: "u2", attributes: {} as Lucia.DatabaseSessionAttributes });
			assert.equal((await auth.getAllUserSessions("u1")).length, 2);
			await auth.invalidateAllUserSessions("u1");
			assert.deepEqual(await auth.getAllUserSessions("u1"), []);
			assert.equal((await auth.validateSession(other.sessionId)).user.userId, "u2");
		});

		test("updateUserAttributes, and AUTH_INVALID_USER_ID for an unknown user", async () => {
			await newUser("u1", "ada");
			if (target.spec.schema === "renamed") {
				const user = await auth.updateUserAttributes("u1", { email: "ada@example.com" } as Partial<Lucia.DatabaseUserAttributes>);
				assert.equal((user as unknown as Record<string, unknown>)["email"], "ada@example.com");
			}
			await rejectsWithLucia(auth.updateUserAttributes("nobody", {} as Partial<Lucia.DatabaseUserAttributes>), "AUTH_INVALID_USER_ID");
		});

		test("keys: createKey, getAllUserKeys, updateKeyPassword, deleteKey", async () => {
			await newUser("u1", "ada");
			await auth.createKey({ userId: "u1", providerId: "email", providerUserId: "ada@example.com", password: null });
			assert.deepEqual((await auth.getAllUserKeys("u1")).map((k) => k.providerId).sort(), ["email", "username"]);
			await rejectsWithLucia(
				auth.createKey({ userId: "u1", providerId: "email", providerUserId: "ada@example.com", password: null }),
				"AUTH_DUPLICATE_KEY_ID"
			);
			await rejectsWithLucia(
				auth.createKey({ userId: "nobody", providerId: "email", providerUserId: "x@example.com", password: null }),
				"AUTH_INVALID_USER_ID"
			);
			await auth.updateKeyPassword("username", "ada", "new password");
			assert.equal((await auth.useKey("username", "ada", "new password")).userId, "u1");
			await rejectsWithLucia(auth.updateKeyPassword("username", "nobody", "x"), "AUTH_INVALID_KEY_ID");
			await auth.deleteKey("email", "ada@example.com");
			assert.equal((await auth.getAllUserKeys("u1")).length, 1);
		});

		test("deleteUser removes the user, its keys and its sessions", async () => {
			await newUser("u1", "ada");
			const session = await auth.createSession({ userId: "u1", attributes: {} as Lucia.DatabaseSessionAttributes });
			await auth.deleteUser("u1");
			await rejectsWithLucia(auth.getUser("u1"), "AUTH_INVALID_USER_ID");
			await rejectsWithLucia(auth.validateSession(session.sessionId), "AUTH_INVALID_SESSION_ID");
			await rejectsWithLucia(auth.useKey("username", "ada", "s3cret password"), "AUTH_INVALID_KEY_ID");
			await auth.deleteUser("u1");
		});

		test("concurrency: many parallel setKey with one id, exactly one wins, the rest get AUTH_DUPLICATE_KEY_ID", async () => {
			await newUser("u1", "ada");
			const attempts = 24;
			const results = await Promise.allSettled(
				Array.from({ length: attempts }, (_, index) =>
					auth.createKey({ userId: "u1", providerId: "email", providerUserId: "race@example.com", password: `p${index}` })
				)
			);
			const won = results.filter((result) => result.status === "fulfilled");
			const lost = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
			assert.equal(won.length, 1);
			for (const failure of lost) {
				assert.ok(failure.reason instanceof LuciaError, String(failure.reason));
				assert.equal(failure.reason.message, "AUTH_DUPLICATE_KEY_ID");
			}
			assert.equal(await target.delegate("key").count({ where: { id: "email:race@example.com" } }), 1);
		});

		test("concurrency: parallel createUser with one key id creates exactly one user", async () => {
			const attempts = 16;
			const results = await Promise.allSettled(Array.from({ length: attempts }, (_, index) => newUser(`racer-${index}`, "same-name")));
			assert.equal(results.filter((result) => result.status === "fulfilled").length, 1);
			for (const result of results) {
				if (result.status === "rejected") {
					assert.ok(result.reason instanceof LuciaError, String(result.reason));
					assert.equal(result.reason.message, "AUTH_DUPLICATE_KEY_ID");
				}
			}
			assert.equal(await target.delegate("user").count(), 1);
			assert.equal(await target.delegate("key").count(), 1);
		});
	});
}
