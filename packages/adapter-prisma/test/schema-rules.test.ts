/**
 * What the schema and attributes pages say about schemas, checked against Prisma and the adapter:
 * Prisma needs both sides of a relation, and default mode finds models by name, so tables and
 * columns mapped with @@map and @map need no other call form.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { lucia, LuciaError } from "lucia";
import { PrismaPg } from "@prisma/adapter-pg";
import type { RuntimePrismaClient } from "@lucia-prisma/client-from-schema";
import { applyDdl, createDatabase, ddlFromSchema, generateClient } from "@internal/test-kit";
import { prisma } from "../src/index.ts";
import type { PrismaClientLike } from "../src/client-types.ts";
import { schemaPath, serverUrl } from "./support/targets.ts";
import { schemaProblems, schemaTextDatabase, type SchemaTextDatabase } from "./support/schema-text-database.ts";

const referenceSchema = readFileSync(schemaPath("sqlite", "reference"), "utf8");

describe("relation fields: Prisma needs both sides", () => {
	test("the reference schema is valid as it is", async () => {
		assert.equal(await schemaProblems(referenceSchema), null);
	});
	test("without User.auth_session, Prisma rejects the schema", async () => {
		const withoutBackRelation = referenceSchema.replace(/^\s*auth_session\s+Session\[\]\n/m, "\n");
		assert.notEqual(withoutBackRelation, referenceSchema);
		assert.match((await schemaProblems(withoutBackRelation)) ?? "", /missing an opposite relation field on the model `User`/);
	});
	test("the back relation may have any name", async () => {
		assert.equal(await schemaProblems(referenceSchema.replace(/\bauth_session\b/, "sessions").replace(/\bauth_key\b/, "keys")), null);
	});
});

/**
 * The reference models with every table and Lucia column mapped to other database names, and the
 * back-relation fields on User renamed: the changes default mode accepts besides extra columns.
 */
const mappedSchema = `
model User {
  id       String    @id @unique @map("user_pk")
  sessions Session[]
  keys     Key[]

  @@map("app_users")
}

model Session {
  id             String @id @unique @map("session_pk")
  user_id        String @map("owner_id")
  active_expires BigInt @map("active_until")
  idle_expires   BigInt @map("idle_until")
  user           User   @relation(references: [id], fields: [user_id], onDelete: Cascade)

  @@index([user_id])
  @@map("app_sessions")
}

model Key {
  id              String  @id @unique @map("key_pk")
  hashed_password String? @map("password_hash")
  user_id         String  @map("owner_id")
  user            User    @relation(references: [id], fields: [user_id], onDelete: Cascade)

  @@index([user_id])
  @@map("app_keys")
}
`;

/** Sign-up, a taken key, sign-in, validation and an unknown user, in default mode on a mapped schema. */
async function defaultModeFlow(client: PrismaClientLike & { $queryRawUnsafe(query: string): Promise<unknown> }): Promise<void> {
	const auth = lucia({ env: "DEV", adapter: prisma({ client, mode: "default" }) });
	const key = { providerId: "username", providerUserId: "ada", password: "analytical engine" };
	const user = await auth.createUser({ key, attributes: {} });
	await assert.rejects(auth.createUser({ key, attributes: {} }), (error: unknown) => error instanceof LuciaError && error.message === "AUTH_DUPLICATE_KEY_ID");
	const signedIn = await auth.useKey("username", "ada", "analytical engine");
	const session = await auth.createSession({ userId: signedIn.userId, attributes: {} });
	assert.equal((await auth.validateSession(session.sessionId)).user.userId, user.userId);
	await assert.rejects(
		auth.createSession({ userId: "nobody", attributes: {} }),
		(error: unknown) => error instanceof LuciaError && error.message === "AUTH_INVALID_USER_ID"
	);
	const rows = (await client.$queryRawUnsafe('SELECT "owner_id", "active_until" FROM "app_sessions"')) as unknown[];
	assert.equal(rows.length, 1, "the session row is in the mapped table, under the mapped columns");
}

describe("default mode with @@map, @map and renamed back relations (SQLite through sql.js)", () => {
	let database: SchemaTextDatabase;
	let client: RuntimePrismaClient;
	before(async () => {
		database = await schemaTextDatabase(mappedSchema);
		client = database.createClient(database.factory);
	});
	after(async () => {
		await client?.$disconnect();
		database?.close();
	});

	test("sign-up, duplicate key, sign-in, session validation and an unknown user all behave as with the reference schema", async () => {
		await defaultModeFlow(client);
	});
});

const postgres = serverUrl("postgresql");
if (postgres === undefined) {
	console.log("SKIPPED: default mode on a mapped schema on PostgreSQL: no server (npm test starts one)");
} else {
	// PostgreSQL names the violated index, which carries the mapped table and column names.
	describe("default mode with @@map, @map and renamed back relations (PostgreSQL, Prisma 7)", () => {
		let client: PrismaClientLike & { $queryRawUnsafe(query: string): Promise<unknown>; $disconnect(): Promise<void> };
		let schemaDir: string;
		before(async () => {
			schemaDir = await mkdtemp(join(tmpdir(), "mapped-schema-"));
			const schemaFile = join(schemaDir, "schema.prisma");
			await writeFile(schemaFile, `datasource db {\n  provider = "postgresql"\n}\n${mappedSchema}`);
			const generated = await generateClient({ schemaPath: schemaFile, prisma: 7, name: "mapped-postgresql" });
			const url = await createDatabase(postgres, `lucia_mapped_${process.pid}`);
			await applyDdl(url, await ddlFromSchema(schemaFile, "postgresql", url));
			const { PrismaClient } = (await import(generated.entry)) as { PrismaClient: new (options: { adapter: PrismaPg }) => typeof client };
			client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
		});
		after(async () => {
			await client?.$disconnect();
			await rm(schemaDir, { recursive: true, force: true });
		});

		test("sign-up, duplicate key, sign-in, session validation and an unknown user all behave as with the reference schema", async () => {
			await defaultModeFlow(client);
		});
	});
}
