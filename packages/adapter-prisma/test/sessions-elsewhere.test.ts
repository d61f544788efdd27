import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { lucia, LuciaError, type SessionAdapter, type SessionSchema } from "lucia";
import type { RuntimePrismaClient } from "@lucia-prisma/client-from-schema";
import { untypedPrisma } from "./support/adapter-options.ts";
import { schemaTextDatabase, type SchemaTextDatabase } from "./support/schema-text-database.ts";

/** Users and keys in Prisma; no session model, because the app keeps its sessions elsewhere. */
const schemaWithoutSessions = `
model User {
  id       String @id @unique
  auth_key Key[]
}

model Key {
  id              String  @id @unique
  hashed_password String?
  user_id         String
  user            User    @relation(references: [id], fields: [user_id], onDelete: Cascade)

  @@index([user_id])
}
`;

/** A session store outside Prisma, as such an app would have (Redis, say), kept in a Map. */
function sessionsInMemory(): SessionAdapter {
	const sessions = new Map<string, SessionSchema>();
	return {
		getSession: async (id) => sessions.get(id) ?? null,
		getSessionsByUserId: async (userId) => [...sessions.values()].filter((session) => session.user_id === userId),
		setSession: async (session) => void sessions.set(session.id, session),
		updateSession: async (id, partial) => {
			const session = sessions.get(id);
			if (session !== undefined) sessions.set(id, { ...session, ...partial });
		},
		deleteSession: async (id) => void sessions.delete(id),
		deleteSessionsByUserId: async (userId) => {
			for (const [id, session] of sessions) if (session.user_id === userId) sessions.delete(id);
		}
	};
}

describe("prisma(client) for a client without a session model (sessions kept elsewhere, as 3.0.2 allowed)", () => {
	let database: SchemaTextDatabase;
	let client: RuntimePrismaClient;
	before(async () => {
		database = await schemaTextDatabase(schemaWithoutSessions);
		client = database.createClient(database.factory);
	});
	after(async () => {
		await client?.$disconnect();
		database?.close();
	});

	test("is accepted, stores users and keys, and says why when asked for a session", async () => {
		const adapter = untypedPrisma(client)(LuciaError);
		await adapter.setUser({ id: "u1" }, { id: "username:ada", user_id: "u1", hashed_password: null });
		assert.deepEqual(await adapter.getKey("username:ada"), { id: "username:ada", user_id: "u1", hashed_password: null });
		assert.equal(adapter.getSessionAndUser, undefined);
		await assert.rejects(adapter.getSession("s1"), /stores no sessions.*no session model/);
	});

	test("works with Lucia beside a separate session adapter: sign up, sign in, validate", async () => {
		const auth = lucia({
			env: "DEV",
			adapter: { user: untypedPrisma(client), session: () => sessionsInMemory() }
		});
		const user = await auth.createUser({
			key: { providerId: "username", providerUserId: "grace", password: "hopper" },
			attributes: {}
		});
		const key = await auth.useKey("username", "grace", "hopper");
		const session = await auth.createSession({ userId: key.userId, attributes: {} });
		assert.equal((await auth.validateSession(session.sessionId)).user.userId, user.userId);
	});

	test("other call forms still require the session model", () => {
		assert.throws(() => untypedPrisma({ client, mode: "default" }), /mode "default" uses the models User, Session and Key .*but this schema has no Session; the Prisma client has "user", "key"/);
		assert.throws(() => untypedPrisma(client, { user: "user", key: "key", session: "session" }), /modelNames\.session is "session"/);
	});
});
