import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { ArgType, SqlDriverAdapter, SqlResultSet } from "@prisma/driver-adapter-utils";
import { pgAdapter, pgliteAdapter } from "./support/adapters.ts";
import { postgresServerUrl } from "./support/database.ts";

/**
 * Every type Prisma reads from PostgreSQL, selected through this adapter and through
 * @prisma/adapter-pg on a server: the column names, column types and values must be the same.
 * The one difference is the class of bytes: node-postgres gives a Buffer (a Uint8Array
 * subclass), this adapter a plain Uint8Array, since it runs where there is no Buffer.
 */
const everyType = `SELECT
	1::int2 AS int2, 2147483647::int4 AS int4, 9223372036854775807::int8 AS int8, 42::oid AS oid,
	1.5::float4 AS float4, -0.125::float8 AS float8, 'NaN'::float8 AS nan, 1234.5000::numeric(10,4) AS numeric, 5.25::money AS money,
	true AS bool, '\\x00ff'::bytea AS bytea, 'text'::text AS text, 'v'::varchar(3) AS varchar, 'c'::char(3) AS bpchar,
	'2024-02-29'::date AS date, '03:04:05.006'::time AS time, '03:04:05+02'::timetz AS timetz,
	'2024-02-29 03:04:05.006'::timestamp AS timestamp, '2024-02-29 03:04:05.006+00'::timestamptz AS timestamptz,
	'{"b": [1, "x"], "a": null}'::json AS json, '{"b": [1, "x"], "a": null}'::jsonb AS jsonb,
	'0b4c7b4e-0000-4000-8000-000000000000'::uuid AS uuid, B'101' AS bit, '10.0.0.1'::inet AS inet, 'pg_class'::name AS name,
	ARRAY[1, NULL, 3]::int4[] AS int4s, ARRAY[9223372036854775807]::int8[] AS int8s, ARRAY[1.5, 2]::float8[] AS float8s,
	ARRAY[1.50]::numeric[] AS numerics, ARRAY[true, false] AS bools, ARRAY['a', 'b c', 'd"e', NULL] AS texts,
	ARRAY['\\x01'::bytea] AS byteas, ARRAY['2024-02-29 03:04:05'::timestamp] AS timestamps, ARRAY['2024-02-29'::date] AS dates,
	ARRAY['{"a": 1}'::jsonb] AS jsonbs, ARRAY['0b4c7b4e-0000-4000-8000-000000000000'::uuid] AS uuids,
	NULL::text AS nothing`;

const parameters = `SELECT $1::text AS text, $2::int4 AS int4, $3::int8 AS int8, $4::float8 AS float8, $5::numeric AS numeric,
	$6::bool AS bool, $7::timestamp AS timestamp, $8::date AS date, $9::jsonb AS jsonb, $10::bytea AS bytea,
	$11::text[] AS texts, $12::int4[] AS int4s, $13::text AS nothing`;

const argTypes: ArgType[] = [
	{ scalarType: "string", arity: "scalar" },
	{ scalarType: "int", arity: "scalar" },
	{ scalarType: "bigint", arity: "scalar" },
	{ scalarType: "float", arity: "scalar" },
	{ scalarType: "decimal", arity: "scalar" },
	{ scalarType: "boolean", arity: "scalar" },
	{ scalarType: "datetime", arity: "scalar" },
	{ scalarType: "datetime", arity: "scalar", dbType: "DATE" },
	{ scalarType: "json", arity: "scalar" },
	{ scalarType: "bytes", arity: "scalar" },
	{ scalarType: "string", arity: "list" },
	{ scalarType: "int", arity: "list" },
	{ scalarType: "string", arity: "scalar" },
];
const args = [
	'quote " and \\ backslash', 7, 9223372036854775807n, 0.1, "12.340", true, "2024-02-29T03:04:05.006Z",
	new Date("2024-02-29T00:00:00Z"), '{"a": [1, "x"]}', "AAH/", ["a", 'b"c', null], [1, 2], null,
];

/** Buffers (node-postgres) become plain Uint8Arrays, so the two results can be compared. */
function plainBytes(value: unknown): unknown {
	if (value instanceof Uint8Array) return new Uint8Array(value);
	if (Array.isArray(value)) return value.map(plainBytes);
	return value;
}

function comparable(result: SqlResultSet): SqlResultSet {
	return { ...result, rows: result.rows.map((row) => row.map(plainBytes)) };
}

if (postgresServerUrl() === undefined) {
	console.log("SKIPPED: PGlite's raw values compared with @prisma/adapter-pg's: DATABASE_URL_POSTGRES is not set and no server was started (npm test starts one)");
} else {
	describe("raw results: PGlite and @prisma/adapter-pg give the same", () => {
		let ours: SqlDriverAdapter;
		let theirs: SqlDriverAdapter;
		before(async () => {
			[ours, theirs] = await Promise.all([pgliteAdapter(), pgAdapter()]);
		});
		after(() => theirs?.dispose());

		test("column names, column types and values of every type Prisma reads", async () => {
			const query = { sql: everyType, args: [], argTypes: [] };
			const [mine, reference] = await Promise.all([ours.queryRaw(query), theirs.queryRaw(query)]);
			assert.ok(reference.rows[0]?.[10] instanceof Buffer, "node-postgres gives bytes as a Buffer");
			assert.ok(mine.rows[0]?.[10] instanceof Uint8Array && !(mine.rows[0]?.[10] instanceof Buffer));
			assert.deepStrictEqual(comparable(mine), comparable(reference));
		});

		test("parameters of every kind Prisma sends arrive as the same values", async () => {
			const query = { sql: parameters, args, argTypes };
			const [mine, reference] = await Promise.all([ours.queryRaw(query), theirs.queryRaw(query)]);
			assert.deepStrictEqual(comparable(mine), comparable(reference));
			assert.equal(mine.rows[0]?.[2], "9223372036854775807");
		});

		test("a column type Prisma cannot read is refused the same way", async () => {
			const query = { sql: "SELECT '1 day'::interval AS i", args: [], argTypes: [] };
			const refusal = (run: Promise<unknown>) => run.then(() => assert.fail("expected a refusal"), (error: { cause?: unknown }) => error.cause);
			const [mine, reference] = await Promise.all([refusal(ours.queryRaw(query)), refusal(theirs.queryRaw(query))]);
			assert.deepStrictEqual(mine, { kind: "UnsupportedNativeDataType", type: "interval" });
			assert.deepStrictEqual(mine, reference);
		});
	});
}
