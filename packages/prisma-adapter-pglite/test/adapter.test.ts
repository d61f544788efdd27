import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { before, describe, test } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { PrismaPGlite, type QueryEvent } from "../src/index.ts";
import { sql as q } from "../../prisma-adapter-sqljs/test/support/queries.ts";
import { openPGliteClient, sharedPGlite } from "./support/database.ts";

/** A second PGlite, started from a copy of the shared one's data directory (much faster than from nothing). */
async function anotherPGlite(): Promise<PGlite> {
	return PGlite.create({ loadDataDir: await (await sharedPGlite()).dumpDataDir("none") });
}

test("adapterName is the package's name, as Prisma's own adapters report theirs", async () => {
	const manifest = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as { name: string };
	const factory = new PrismaPGlite(await sharedPGlite());
	assert.equal(factory.adapterName, manifest.name);
	assert.equal((await factory.connect()).adapterName, manifest.name);
});

describe("transactions through a Prisma Client", () => {
	const events: QueryEvent[] = [];
	const statements = () =>
		events.map((event) => [event.sql.split(" ").slice(0, 4).join(" "), event.inTransaction, event.error?.code ?? null, event.transactionBoundary ?? null]);

	test("BEGIN, the isolation level, the statements and COMMIT reach the hook, in the transaction", async () => {
		const { client, close } = await openPGliteClient((event) => events.push(event));
		try {
			events.length = 0;
			await client.$transaction(async (tx) => tx.author.count(), { isolationLevel: "Serializable" });
			assert.deepStrictEqual(statements(), [
				["BEGIN", true, null, "begin"],
				["SET TRANSACTION ISOLATION LEVEL", true, null, null],
				["SELECT COUNT(*) AS \"_count$_all\"", true, null, null],
				["COMMIT", true, null, "end"],
			]);
		} finally {
			await close();
		}
	});

	test("a failing statement, then ROLLBACK; the statements after it run outside", async () => {
		const { client, close } = await openPGliteClient((event) => events.push(event));
		try {
			await client.author.create({ data: { email: "taken@x" } });
			events.length = 0;
			const creates = ["fresh@x", "taken@x"].map((email) => client.author.create({ data: { email } }));
			await assert.rejects(client.$transaction(creates), { code: "P2002" });
			await client.author.count();
			const insert = 'INSERT INTO "public"."Author" ("email","karma","verified","balance","joinedAt")';
			assert.deepStrictEqual(statements(), [
				["BEGIN", true, null, "begin"],
				[insert, true, null, null],
				[insert, true, "23505", null],
				["ROLLBACK", true, null, "end"],
				["SELECT COUNT(*) AS \"_count$_all\"", false, null, null],
			]);
			assert.equal(events[2]?.error?.kind, "UniqueConstraintViolation");
			assert.equal(events[2]?.args[0], "taken@x");
		} finally {
			await close();
		}
	});
});

describe("transactions through the driver adapter", () => {
	let adapter: SqlDriverAdapter;
	before(async () => {
		adapter = await new PrismaPGlite(await sharedPGlite()).connect();
		await adapter.executeScript('DROP TABLE IF EXISTS "Counter"; CREATE TABLE "Counter" ("n" INT);');
	});

	test("a statement outside waits until the open transaction ends, so it never joins it", async () => {
		await adapter.executeRaw(q('DELETE FROM "Counter"'));
		const transaction = await adapter.startTransaction();
		await transaction.executeRaw(q('INSERT INTO "Counter" VALUES (1)'));
		let outsideDone = false;
		const outside = adapter.queryRaw(q('SELECT count(*)::int AS n FROM "Counter"')).then((result) => {
			outsideDone = true;
			return result.rows;
		});
		await transaction.executeRaw(q('INSERT INTO "Counter" VALUES (2)'));
		assert.equal(outsideDone, false, "the outside statement ran while the transaction was open");
		await transaction.executeRaw(q("ROLLBACK"));
		await transaction.rollback();
		assert.deepStrictEqual(await outside, [[0]]);
	});

	test("commit() sends COMMIT when Prisma did not, and the transaction is closed after it", async () => {
		await adapter.executeRaw(q('DELETE FROM "Counter"'));
		const transaction = await adapter.startTransaction("READ COMMITTED");
		await transaction.executeRaw(q('INSERT INTO "Counter" VALUES (3)'));
		await transaction.commit();
		assert.deepStrictEqual((await adapter.queryRaw(q('SELECT n FROM "Counter"'))).rows, [[3]]);
		await assert.rejects(transaction.executeRaw(q("SELECT 1")), (error: { cause?: { kind?: string } }) => error.cause?.kind === "TransactionAlreadyClosed");
	});

	test("savepoints roll back part of a transaction", async () => {
		await adapter.executeRaw(q('DELETE FROM "Counter"'));
		const transaction = await adapter.startTransaction();
		await transaction.executeRaw(q('INSERT INTO "Counter" VALUES (1)'));
		await transaction.createSavepoint?.("s1");
		await transaction.executeRaw(q('INSERT INTO "Counter" VALUES (2)'));
		await transaction.rollbackToSavepoint?.("s1");
		await transaction.releaseSavepoint?.("s1");
		await transaction.executeRaw(q("COMMIT"));
		await transaction.commit();
		assert.deepStrictEqual((await adapter.queryRaw(q('SELECT n FROM "Counter"'))).rows, [[1]]);
	});

	test("an isolation level PostgreSQL does not have is refused before BEGIN", async () => {
		await assert.rejects(adapter.startTransaction("SNAPSHOT"), (error: { cause?: unknown }) => {
			assert.deepStrictEqual(error.cause, { kind: "InvalidIsolationLevel", level: "SNAPSHOT" });
			return true;
		});
		assert.deepStrictEqual((await adapter.queryRaw(q("SELECT 1::int AS one"))).rows, [[1]], "the lock was not kept");
	});

	test("PostgreSQL is told it may load relations with joins", () => {
		assert.equal(adapter.getConnectionInfo?.().supportsRelationJoins, true);
	});
});

describe("the query hook", () => {
	test("an exception in the hook is ignored", async () => {
		const adapter = await new PrismaPGlite(await sharedPGlite(), {
			onQuery: () => {
				throw new Error("hook fails");
			},
		}).connect();
		assert.deepStrictEqual((await adapter.queryRaw(q("SELECT $1::int AS n", 5))).rows, [[5]]);
	});

	test("executeScript is one event with the whole script, after it has run", async () => {
		const events: QueryEvent[] = [];
		const adapter = await new PrismaPGlite(await sharedPGlite(), { onQuery: (event) => events.push(event) }).connect();
		await adapter.executeScript("SELECT 1; SELECT 2;");
		assert.deepStrictEqual(events.map(({ sql, args, inTransaction }) => ({ sql, args, inTransaction })), [
			{ sql: "SELECT 1; SELECT 2;", args: [], inTransaction: false },
		]);
	});
});

describe("where the database comes from, and when it is closed", () => {
	test("a PGlite passed in stays open after dispose; the caller closing it gives ConnectionClosed", async () => {
		const db = await anotherPGlite();
		const factory = new PrismaPGlite(db);
		assert.equal(factory.database, db);
		const adapter = await factory.connect();
		await adapter.dispose();
		assert.equal(db.closed, false);
		await db.close();
		await assert.rejects(adapter.queryRaw(q("SELECT 1")), (error: { cause?: { kind?: string } }) => error.cause?.kind === "ConnectionClosed");
	});

	test("a PGlite the adapter created is closed on dispose, and the next connect creates a new one", async () => {
		const created: PGlite[] = [];
		const factory = new PrismaPGlite(async () => {
			const db = await anotherPGlite();
			created.push(db);
			return db;
		});
		assert.equal(factory.database, undefined);
		const first = await factory.connect();
		await first.executeScript('CREATE TABLE "OnlyInFirst" ("id" INT)');
		await first.dispose();
		assert.equal(created[0]?.closed, true);
		const second = await factory.connect();
		assert.notEqual(created[1], created[0]);
		const tables = await second.queryRaw(q("SELECT count(*)::int FROM pg_tables WHERE tablename = 'OnlyInFirst'"));
		assert.deepStrictEqual(tables.rows, [[0]]);
		await second.dispose();
	});

	test("the shadow database is a fresh one, not reported to the hook, and closed when disposed", async () => {
		const events: QueryEvent[] = [];
		let shadow: PGlite | undefined;
		const factory = new PrismaPGlite(await sharedPGlite(), {
			onQuery: (event) => events.push(event),
			shadowDatabase: async () => (shadow = await anotherPGlite()),
		});
		const adapter = await factory.connectToShadowDb();
		await adapter.executeScript('CREATE TABLE "ShadowOnly" ("id" INT)');
		assert.deepStrictEqual(events, []);
		assert.equal(shadow?.closed, false);
		await adapter.dispose();
		assert.equal(shadow?.closed, true);
	});
});
