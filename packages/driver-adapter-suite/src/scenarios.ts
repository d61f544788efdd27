import assert from "node:assert/strict";
import type { Args, Row, SuiteClient } from "./suite-client.ts";
import { failure } from "./outcomes.ts";

/** The databases the suite runs on: SQLite (better-sqlite3, sql.js) and PostgreSQL (pg, PGlite). */
export type SuiteProvider = "sqlite" | "postgresql";
export type SuiteAdapter = "better-sqlite3" | "sql.js" | "pg" | "pglite" | "pglite over a MessagePort";

/**
 * One step of the shared suite: it runs on a fresh database, asserts what it expects and returns
 * an outcome that must be identical on every adapter of its database (dates, bigints, Decimals
 * and bytes included; errors as `failure()` describes them).
 */
export interface Scenario {
	name: string;
	/** The databases the scenario is about; every one when absent. */
	providers?: readonly SuiteProvider[];
	run(client: SuiteClient, provider: SuiteProvider): Promise<unknown>;
	/** Where two adapters are known to disagree; everything else in the outcome must still be equal. */
	knownDifferences?: readonly KnownDifference[];
}

export interface KnownDifference {
	why: string;
	/** Where in the outcome the adapters differ (empty: the whole outcome). */
	path: readonly string[];
	/** The value at `path` on each adapter of the pair that disagrees. */
	outcomes: Partial<Record<SuiteAdapter, unknown>>;
}

/** A value that differs by database, chosen for the database the scenario runs on. */
function byProvider<T>(provider: SuiteProvider, values: Record<SuiteProvider, T>): T {
	return values[provider];
}

const originalCodePath = ["meta", "driverAdapterError", "originalCode"];

/** What PGlite's PostgreSQL 18 reports for a RESTRICT failure (see the scenario that deletes a commented author). */
const pgliteRestrictViolation = {
	kind: "RestrictViolation",
	constraint: { index: "Comment_authorId_fkey" },
	originalCode: "23001",
	originalMessage: 'update or delete on table "Author" violates RESTRICT setting of foreign key constraint "Comment_authorId_fkey" on table "Comment"',
};

const joinedAt = new Date("2024-02-29T12:34:56.789Z");
const beyondDoubles = 9007199254740993n; // 2^53 + 1: a double would round it to 2^53
const twoToThe62 = 2n ** 62n;
const int64Max = 2n ** 63n - 1n;
const int64Min = -(2n ** 63n);

/** Every new author gets the same join date, so outcomes do not depend on the clock. */
function author(email: string, fields: Args = {}): Args {
	return { data: { email, joinedAt, ...fields } };
}

async function seedAuthorWithPosts(client: SuiteClient): Promise<Row> {
	return client.author.create({
		data: {
			email: "ada@example.com",
			name: "Ada",
			joinedAt,
			posts: {
				create: [
					{ id: "p1", title: "Notes on the engine", views: 10 },
					{ id: "p2", title: "Sketch of the loom", views: 3 },
				],
			},
		},
	});
}

function decimalText(value: unknown): string {
	return String(value);
}

export const scenarios: readonly Scenario[] = [
	{
		name: "create stores and returns a field of every scalar type",
		async run(client) {
			const row = await client.author.create({
				data: {
					email: "every@example.com",
					name: "Every Type",
					karma: beyondDoubles,
					avatar: new Uint8Array([0, 1, 127, 128, 255]),
					verified: true,
					balance: "1234.5",
					settings: { theme: "dark", sizes: [1, 2.5, null], nested: { on: true } },
					joinedAt,
					rating: 4.25,
				},
			});
			assert.deepEqual(Object.keys(row).sort(), [
				"avatar", "balance", "email", "id", "joinedAt", "karma", "name", "rating", "settings", "verified",
			]);
			assert.equal(row["id"], 1);
			assert.equal(row["karma"], beyondDoubles);
			assert.deepEqual(row["avatar"], new Uint8Array([0, 1, 127, 128, 255]));
			assert.equal(row["verified"], true);
			assert.equal(decimalText(row["balance"]), "1234.5");
			assert.deepEqual(row["settings"], { theme: "dark", sizes: [1, 2.5, null], nested: { on: true } });
			assert.deepEqual(row["joinedAt"], joinedAt);
			assert.equal(row["rating"], 4.25);
			const reread = await client.author.findUnique({ where: { id: 1 } });
			assert.deepEqual(reread, row);
			return row;
		},
	},
	{
		name: "create fills defaults and optional fields with null",
		async run(client) {
			const row = await client.author.create(author("defaults@example.com"));
			assert.equal(row["karma"], 0n);
			assert.equal(row["verified"], false);
			assert.equal(decimalText(row["balance"]), "0");
			assert.equal(row["name"], null);
			assert.equal(row["avatar"], null);
			assert.equal(row["settings"], null);
			assert.equal(row["rating"], null);
			return row;
		},
	},
	{
		name: "BigInt round-trips exactly beyond 2^53, at 2^62 and at both ends of 64 bits",
		async run(client) {
			const values = [beyondDoubles, twoToThe62, int64Max, int64Min, -beyondDoubles, 0n, 42n];
			for (const [i, karma] of values.entries()) await client.author.create(author(`big${i}@example.com`, { karma }));
			const rows = await client.author.findMany({ select: { karma: true }, orderBy: { karma: "asc" } });
			const read = rows.map((row) => row["karma"]);
			assert.deepEqual(read, [int64Min, -beyondDoubles, 0n, 42n, beyondDoubles, twoToThe62, int64Max]);
			return read;
		},
	},
	{
		name: "BigInt filters compare exactly (gt 2^53, equals 2^53 + 1, in)",
		async run(client) {
			for (const [i, karma] of [2n ** 53n, beyondDoubles, twoToThe62].entries()) {
				await client.author.create(author(`cmp${i}@example.com`, { karma }));
			}
			const above = await client.author.findMany({ where: { karma: { gt: 2n ** 53n } }, select: { email: true } });
			const exact = await client.author.findFirst({ where: { karma: beyondDoubles }, select: { email: true } });
			const listed = await client.author.count({ where: { karma: { in: [twoToThe62, 2n ** 53n] } } });
			assert.deepEqual(above, [{ email: "cmp1@example.com" }, { email: "cmp2@example.com" }]);
			assert.deepEqual(exact, { email: "cmp1@example.com" });
			assert.equal(listed, 2);
			return { above, exact, listed };
		},
	},
	{
		name: "BigInt increment beyond 2^53",
		async run(client) {
			await client.author.create(author("inc@example.com", { karma: beyondDoubles }));
			const incremented = await client.author.update({
				where: { email: "inc@example.com" },
				data: { karma: { increment: 1 } },
				select: { karma: true },
			});
			return incremented["karma"];
		},
		knownDifferences: [
			{
				path: [],
				why:
					"Prisma sends the increment as the JS number 1. better-sqlite3 binds every number as a REAL, so " +
					"SQLite adds in floating point and 2^53 + 1 + 1 rounds to 2^53; sql.js binds it as an INTEGER.",
				outcomes: { "better-sqlite3": 2n ** 53n, "sql.js": beyondDoubles + 1n },
			},
		],
	},
	{
		name: "Bytes round-trip, empty ones included, and can be matched",
		async run(client) {
			const bytes = new Uint8Array(256).map((_, i) => i);
			await client.author.create(author("bytes@example.com", { avatar: bytes }));
			await client.author.create(author("empty@example.com", { avatar: new Uint8Array(0) }));
			const rows = await client.author.findMany({ select: { email: true, avatar: true }, orderBy: { id: "asc" } });
			assert.deepEqual(rows[0]?.["avatar"], bytes);
			assert.deepEqual(rows[1]?.["avatar"], new Uint8Array(0));
			const matched = await client.author.findFirst({ where: { avatar: bytes }, select: { email: true } });
			assert.deepEqual(matched, { email: "bytes@example.com" });
			return { rows, matched };
		},
	},
	{
		name: "DateTime keeps milliseconds and orders and filters by time",
		async run(client) {
			const times = ["2020-01-01T00:00:00.000Z", "2024-02-29T23:59:59.999Z", "1999-12-31T23:59:59.001Z"];
			for (const [i, time] of times.entries()) await client.author.create({ data: { email: `t${i}@x`, joinedAt: new Date(time) } });
			const ordered = await client.author.findMany({ select: { joinedAt: true }, orderBy: { joinedAt: "desc" } });
			assert.deepEqual(
				ordered.map((row) => (row["joinedAt"] as Date).toISOString()),
				["2024-02-29T23:59:59.999Z", "2020-01-01T00:00:00.000Z", "1999-12-31T23:59:59.001Z"],
			);
			const since2000 = await client.author.count({ where: { joinedAt: { gte: new Date("2000-01-01T00:00:00Z") } } });
			assert.equal(since2000, 2);
			return { ordered, since2000 };
		},
	},
	{
		name: "Decimal values come back as Decimals and sum",
		async run(client) {
			for (const [i, balance] of ["0.1", "0.2", "-12.75", "1000000"].entries()) {
				await client.author.create(author(`d${i}@x`, { balance }));
			}
			const rows = await client.author.findMany({ select: { balance: true }, orderBy: { id: "asc" } });
			assert.deepEqual(rows.map((row) => decimalText(row["balance"])), ["0.1", "0.2", "-12.75", "1000000"]);
			const sum = await client.author.aggregate({ _sum: { balance: true } });
			const positive = await client.author.count({ where: { balance: { gt: "0.15" } } });
			assert.equal(positive, 2);
			return { rows, sum, positive };
		},
	},
	{
		name: "Json stores objects, arrays, strings and numbers",
		async run(client) {
			const documents = [{ a: { b: [1, "two", false] } }, [1, 2, 3], "just text", 12.5];
			for (const [i, settings] of documents.entries()) await client.author.create(author(`j${i}@x`, { settings }));
			const rows = await client.author.findMany({ select: { settings: true }, orderBy: { id: "asc" } });
			assert.deepEqual(rows.map((row) => row["settings"]), documents);
			return rows;
		},
	},
	{
		name: "Boolean fields filter and count",
		async run(client) {
			await client.author.create(author("yes@x", { verified: true }));
			await client.author.create(author("no@x", { verified: false }));
			await client.author.create(author("yes2@x", { verified: true }));
			const verified = await client.author.findMany({ where: { verified: true }, select: { email: true } });
			const unverified = await client.author.count({ where: { verified: { not: true } } });
			assert.deepEqual(verified, [{ email: "yes@x" }, { email: "yes2@x" }]);
			assert.equal(unverified, 1);
			return { verified, unverified };
		},
	},
	{
		name: "findUnique with include loads the relation, both ways",
		async run(client) {
			const created = await seedAuthorWithPosts(client);
			const withPosts = await client.author.findUnique({
				where: { id: created["id"] },
				include: { posts: { orderBy: { id: "asc" } } },
			});
			assert.deepEqual(
				(withPosts?.["posts"] as Row[]).map((post) => post["title"]),
				["Notes on the engine", "Sketch of the loom"],
			);
			const withAuthor = await client.post.findUnique({
				where: { authorId_title: { authorId: created["id"], title: "Sketch of the loom" } },
				include: { author: { select: { email: true } } },
			});
			assert.deepEqual(withAuthor, {
				id: "p2",
				title: "Sketch of the loom",
				views: 3,
				authorId: 1,
				author: { email: "ada@example.com" },
			});
			const missing = await client.author.findUnique({ where: { email: "nobody@example.com" } });
			assert.equal(missing, null);
			return { withPosts, withAuthor, missing };
		},
	},
	{
		name: "findMany filters, sorts, pages and selects",
		async run(client) {
			for (const [i, name] of ["Ada", "Grace", "Alan", "Edsger", "Barbara"].entries()) {
				await client.author.create(author(`${name.toLowerCase()}@example.com`, { name, rating: i + 0.5 }));
			}
			const startsWithA = await client.author.findMany({
				where: { name: { startsWith: "A" } },
				select: { name: true },
				orderBy: { name: "asc" },
			});
			assert.deepEqual(startsWithA, [{ name: "Ada" }, { name: "Alan" }]);
			const either = await client.author.findMany({
				where: { OR: [{ name: { contains: "race" } }, { rating: { gte: 4 } }] },
				select: { name: true },
				orderBy: { id: "asc" },
			});
			assert.deepEqual(either, [{ name: "Grace" }, { name: "Barbara" }]);
			const page = await client.author.findMany({ orderBy: { rating: "desc" }, skip: 1, take: 2, select: { name: true } });
			assert.deepEqual(page, [{ name: "Edsger" }, { name: "Alan" }]);
			const listed = await client.author.findMany({
				where: { email: { in: ["ada@example.com", "alan@example.com"] }, NOT: { name: "Alan" } },
				select: { email: true },
			});
			assert.deepEqual(listed, [{ email: "ada@example.com" }]);
			const relationFilter = await seedPostsForFilter(client);
			return { startsWithA, either, page, listed, relationFilter };
		},
	},
	{
		name: "update and updateMany change rows and return them",
		async run(client) {
			await seedAuthorWithPosts(client);
			const updated = await client.author.update({
				where: { email: "ada@example.com" },
				data: { name: null, karma: twoToThe62, verified: true },
			});
			assert.equal(updated["name"], null);
			assert.equal(updated["karma"], twoToThe62);
			const counted = await client.post.updateMany({ where: { views: { lt: 5 } }, data: { views: { increment: 100 } } });
			assert.deepEqual(counted, { count: 1 });
			const views = await client.post.findMany({ select: { id: true, views: true }, orderBy: { id: "asc" } });
			assert.deepEqual(views, [{ id: "p1", views: 10 }, { id: "p2", views: 103 }]);
			return { updated, counted, views };
		},
	},
	{
		name: "upsert creates, then updates",
		async run(client) {
			const upsert = () =>
				client.author.upsert({
					where: { email: "up@example.com" },
					create: { email: "up@example.com", name: "first", joinedAt },
					update: { name: "second" },
				});
			const created = await upsert();
			const updated = await upsert();
			assert.equal(created["name"], "first");
			assert.equal(updated["name"], "second");
			assert.equal(await client.author.count(), 1);
			return { created, updated };
		},
	},
	{
		name: "createMany and createManyAndReturn insert several rows",
		async run(client) {
			const many = await client.author.createMany({
				data: [
					{ email: "m1@x", joinedAt },
					{ email: "m2@x", joinedAt, karma: beyondDoubles },
				],
			});
			assert.deepEqual(many, { count: 2 });
			const returned = await client.author.createManyAndReturn({
				data: [{ email: "m3@x", joinedAt }],
				select: { id: true, email: true },
			});
			assert.deepEqual(returned, [{ id: 3, email: "m3@x" }]);
			return { many, returned };
		},
	},
	{
		name: "delete returns the row; deleteMany returns the count",
		async run(client) {
			await seedAuthorWithPosts(client);
			const deleted = await client.post.delete({ where: { id: "p1" } });
			assert.equal(deleted["title"], "Notes on the engine");
			assert.equal(await client.post.findUnique({ where: { id: "p1" } }), null);
			await client.author.create(author("x1@x"));
			await client.author.create(author("x2@x"));
			const many = await client.author.deleteMany({ where: { email: { startsWith: "x" } } });
			assert.deepEqual(many, { count: 2 });
			const none = await client.author.deleteMany({ where: { email: "nobody" } });
			assert.deepEqual(none, { count: 0 });
			return { deleted, many, none, left: await client.author.count() };
		},
	},
	{
		name: "deleting an author cascades to its posts",
		async run(client) {
			await seedAuthorWithPosts(client);
			await client.author.delete({ where: { email: "ada@example.com" } });
			const posts = await client.post.count();
			assert.equal(posts, 0);
			return posts;
		},
	},
	{
		name: "deleting an author with comments is restricted (P2003)",
		async run(client) {
			await client.author.create({ data: { email: "c@x", joinedAt, comments: { create: { body: "first!" } } } });
			const error = await failure(client.author.delete({ where: { email: "c@x" } }));
			assert.equal(error.code, "P2003");
			assert.equal(await client.author.count(), 1);
			return error;
		},
		knownDifferences: [
			{
				path: originalCodePath,
				why:
					"SQLite raises a RESTRICT failure with SQLITE_CONSTRAINT_TRIGGER and other foreign key failures with " +
					"SQLITE_CONSTRAINT_FOREIGNKEY, under the same message; sql.js gives only the message.",
				outcomes: { "better-sqlite3": "SQLITE_CONSTRAINT_TRIGGER", "sql.js": "SQLITE_CONSTRAINT_FOREIGNKEY" },
			},
			{
				path: ["meta", "driverAdapterError"],
				why:
					"Not the adapters but the servers: PostgreSQL 18 (PGlite 0.5) reports a RESTRICT failure as " +
					"restrict_violation (23001), which adapter-pg maps to RestrictViolation; PostgreSQL 15 (the test " +
					"server) reports it as foreign_key_violation (23503). Both are P2003 with the same constraint.",
				outcomes: {
					pg: {
						kind: "ForeignKeyConstraintViolation",
						constraint: { index: "Comment_authorId_fkey" },
						originalCode: "23503",
						originalMessage: 'update or delete on table "Author" violates foreign key constraint "Comment_authorId_fkey" on table "Comment"',
					},
					pglite: pgliteRestrictViolation,
					"pglite over a MessagePort": pgliteRestrictViolation,
				},
			},
		],
	},
	{
		name: "interactive transaction commits",
		async run(client) {
			const result = await client.$transaction(async (tx) => {
				const first = await tx.author.create(author("tx1@x"));
				await tx.post.create({ data: { id: "tp", title: "in a transaction", authorId: first["id"] } });
				return tx.post.count();
			});
			assert.equal(result, 1);
			assert.equal(await client.author.count(), 1);
			return { result, authors: await client.author.findMany({ include: { posts: true } }) };
		},
	},
	{
		name: "interactive transaction rolls back when the callback throws",
		async run(client) {
			const error = await client
				.$transaction(async (tx) => {
					await tx.author.create(author("gone@x"));
					assert.equal(await tx.author.count(), 1);
					throw new Error("changed my mind");
				})
				.then(
					() => assert.fail("the transaction should have failed"),
					(thrown: Error) => thrown.message,
				);
			assert.equal(error, "changed my mind");
			assert.equal(await client.author.count(), 0);
			return error;
		},
	},
	{
		name: "interactive transaction rolls back when a query in it fails",
		async run(client) {
			await client.author.create(author("taken@x"));
			const error = await failure(
				client.$transaction(async (tx) => {
					await tx.author.create(author("new@x"));
					await tx.author.create(author("taken@x"));
				}),
			);
			assert.equal(error.code, "P2002");
			assert.deepEqual(await client.author.findMany({ select: { email: true } }), [{ email: "taken@x" }]);
			return error;
		},
	},
	{
		name: "nested transaction rolls back to its savepoint; the outer one commits",
		async run(client) {
			const count = await client.$transaction(async (tx) => {
				await tx.author.create(author("outer@x"));
				await tx
					.$transaction(async (inner) => {
						await inner.author.create(author("inner@x"));
						throw new Error("inner fails");
					})
					.catch(() => undefined);
				return tx.author.count();
			});
			assert.equal(count, 1);
			assert.deepEqual(await client.author.findMany({ select: { email: true } }), [{ email: "outer@x" }]);
			return count;
		},
	},
	{
		name: "batch transaction commits every operation",
		async run(client) {
			const results = await client.$transaction([
				client.author.create(author("b1@x")),
				client.author.create(author("b2@x", { karma: twoToThe62 })),
				client.author.count(),
			]);
			assert.equal(results[2], 2);
			return results;
		},
	},
	{
		name: "batch transaction rolls back everything on P2002",
		async run(client) {
			await client.author.create(author("dup@x"));
			const error = await failure(
				client.$transaction([client.author.create(author("fresh@x")), client.author.create(author("dup@x"))]),
			);
			assert.equal(error.code, "P2002");
			assert.deepEqual(await client.author.findMany({ select: { email: true } }), [{ email: "dup@x" }]);
			return error;
		},
	},
	{
		name: "isolation levels other than Serializable are rejected (P2023)",
		providers: ["sqlite"],
		async run(client) {
			const error = await failure(client.$transaction(async () => 1, { isolationLevel: "ReadCommitted" }));
			assert.equal(error.code, "P2023");
			const serializable = await client.$transaction(async (tx) => tx.author.count(), { isolationLevel: "Serializable" });
			assert.equal(serializable, 0);
			return { error, serializable };
		},
	},
	{
		name: "each isolation level is sent with its transaction, and the default is Read Committed",
		providers: ["postgresql"],
		async run(client) {
			const current = (tx: SuiteClient) => tx.$queryRaw`SELECT current_setting('transaction_isolation') AS level`;
			const levels: Record<string, string> = {};
			for (const isolationLevel of ["ReadUncommitted", "ReadCommitted", "RepeatableRead", "Serializable"]) {
				const rows = await client.$transaction(current, { isolationLevel });
				levels[isolationLevel] = String(rows[0]?.["level"]);
			}
			const byDefault = (await client.$transaction(current))[0]?.["level"];
			assert.deepEqual(levels, {
				ReadUncommitted: "read uncommitted",
				ReadCommitted: "read committed",
				RepeatableRead: "repeatable read",
				Serializable: "serializable",
			});
			assert.equal(byDefault, "read committed");
			return { levels, byDefault };
		},
	},
	{
		name: "P2002 names the unique field",
		async run(client, provider) {
			await client.author.create(author("same@x"));
			const error = await failure(client.author.create(author("same@x")));
			assert.equal(error.code, "P2002");
			// SQLite names the columns; PostgreSQL names the index, and adapter-pg passes the table on.
			const expected = byProvider(provider, {
				sqlite: { message: "Unique constraint failed on the fields: (`email`)", constraint: { fields: ["email"] } },
				postgresql: { message: "Unique constraint failed on the constraint: `Author_email_key`", constraint: { index: "Author_email_key" }, table: "Author" },
			});
			const cause = error.meta?.["driverAdapterError"] as { constraint: unknown; table?: unknown };
			assert.equal(error.message, expected.message);
			assert.deepEqual(cause.constraint, expected.constraint);
			if ("table" in expected) assert.equal(cause.table, expected.table);
			return error;
		},
	},
	{
		name: "P2002 names every field of a compound unique constraint",
		async run(client, provider) {
			await seedAuthorWithPosts(client);
			const error = await failure(client.post.create({ data: { id: "p3", title: "Sketch of the loom", authorId: 1 } }));
			assert.equal(error.code, "P2002");
			assert.deepEqual(
				(error.meta?.["driverAdapterError"] as { constraint: unknown }).constraint,
				byProvider(provider, { sqlite: { fields: ["authorId", "title"] }, postgresql: { index: "Post_authorId_title_key" } }),
			);
			return error;
		},
	},
	{
		name: "P2002 on a duplicate primary key",
		async run(client, provider) {
			await seedAuthorWithPosts(client);
			const error = await failure(client.post.create({ data: { id: "p1", title: "another", authorId: 1 } }));
			assert.equal(error.code, "P2002");
			assert.equal(
				error.message,
				byProvider(provider, {
					sqlite: "Unique constraint failed on the fields: (`id`)",
					postgresql: "Unique constraint failed on the constraint: `Post_pkey`",
				}),
			);
			return error;
		},
		knownDifferences: [
			{
				path: originalCodePath,
				why:
					"SQLite reports a duplicate primary key with SQLITE_CONSTRAINT_PRIMARYKEY and a duplicate in a unique " +
					"index with SQLITE_CONSTRAINT_UNIQUE, under the same message; sql.js gives only the message.",
				outcomes: { "better-sqlite3": "SQLITE_CONSTRAINT_PRIMARYKEY", "sql.js": "SQLITE_CONSTRAINT_UNIQUE" },
			},
		],
	},
	{
		name: "P2003 when a foreign key points nowhere",
		async run(client) {
			const error = await failure(client.post.create({ data: { id: "orphan", title: "no author", authorId: 404 } }));
			assert.equal(error.code, "P2003");
			assert.equal(await client.post.count(), 0);
			return error;
		},
	},
	{
		name: "P2011 when the database refuses a null",
		async run(client, provider) {
			const error = await failure(client.note.create({ data: { id: 1 } }));
			assert.equal(error.code, "P2011");
			// SQLite's message names the column; PostgreSQL's names it only in prose, which adapter-pg does not read.
			assert.equal(
				error.message,
				byProvider(provider, {
					sqlite: "Null constraint violation on the fields: (`body`)",
					postgresql: "Null constraint violation on the (not available)",
				}),
			);
			return error;
		},
	},
	{
		name: "P2025 when update or delete finds no row",
		async run(client) {
			const update = await failure(client.author.update({ where: { id: 404 }, data: { name: "x" } }));
			const remove = await failure(client.post.delete({ where: { id: "missing" } }));
			assert.equal(update.code, "P2025");
			assert.equal(remove.code, "P2025");
			return { update, remove };
		},
	},
	{
		name: "P2021 for a missing table and P2022 for a missing column",
		async run(client) {
			const table = await failure(client.phantom.findMany());
			const column = await failure(client.ghost.findMany());
			assert.equal(table.code, "P2021");
			assert.equal(column.code, "P2022");
			return { table, column };
		},
	},
	{
		name: "$queryRaw binds parameters and returns typed columns",
		async run(client, provider) {
			await client.author.create(author("raw1@x", { karma: beyondDoubles, rating: 2.5, avatar: new Uint8Array([9]) }));
			await client.author.create(author("raw2@x", { karma: 7n }));
			const minimum = 5n;
			// Columns whose declared type matches what their values say, so both adapters agree
			// (see the README for what differs with sql.js for other declared types). PostgreSQL
			// needs quoted table names and a type for a bare parameter (else it is text).
			const rows =
				provider === "sqlite"
					? await client.$queryRaw`
						SELECT email, karma, rating, avatar, COUNT(*) OVER () AS total, 'x' || ${"y"} AS joined, ${1.5} AS half
						FROM Author WHERE karma > ${minimum} ORDER BY karma DESC`
					: await client.$queryRaw`
						SELECT email, karma, rating, avatar, COUNT(*) OVER () AS total, 'x' || ${"y"} AS joined, ${1.5}::float8 AS half
						FROM "Author" WHERE karma > ${minimum} ORDER BY karma DESC`;
			assert.deepEqual(rows, [
				{ email: "raw1@x", karma: beyondDoubles, rating: 2.5, avatar: new Uint8Array([9]), total: 2n, joined: "xy", half: 1.5 },
				{ email: "raw2@x", karma: 7n, rating: null, avatar: null, total: 2n, joined: "xy", half: 1.5 },
			]);
			const changed =
				provider === "sqlite"
					? await client.$executeRaw`UPDATE Author SET name = ${"raw"} WHERE karma < ${100}`
					: await client.$executeRaw`UPDATE "Author" SET name = ${"raw"} WHERE karma < ${100}`;
			assert.equal(changed, 1);
			const ddl = await client.$executeRaw`CREATE TABLE Scratch (id INTEGER)`;
			assert.equal(ddl, 0);
			return { rows, changed, ddl };
		},
	},
	{
		name: "count, aggregate and groupBy",
		async run(client) {
			await seedAuthorWithPosts(client);
			await client.author.create({
				data: { email: "b@x", joinedAt, karma: twoToThe62, posts: { create: { id: "p9", title: "t", views: 7 } } },
			});
			const count = await client.post.count();
			const filtered = await client.post.count({ where: { views: { gt: 5 } } });
			const aggregate = await client.post.aggregate({ _sum: { views: true }, _max: { views: true }, _count: { _all: true } });
			const karma = await client.author.aggregate({ _max: { karma: true }, _min: { karma: true } });
			const groups = await client.post.groupBy({ by: ["authorId"], _count: { _all: true }, orderBy: { authorId: "asc" } });
			assert.equal(count, 3);
			assert.equal(filtered, 2);
			assert.deepEqual(aggregate, { _sum: { views: 20 }, _max: { views: 10 }, _count: { _all: 3 } });
			assert.deepEqual(karma, { _max: { karma: twoToThe62 }, _min: { karma: 0n } });
			assert.deepEqual(groups, [
				{ authorId: 1, _count: { _all: 2 } },
				{ authorId: 2, _count: { _all: 1 } },
			]);
			return { count, filtered, aggregate, karma, groups };
		},
	},
];

async function seedPostsForFilter(client: SuiteClient): Promise<Row[]> {
	await client.post.create({ data: { id: "f1", title: "popular", views: 50, authorId: 1 } });
	await client.post.create({ data: { id: "f2", title: "quiet", views: 1, authorId: 2 } });
	const authors = await client.author.findMany({
		where: { posts: { some: { views: { gt: 10 } } } },
		select: { name: true, _count: { select: { posts: true } } },
	});
	assert.deepEqual(authors, [{ name: "Ada", _count: { posts: 1 } }]);
	return authors;
}
