import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type AdapterName, openClient } from "./support/database.ts";
import type { SuiteClient } from "@internal/driver-adapter-suite";

/**
 * What the README's `$queryRaw` caveat says, proved: sql.js cannot read a column's declared type,
 * so raw results are typed by their values (INTEGER → BigInt, REAL → number, TEXT → string,
 * BLOB → Uint8Array), where better-sqlite3 follows the declared type. Model queries are not
 * affected: the client types their results by the schema (see the shared suite).
 */
const joinedAt = new Date("2024-05-06T07:08:09.010Z");

async function rawRow(adapter: AdapterName): Promise<Record<string, unknown>> {
	const { client, close } = await openClient(adapter);
	try {
		await seed(client);
		const rows = await client.$queryRaw`SELECT id, verified, joinedAt, balance, settings, karma, rating, email FROM Author`;
		assert.equal(rows.length, 1);
		return rows[0] ?? {};
	} finally {
		await close();
	}
}

async function seed(client: SuiteClient): Promise<void> {
	await client.author.create({
		data: { email: "raw@x", verified: true, joinedAt, balance: "2.5", settings: { a: 1 }, karma: 5n, rating: 1.25 },
	});
}

describe("$queryRaw result types", () => {
	test("columns declared INTEGER, BOOLEAN, DATETIME, DECIMAL and JSONB come back by value on sql.js", async () => {
		assert.deepStrictEqual(await rawRow("sql.js"), {
			id: 1n,
			verified: 1n,
			joinedAt: "2024-05-06T07:08:09.010+00:00",
			balance: 2.5,
			settings: '{"a":1}',
			karma: 5n,
			rating: 1.25,
			email: "raw@x",
		});
	});

	test("the same query on better-sqlite3 follows the declared types", async () => {
		const row = await rawRow("better-sqlite3");
		assert.equal(row["id"], 1);
		assert.equal(row["verified"], true);
		assert.deepStrictEqual(row["joinedAt"], joinedAt);
		assert.equal(String(row["balance"]), "2.5");
		assert.deepStrictEqual(row["settings"], { a: 1 });
		assert.equal(row["karma"], 5n);
		assert.equal(row["rating"], 1.25);
		assert.equal(row["email"], "raw@x");
	});

	test("the same values through a model query are typed by the schema on sql.js", async () => {
		const { client, close } = await openClient("sql.js");
		try {
			await seed(client);
			const row = await client.author.findUnique({ where: { email: "raw@x" } });
			assert.equal(row?.["id"], 1);
			assert.equal(row?.["verified"], true);
			assert.deepStrictEqual(row?.["joinedAt"], joinedAt);
			assert.equal(String(row?.["balance"]), "2.5");
			assert.deepStrictEqual(row?.["settings"], { a: 1 });
		} finally {
			await close();
		}
	});
});
