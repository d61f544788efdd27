import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type ArgScalarType, type ArgType, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { columnTypeOf, parseCell, toPgText, UnsupportedColumnType } from "../src/conversion.ts";

const scalar = (scalarType: ArgScalarType, dbType?: string): ArgType => ({ scalarType, arity: "scalar", ...(dbType ? { dbType } : {}) });
const list = (scalarType: ArgScalarType): ArgType => ({ scalarType, arity: "list" });
const at = new Date(Date.UTC(2024, 1, 29, 3, 4, 5, 6));

describe("toPgText: what PostgreSQL receives, as adapter-pg and node-postgres send it", () => {
	const cases: Array<[string, unknown, ArgType | undefined, string | null]> = [
		["null stays NULL", null, scalar("string"), null],
		["undefined becomes NULL", undefined, scalar("int"), null],
		["text stays text", "héllo", scalar("string"), "héllo"],
		["enum text stays text", "ADMIN", scalar("enum"), "ADMIN"],
		["json text goes as it is (Prisma serialised it)", '{"a":[1,"x"]}', scalar("json"), '{"a":[1,"x"]}'],
		["a number becomes its decimal text", 42, scalar("int"), "42"],
		["a fraction keeps its digits", 0.1, scalar("float"), "0.1"],
		["decimal text goes as it is", "1234.500", scalar("decimal"), "1234.500"],
		["a bigint beyond 2^53 keeps every digit", 2n ** 63n - 1n, scalar("bigint"), "9223372036854775807"],
		["true becomes true", true, scalar("boolean"), "true"],
		["false becomes false", false, scalar("boolean"), "false"],
		["a Date becomes UTC date and time with milliseconds", at, scalar("datetime"), "2024-02-29 03:04:05.006"],
		["datetime text becomes UTC date and time", "2024-02-29T03:04:05.000Z", scalar("datetime"), "2024-02-29 03:04:05"],
		["a Date for @db.Date becomes the date alone", at, scalar("datetime", "DATE"), "2024-02-29"],
		["a Date for @db.Time becomes the time alone", at, scalar("datetime", "TIME"), "03:04:05.006"],
		["a Date for @db.Timetz becomes the time alone", at, scalar("datetime", "TIMETZ"), "03:04:05.006"],
		["base64 bytes become bytea hex", "AAH/", scalar("bytes"), "\\x0001ff"],
		["empty base64 becomes empty bytea", "", scalar("bytes"), "\\x"],
		["a Uint8Array becomes bytea hex", new Uint8Array([16, 32]), scalar("bytes"), "\\x1020"],
		["an ArrayBuffer becomes bytea hex", new Uint8Array([255]).buffer, scalar("bytes"), "\\xff"],
		["an object becomes JSON", { a: 1 }, scalar("json"), '{"a":1}'],
		["a list becomes an array literal with quoted elements", ["a", 'b"c', "d\\e", null], list("string"), '{"a","b\\"c","d\\\\e",NULL}'],
		["a list of numbers", [1, 2.5], list("float"), '{"1","2.5"}'],
		["a list of dates", [at], list("datetime"), '{"2024-02-29 03:04:05.006"}'],
		["a list of base64 bytes", ["AQ=="], list("bytes"), "{\\\\x01}"],
		["a nested list", [[1], [2]], list("int"), '{{"1"},{"2"}}'],
		["text without an argument type stays text", "12", undefined, "12"],
	];
	for (const [name, arg, type, expected] of cases) {
		test(name, () => assert.deepStrictEqual(toPgText(arg, type), expected));
	}
});

describe("parseCell: what Prisma gets back, as adapter-pg returns it", () => {
	const cases: Array<[string, string, number, unknown]> = [
		["int2 becomes a number", "-7", 21, -7],
		["int4 becomes a number", "2147483647", 23, 2147483647],
		["oid becomes a number", "16384", 26, 16384],
		["int8 stays text (a double cannot hold every int8)", "9007199254740993", 20, "9007199254740993"],
		["float4 becomes a number", "1.5", 700, 1.5],
		["float8 becomes a number", "-0.25", 701, -0.25],
		["float8 Infinity", "Infinity", 701, Infinity],
		["numeric stays text", "1234.500000", 1700, "1234.500000"],
		["money loses its currency sign", "$5.00", 790, "5.00"],
		["bool t is true", "t", 16, true],
		["bool f is false", "f", 16, false],
		["bytea hex becomes bytes", "\\x00ff10", 17, new Uint8Array([0, 255, 16])],
		["empty bytea", "\\x", 17, new Uint8Array(0)],
		["timestamp gets T and +00:00", "2024-02-29 03:04:05.006", 1114, "2024-02-29T03:04:05.006+00:00"],
		["timestamptz gets T and its offset becomes +00:00", "2024-02-29 03:04:05.006+00", 1184, "2024-02-29T03:04:05.006+00:00"],
		["date stays text", "2024-02-29", 1082, "2024-02-29"],
		["time stays text", "03:04:05.006", 1083, "03:04:05.006"],
		["timetz loses its offset", "03:04:05+02", 1266, "03:04:05"],
		["json stays text", '{"a": 1}', 114, '{"a": 1}'],
		["jsonb stays text", '{"a": 1}', 3802, '{"a": 1}'],
		["uuid stays text", "0b4c7b4e-0000-4000-8000-000000000000", 2950, "0b4c7b4e-0000-4000-8000-000000000000"],
		["an enum (a user type) stays text", "ADMIN", 16390, "ADMIN"],
		["int4[] becomes numbers", "{1,NULL,3}", 1007, [1, null, 3]],
		["int8[] stays text", "{9007199254740993}", 1016, ["9007199254740993"]],
		["float8[] becomes numbers", "{1.5,2}", 1022, [1.5, 2]],
		["numeric[] stays text", "{1.50}", 1231, ["1.50"]],
		["bool[] becomes booleans", "{t,f}", 1000, [true, false]],
		["text[] unquotes its elements", '{a,"b c","d\\"e",NULL}', 1009, ["a", "b c", 'd"e', null]],
		["bytea[] becomes bytes", '{"\\\\x01"}', 1001, [new Uint8Array([1])]],
		["timestamp[] gets T and +00:00", '{"2024-02-29 03:04:05"}', 1115, ["2024-02-29T03:04:05+00:00"]],
		["jsonb[] stays text", '{"{\\"a\\": 1}"}', 3807, ['{"a": 1}']],
		["nested int4[] keeps its shape", "{{1,2},{3,4}}", 1007, [[1, 2], [3, 4]]],
		["char[] is not parsed (node-postgres has no parser for it)", "{a,b}", 1002, "{a,b}"],
	];
	for (const [name, text, oid, expected] of cases) {
		test(name, () => assert.deepStrictEqual(parseCell(text, oid), expected));
	}
});

describe("columnTypeOf: how Prisma reads a result column", () => {
	const cases: Array<[string, number, number]> = [
		["int4", 23, ColumnTypeEnum.Int32],
		["int8", 20, ColumnTypeEnum.Int64],
		["float8", 701, ColumnTypeEnum.Double],
		["numeric", 1700, ColumnTypeEnum.Numeric],
		["bool", 16, ColumnTypeEnum.Boolean],
		["timestamp", 1114, ColumnTypeEnum.DateTime],
		["timestamptz", 1184, ColumnTypeEnum.DateTime],
		["date", 1082, ColumnTypeEnum.Date],
		["jsonb", 3802, ColumnTypeEnum.Json],
		["bytea", 17, ColumnTypeEnum.Bytes],
		["uuid", 2950, ColumnTypeEnum.Uuid],
		["name (catalog queries)", 19, ColumnTypeEnum.Text],
		["text[]", 1009, ColumnTypeEnum.TextArray],
		["int8[]", 1016, ColumnTypeEnum.Int64Array],
		["an enum", 20000, ColumnTypeEnum.Text],
	];
	for (const [name, oid, expected] of cases) {
		test(name, () => assert.equal(columnTypeOf(oid), expected));
	}

	test("a built-in type Prisma cannot read is refused by name", () => {
		assert.throws(() => columnTypeOf(1186), (error: unknown) => error instanceof UnsupportedColumnType && error.type === "interval");
		assert.throws(() => columnTypeOf(9), (error: unknown) => error instanceof UnsupportedColumnType && error.type === "Unknown");
	});
});
