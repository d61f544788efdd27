import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type ArgScalarType, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { type Cell, inferColumnTypes, toBindValue, toResultCell } from "../src/conversion.ts";
import { loadSqlJs } from "./support/database.ts";

const scalar = (scalarType: ArgScalarType) => ({ scalarType, arity: "scalar" as const });

describe("toBindValue", () => {
	const cases: Array<[string, unknown, ArgScalarType, unknown]> = [
		["null stays null", null, "string", null],
		["undefined becomes null", undefined, "int", null],
		["plain text stays text", "hello", "string", "hello"],
		["enum text stays text", "ADMIN", "enum", "ADMIN"],
		["json text stays text", '{"a":1}', "json", '{"a":1}'],
		["int text becomes a number", "42", "int", 42],
		["float text becomes a number", "1.5", "float", 1.5],
		["decimal text becomes a number, as in Prisma's SQLite adapters", "0.1", "decimal", 0.1],
		["bigint text that a double holds becomes a number", "-123", "bigint", -123],
		["bigint text beyond 2^53 stays exact decimal text", "9007199254740993", "bigint", "9007199254740993"],
		["bigint text of 2^62 stays exact decimal text", "4611686018427387904", "bigint", "4611686018427387904"],
		["bigint text of -2^63 stays exact decimal text", "-9223372036854775808", "bigint", "-9223372036854775808"],
		["a bigint that a double holds becomes a number", 2n ** 53n - 1n, "bigint", 9007199254740991],
		["a bigint beyond 2^53 becomes decimal text", 2n ** 53n + 1n, "bigint", "9007199254740993"],
		["a number stays a number", 2.25, "float", 2.25],
		["true becomes 1", true, "boolean", 1],
		["false becomes 0", false, "boolean", 0],
		["datetime text becomes ISO 8601 with +00:00", "2024-02-29T12:00:00Z", "datetime", "2024-02-29T12:00:00.000+00:00"],
		["a Date becomes ISO 8601 with +00:00", new Date(Date.UTC(2001, 0, 2, 3, 4, 5, 6)), "datetime", "2001-01-02T03:04:05.006+00:00"],
		["base64 bytes become a Uint8Array", "AAH/", "bytes", new Uint8Array([0, 1, 255])],
		["empty base64 becomes an empty Uint8Array", "", "bytes", new Uint8Array(0)],
		["a Uint8Array stays as it is", new Uint8Array([7]), "bytes", new Uint8Array([7])],
		["an ArrayBuffer becomes a Uint8Array", new Uint8Array([1, 2]).buffer, "bytes", new Uint8Array([1, 2])],
	];
	for (const [name, arg, type, expected] of cases) {
		test(name, () => assert.deepStrictEqual(toBindValue(arg, scalar(type)), expected));
	}

	test("text without an argument type stays text", () => {
		assert.equal(toBindValue("12", undefined), "12");
	});

	for (const [name, arg] of [
		["an array", [1, 2]],
		["a plain object", { a: 1 }],
	] as const) {
		test(`${name} is refused with a TypeError naming its type`, () => {
			assert.throws(() => toBindValue(arg, scalar("unknown")), { name: "TypeError", message: /Cannot bind a value of type (array|Object)/ });
		});
	}
});

describe("toResultCell", () => {
	const cases: Array<[string, Cell, unknown]> = [
		["a bigint that a double holds becomes a number", 42n, 42],
		["a negative bigint that a double holds becomes a number", -(2n ** 53n - 1n), -9007199254740991],
		["a bigint beyond 2^53 becomes decimal text", 2n ** 62n, "4611686018427387904"],
		["a real stays a number", 1.5, 1.5],
		["text stays text", "x", "x"],
		["bytes stay bytes", new Uint8Array([1]), new Uint8Array([1])],
		["null stays null", null, null],
	];
	for (const [name, cell, expected] of cases) {
		test(name, () => assert.deepStrictEqual(toResultCell(cell), expected));
	}
});

describe("inferColumnTypes", () => {
	const cases: Array<[string, Cell[][], number[]]> = [
		["integers are Int64", [[1n], [2n]], [ColumnTypeEnum.Int64]],
		["reals are Double", [[1.5]], [ColumnTypeEnum.Double]],
		["integers mixed with reals are Double", [[1n], [2.5], [3n]], [ColumnTypeEnum.Double]],
		["text is Text", [["a"]], [ColumnTypeEnum.Text]],
		["blobs are Bytes", [[new Uint8Array([1])]], [ColumnTypeEnum.Bytes]],
		["nulls are skipped to the first value", [[null], [null], ["a"]], [ColumnTypeEnum.Text]],
		["a column of nulls is Int32, as in Prisma's SQLite adapters", [[null], [null]], [ColumnTypeEnum.Int32]],
		["no rows at all give Int32 columns", [], [ColumnTypeEnum.Int32, ColumnTypeEnum.Int32]],
		["otherwise mixed columns follow their first value", [["1"], [2n]], [ColumnTypeEnum.Text]],
		["each column is inferred on its own", [[1n, "a", null]], [ColumnTypeEnum.Int64, ColumnTypeEnum.Text, ColumnTypeEnum.Int32]],
	];
	for (const [name, rows, expected] of cases) {
		test(name, () => assert.deepStrictEqual(inferColumnTypes(expected.length, rows), expected));
	}
});

describe("what SQLite stores for the bound values", () => {
	test("a bigint beyond 2^53, bound as text, is stored in a BIGINT column as the exact INTEGER", async () => {
		const SQL = await loadSqlJs();
		const db = new SQL.Database();
		try {
			db.run('CREATE TABLE t ("n" BIGINT)');
			for (const value of [2n ** 53n + 1n, 2n ** 62n, -(2n ** 63n), 2n ** 63n - 1n]) {
				const bound = toBindValue(value.toString(), scalar("bigint"));
				assert.equal(typeof bound, "string");
				db.run("INSERT INTO t VALUES (?)", [bound as string]);
			}
			const statement = db.prepare("SELECT typeof(n), CAST(n AS TEXT) FROM t");
			const rows: unknown[][] = [];
			while (statement.step()) rows.push(statement.get());
			statement.free();
			assert.deepEqual(rows, [
				["integer", "9007199254740993"],
				["integer", "4611686018427387904"],
				["integer", "-9223372036854775808"],
				["integer", "9223372036854775807"],
			]);
		} finally {
			db.close();
		}
	});

	test("a number beyond 32 bits that a double holds is stored in an INTEGER column as an INTEGER", async () => {
		const SQL = await loadSqlJs();
		const db = new SQL.Database();
		try {
			db.run('CREATE TABLE t ("n" INTEGER)');
			db.run("INSERT INTO t VALUES (?)", [toBindValue(2n ** 40n, scalar("bigint")) as number]);
			assert.deepEqual(db.exec("SELECT typeof(n), n FROM t")[0]?.values, [["integer", 2 ** 40]]);
		} finally {
			db.close();
		}
	});
});
