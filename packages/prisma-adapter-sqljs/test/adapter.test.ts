import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { before, describe, test } from "node:test";
import { DriverAdapterError, type IsolationLevel } from "@prisma/driver-adapter-utils";
import type { SqlJsStatic } from "sql.js";
import { PrismaSqlJs } from "../src/index.ts";
import { loadSqlJs } from "./support/database.ts";
import { rowsOf, sql } from "./support/queries.ts";

let SQL: SqlJsStatic;
before(async () => {
	SQL = await loadSqlJs();
});

/** An adapter over a fresh in-memory database with one table. */
async function connectFresh(options: ConstructorParameters<typeof PrismaSqlJs>[1] = {}) {
	const factory = new PrismaSqlJs({ sqlJs: SQL }, options);
	const adapter = await factory.connect();
	await adapter.executeScript('CREATE TABLE "Item" ("id" INTEGER PRIMARY KEY, "name" TEXT NOT NULL UNIQUE)');
	return { factory, adapter };
}

function driverErrorKind(error: unknown): string | undefined {
	return error instanceof DriverAdapterError ? error.cause.kind : undefined;
}

describe("the factory", () => {
	test("is a SQLite adapter named after its package", async () => {
		const packageJson = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as { name: string };
		const factory = new PrismaSqlJs({ sqlJs: SQL });
		assert.equal(factory.provider, "sqlite");
		assert.equal(factory.adapterName, packageJson.name);
		assert.equal(factory.adapterName, "@lucia-prisma/adapter-sqljs");
	});

	test("loads sql.js through a loader function only once, for the database and its shadows", async () => {
		let loads = 0;
		const factory = new PrismaSqlJs({
			sqlJs: async () => {
				loads += 1;
				return SQL;
			},
		});
		assert.equal(factory.database, undefined);
		const adapter = await factory.connect();
		await factory.connectToShadowDb();
		await factory.connect();
		assert.equal(loads, 1);
		assert.notEqual(factory.database, undefined);
		await adapter.dispose();
	});

	test("turns SQLite's foreign keys on, unless told not to", async () => {
		const on = await new PrismaSqlJs({ sqlJs: SQL }).connect();
		const off = await new PrismaSqlJs({ sqlJs: SQL }, { foreignKeys: false }).connect();
		assert.deepEqual(await rowsOf(on, "PRAGMA foreign_keys"), [[1]]);
		assert.deepEqual(await rowsOf(off, "PRAGMA foreign_keys"), [[0]]);
	});

	test("reports sql.js's limit of bound values and no relation joins", async () => {
		const { adapter } = await connectFresh();
		const info = adapter.getConnectionInfo?.();
		assert.deepEqual(info, { maxBindValues: 32766, supportsRelationJoins: false });
		// One expression with `count` placeholders: `? IN (?, ?, …)`.
		const query = (count: number) =>
			sql(`SELECT ? IN (${Array.from({ length: count - 1 }, () => "?").join(",")})`, ...Array.from({ length: count }, (_, i) => i));
		assert.deepEqual((await adapter.queryRaw(query(32766))).rows, [[0]]);
		await assert.rejects(adapter.queryRaw(query(32767)), /too many SQL variables/);
	});

	test("exports the database's bytes, which a new factory opens again", async () => {
		const { factory, adapter } = await connectFresh();
		await adapter.executeRaw(sql(`INSERT INTO "Item" ("name") VALUES (?), (?)`, "a", "b"));
		const bytes = factory.export();
		assert.equal(new TextDecoder().decode(bytes.subarray(0, 15)), "SQLite format 3");
		const reopened = await new PrismaSqlJs({ sqlJs: SQL, data: bytes }).connect();
		assert.deepEqual(await rowsOf(reopened, `SELECT "name" FROM "Item" ORDER BY "id"`), [["a"], ["b"]]);
	});

	test("refuses to export while a transaction is writing", async () => {
		const { factory, adapter } = await connectFresh();
		const transaction = await adapter.startTransaction();
		await transaction.executeRaw(sql(`INSERT INTO "Item" ("name") VALUES ('x')`));
		assert.throws(() => factory.export(), /Unable to export/);
		await transaction.rollback();
		assert.ok(factory.export().length > 0);
	});

	test("cannot export before the database is open", () => {
		assert.throws(() => new PrismaSqlJs({ sqlJs: SQL }).export(), /not open yet/);
	});

	test("closes a database it opened on dispose, and opens the source again on the next connect", async () => {
		const { factory, adapter } = await connectFresh();
		await adapter.dispose();
		await assert.rejects(adapter.queryRaw(sql("SELECT 1")), (error) => driverErrorKind(error) === "ConnectionClosed");
		assert.equal(factory.database, undefined);
		const again = await factory.connect();
		assert.deepEqual(await rowsOf(again, `SELECT count(*) FROM sqlite_master WHERE name = 'Item'`), [[0]]);
	});

	test("leaves a database it was given open on dispose", async () => {
		const db = new SQL.Database();
		const factory = new PrismaSqlJs(db);
		assert.equal(factory.database, db);
		const adapter = await factory.connect();
		await adapter.dispose();
		assert.deepEqual(db.exec("SELECT 1")[0]?.values, [[1]]);
		db.close();
	});

	test("gives the schema engine a fresh, separate in-memory shadow database with foreign keys on", async () => {
		for (const factory of [new PrismaSqlJs({ sqlJs: SQL }), new PrismaSqlJs(new SQL.Database())]) {
			const main = await factory.connect();
			await main.executeScript('CREATE TABLE "OnlyInMain" ("id" INTEGER)');
			const shadow = await factory.connectToShadowDb();
			assert.deepEqual(await rowsOf(shadow, "SELECT count(*) FROM sqlite_master"), [[0]]);
			assert.deepEqual(await rowsOf(shadow, "PRAGMA foreign_keys"), [[1]]);
			await shadow.dispose();
			assert.deepEqual(await rowsOf(main, "SELECT count(*) FROM sqlite_master"), [[1]]);
		}
	});
});

describe("statements", () => {
	test("executeRaw counts changed rows, and zero for statements that change none", async () => {
		const { adapter } = await connectFresh();
		assert.equal(await adapter.executeRaw(sql(`INSERT INTO "Item" ("name") VALUES ('a'), ('b'), ('c')`)), 3);
		assert.equal(await adapter.executeRaw(sql(`UPDATE "Item" SET "name" = "name" || '!' WHERE "id" > ?`, 1)), 2);
		assert.equal(await adapter.executeRaw(sql(`CREATE TABLE "Other" ("x")`)), 0);
		assert.equal(await adapter.executeRaw(sql(`SELECT * FROM "Item"`)), 0);
		assert.equal(await adapter.executeRaw(sql(`DELETE FROM "Item"`)), 3);
	});

	test("queryRaw of a statement without result columns returns no columns and no rows", async () => {
		const { adapter } = await connectFresh();
		const result = await adapter.queryRaw(sql(`INSERT INTO "Item" ("name") VALUES ('a')`));
		assert.deepEqual(result, { columnNames: [], columnTypes: [], rows: [] });
		assert.deepEqual(await rowsOf(adapter, `SELECT "id", "name" FROM "Item"`), [[1, "a"]]);
	});

	test("executeScript runs every statement, and stops at the first that fails", async () => {
		const { adapter } = await connectFresh();
		await assert.rejects(
			adapter.executeScript(`
				INSERT INTO "Item" ("name") VALUES ('one');
				INSERT INTO "Item" ("name") VALUES ('two');
				INSERT INTO "Item" ("name") VALUES ('one');
				INSERT INTO "Item" ("name") VALUES ('never');`),
			(error) => driverErrorKind(error) === "UniqueConstraintViolation",
		);
		assert.deepEqual(await rowsOf(adapter, `SELECT "name" FROM "Item" ORDER BY "id"`), [["one"], ["two"]]);
	});

	test("errors that do not come from SQLite are rethrown unchanged", async () => {
		const { adapter } = await connectFresh();
		const odd = { toString: () => "odd" };
		await assert.rejects(adapter.queryRaw(sql("SELECT ?", odd)), { name: "TypeError", message: /Cannot bind a value of type Object/ });
	});
});

describe("transactions", () => {
	test("BEGIN, then Prisma's COMMIT and commit() keep the changes", async () => {
		const { adapter } = await connectFresh();
		const transaction = await adapter.startTransaction();
		assert.deepEqual(transaction.options, { usePhantomQuery: false });
		await transaction.executeRaw(sql(`INSERT INTO "Item" ("name") VALUES ('kept')`));
		await transaction.executeRaw(sql("COMMIT"));
		await transaction.commit();
		assert.deepEqual(await rowsOf(adapter, `SELECT "name" FROM "Item"`), [["kept"]]);
	});

	test("rollback() without a ROLLBACK statement sends one, so nothing stays open", async () => {
		const { adapter } = await connectFresh();
		const transaction = await adapter.startTransaction();
		await transaction.executeRaw(sql(`INSERT INTO "Item" ("name") VALUES ('dropped')`));
		await transaction.rollback();
		assert.deepEqual(await rowsOf(adapter, `SELECT count(*) FROM "Item"`), [[0]]);
		const next = await adapter.startTransaction();
		await next.rollback();
	});

	test("after a failed COMMIT, Prisma's rollback() really rolls back", async () => {
		const { adapter } = await connectFresh();
		await adapter.executeScript(`
			CREATE TABLE "Parent" ("id" INTEGER PRIMARY KEY);
			CREATE TABLE "Child" ("parentId" INTEGER REFERENCES "Parent" ("id") DEFERRABLE INITIALLY DEFERRED);`);
		const transaction = await adapter.startTransaction();
		await transaction.executeRaw(sql(`INSERT INTO "Child" VALUES (404)`));
		await assert.rejects(transaction.executeRaw(sql("COMMIT")), (error) => driverErrorKind(error) === "ForeignKeyConstraintViolation");
		await transaction.rollback();
		assert.deepEqual(await rowsOf(adapter, `SELECT count(*) FROM "Child"`), [[0]]);
		const next = await adapter.startTransaction();
		await next.rollback();
	});

	test("a closed transaction refuses further statements", async () => {
		const { adapter } = await connectFresh();
		const transaction = await adapter.startTransaction();
		await transaction.rollback();
		await assert.rejects(transaction.queryRaw(sql("SELECT 1")), (error) => driverErrorKind(error) === "TransactionAlreadyClosed");
	});

	test("a statement outside waits for the open transaction, so its rollback cannot take it along", async () => {
		const { adapter } = await connectFresh();
		const order: string[] = [];
		const transaction = await adapter.startTransaction();
		const outside = adapter.executeRaw(sql(`INSERT INTO "Item" ("name") VALUES ('outside')`)).then((changes) => {
			order.push("outside ran");
			return changes;
		});
		await transaction.executeRaw(sql(`INSERT INTO "Item" ("name") VALUES ('inside')`));
		order.push("inside ran");
		await transaction.executeRaw(sql("ROLLBACK"));
		await transaction.rollback();
		order.push("rolled back");
		assert.equal(await outside, 1);
		assert.deepEqual(order, ["inside ran", "rolled back", "outside ran"]);
		assert.deepEqual(await rowsOf(adapter, `SELECT "name" FROM "Item"`), [["outside"]]);
	});

	test("transactions do not interleave: the second begins when the first ends", async () => {
		const { adapter } = await connectFresh();
		const order: string[] = [];
		const first = await adapter.startTransaction();
		const second = adapter.startTransaction().then((transaction) => {
			order.push("second began");
			return transaction;
		});
		await first.executeRaw(sql(`INSERT INTO "Item" ("name") VALUES ('first')`));
		order.push("first wrote");
		await first.executeRaw(sql("COMMIT"));
		await first.commit();
		order.push("first committed");
		const transaction = await second;
		assert.deepEqual(order, ["first wrote", "first committed", "second began"]);
		assert.deepEqual(await rowsOf(transaction, `SELECT "name" FROM "Item"`), [["first"]]);
		await transaction.rollback();
	});

	for (const level of ["READ UNCOMMITTED", "READ COMMITTED", "REPEATABLE READ", "SNAPSHOT"] satisfies IsolationLevel[]) {
		test(`isolation level ${level} is rejected without taking the lock`, async () => {
			const { adapter } = await connectFresh();
			await assert.rejects(adapter.startTransaction(level), (error) => {
				assert.ok(error instanceof DriverAdapterError);
				assert.deepEqual(error.cause, { kind: "InvalidIsolationLevel", level });
				return true;
			});
			assert.deepEqual(await rowsOf(adapter, "SELECT 1"), [[1]]);
		});
	}

	test("SERIALIZABLE is what SQLite gives, and is accepted", async () => {
		const { adapter } = await connectFresh();
		const transaction = await adapter.startTransaction("SERIALIZABLE");
		await transaction.rollback();
	});

	test("savepoints roll back part of a transaction", async () => {
		const { adapter } = await connectFresh();
		const transaction = await adapter.startTransaction();
		await transaction.executeRaw(sql(`INSERT INTO "Item" ("name") VALUES ('a')`));
		await transaction.createSavepoint?.("sp_1");
		await transaction.executeRaw(sql(`INSERT INTO "Item" ("name") VALUES ('b')`));
		await transaction.rollbackToSavepoint?.("sp_1");
		await transaction.releaseSavepoint?.("sp_1");
		await transaction.executeRaw(sql("COMMIT"));
		await transaction.commit();
		assert.deepEqual(await rowsOf(adapter, `SELECT "name" FROM "Item"`), [["a"]]);
	});

	test("a savepoint name that is not a plain identifier is refused", async () => {
		const { adapter } = await connectFresh();
		const transaction = await adapter.startTransaction();
		await assert.rejects(transaction.createSavepoint?.("x; DROP TABLE Item") ?? Promise.resolve(), /Invalid savepoint name/);
		await transaction.rollback();
	});
});
