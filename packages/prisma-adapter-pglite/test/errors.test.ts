import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { convertPostgresError, isPostgresError } from "../src/errors.ts";
import { sql as q } from "../../prisma-adapter-sqljs/test/support/queries.ts";
import { causeOf, pgAdapter, pgliteAdapter } from "./support/adapters.ts";
import { postgresServerUrl } from "./support/database.ts";

const setup = `
DROP TABLE IF EXISTS "Child", "Parent", "Kept", "Person";
CREATE TABLE "Person" ("id" TEXT PRIMARY KEY, "email" TEXT NOT NULL UNIQUE, "nick" VARCHAR(3), "age" SMALLINT, "a" INT, "b" INT);
CREATE UNIQUE INDEX "Person_a_b_key" ON "Person" ("a", "b");
CREATE TABLE "Parent" ("id" INT PRIMARY KEY);
CREATE TABLE "Child" ("id" INT PRIMARY KEY, "parentId" INT NOT NULL REFERENCES "Parent" ("id") ON DELETE RESTRICT);
CREATE TABLE "Kept" ("id" INT PRIMARY KEY, "parentId" INT NOT NULL REFERENCES "Parent" ("id") ON DELETE NO ACTION);
INSERT INTO "Person" VALUES ('p1', 'a@x', 'ann', 30, 1, 1);
INSERT INTO "Parent" VALUES (1), (2);
INSERT INTO "Child" VALUES (1, 1);
INSERT INTO "Kept" VALUES (1, 2);
`;


/** Each error PostgreSQL raises, the statement that provokes it, and the cause Prisma must receive from this adapter. */
const provoked: Array<[string, string, Record<string, unknown>]> = [
	[
		"a duplicate primary key names the index and the table",
		`INSERT INTO "Person" VALUES ('p1', 'b@x')`,
		{ kind: "UniqueConstraintViolation", constraint: { index: "Person_pkey" }, table: "Person", originalCode: "23505" },
	],
	[
		"a duplicate in a unique column names its index",
		`INSERT INTO "Person" VALUES ('p2', 'a@x')`,
		{ kind: "UniqueConstraintViolation", constraint: { index: "Person_email_key" }, table: "Person", originalCode: "23505" },
	],
	[
		"a duplicate in a compound unique index names it",
		`INSERT INTO "Person" VALUES ('p3', 'c@x', NULL, NULL, 1, 1)`,
		{ kind: "UniqueConstraintViolation", constraint: { index: "Person_a_b_key" }, table: "Person", originalCode: "23505" },
	],
	[
		"a null in a NOT NULL column (PostgreSQL names it only in prose)",
		`INSERT INTO "Person" ("id") VALUES ('p4')`,
		{ kind: "NullConstraintViolation", constraint: undefined, originalCode: "23502" },
	],
	[
		"a foreign key that points nowhere names the constraint",
		`INSERT INTO "Child" VALUES (2, 404)`,
		{ kind: "ForeignKeyConstraintViolation", constraint: { index: "Child_parentId_fkey" }, originalCode: "23503" },
	],
	[
		"deleting a row still referenced (NO ACTION)",
		`DELETE FROM "Parent" WHERE "id" = 2`,
		{ kind: "ForeignKeyConstraintViolation", constraint: { index: "Kept_parentId_fkey" }, originalCode: "23503" },
	],
	[
		"a missing table is named",
		`SELECT * FROM "Phantom"`,
		{ kind: "TableDoesNotExist", table: "Phantom", originalCode: "42P01" },
	],
	[
		"a missing column is named, unquoted",
		`SELECT "ghost" FROM "Person"`,
		{ kind: "ColumnNotFound", column: "ghost", originalCode: "42703" },
	],
	[
		"text too long for its column",
		`INSERT INTO "Person" ("id", "email", "nick") VALUES ('p5', 'e@x', 'toolong')`,
		{ kind: "LengthMismatch", column: undefined, originalCode: "22001" },
	],
	[
		"a number out of range",
		`INSERT INTO "Person" ("id", "email", "age") VALUES ('p6', 'f@x', 40000)`,
		{ kind: "ValueOutOfRange", cause: 'smallint out of range', originalCode: "22003" },
	],
	[
		"text that is not a number",
		`SELECT 'abc'::int`,
		{ kind: "InvalidInputValue", message: 'invalid input syntax for type integer: "abc"', originalCode: "22P02" },
	],
	[
		"anything else keeps PostgreSQL's report",
		`SELEKT 1`,
		{ kind: "postgres", code: "42601", severity: "ERROR", message: 'syntax error at or near "SELEKT"', detail: undefined, column: undefined, hint: undefined, originalCode: "42601" },
	],
];

describe("PostgreSQL's errors, provoked in PGlite", () => {
	let adapter: SqlDriverAdapter;
	before(async () => {
		adapter = await pgliteAdapter();
		await adapter.executeScript(setup);
	});

	for (const [name, sql, expected] of provoked) {
		test(name, async () => {
			const cause = await causeOf(adapter.queryRaw(q(sql)));
			const { originalMessage, ...rest } = cause;
			assert.equal(typeof originalMessage, "string");
			assert.deepStrictEqual(rest, expected);
		});
	}

	test("RESTRICT is restrict_violation in PostgreSQL 18 (PGlite), mapped as adapter-pg maps it", async () => {
		const cause = await causeOf(adapter.queryRaw(q(`DELETE FROM "Parent" WHERE "id" = 1`)));
		assert.equal(cause["kind"], "RestrictViolation");
		assert.deepStrictEqual(cause["constraint"], { index: "Child_parentId_fkey" });
		assert.equal(cause["originalCode"], "23001");
	});

	test("an error in a script rejects executeScript, and PostgreSQL runs none of the script", async () => {
		const cause = await causeOf(adapter.executeScript(`CREATE TABLE "Half" ("id" INT); SELECT * FROM "Phantom";`));
		assert.equal(cause["kind"], "TableDoesNotExist");
		const tables = await adapter.queryRaw(q(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'Half'`));
		assert.deepStrictEqual(tables.rows, [[0]]);
	});
});

if (postgresServerUrl() === undefined) {
	console.log("SKIPPED: PGlite's errors compared with @prisma/adapter-pg's: DATABASE_URL_POSTGRES is not set and no server was started (npm test starts one)");
} else {
	describe("the same errors through @prisma/adapter-pg on a PostgreSQL server give the same cause", () => {
		let ours: SqlDriverAdapter;
		let theirs: SqlDriverAdapter;
		before(async () => {
			[ours, theirs] = await Promise.all([pgliteAdapter(), pgAdapter()]);
			await Promise.all([ours.executeScript(setup), theirs.executeScript(setup)]);
		});
		after(() => theirs?.dispose());

		for (const [name, sql] of provoked) {
			test(name, async () => {
				const [mine, reference] = await Promise.all([causeOf(ours.queryRaw(q(sql))), causeOf(theirs.queryRaw(q(sql)))]);
				assert.deepStrictEqual(mine, reference);
			});
		}
	});
}

describe("convertPostgresError on reports that cannot be provoked in PGlite", () => {
	const report = (code: string, message: string, extra: Record<string, string> = {}) =>
		Object.assign(new Error(message), { code, severity: "ERROR", ...extra });
	const cases: Array<[string, Error, Record<string, unknown>]> = [
		["a missing database", report("3D000", 'database "nope" does not exist'), { kind: "DatabaseDoesNotExist", db: "nope" }],
		["a database that exists", report("42P04", 'database "dup" already exists'), { kind: "DatabaseAlreadyExists", db: "dup" }],
		["wrong credentials", report("28P01", 'password authentication failed for user "ann"'), { kind: "AuthenticationFailed", user: "ann" }],
		["access denied", report("28000", 'no pg_hba.conf entry for host "h", user "u", database "d"'), { kind: "DatabaseAccessDenied", db: "d" }],
		["a serialization failure", report("40001", "could not serialize access"), { kind: "TransactionWriteConflict" }],
		["a deadlock", report("40P01", "deadlock detected"), { kind: "TransactionWriteConflict" }],
		["too many connections", report("53300", "sorry, too many clients already"), { kind: "TooManyConnections", cause: "sorry, too many clients already" }],
		[
			"a unique violation without an index name: the columns of the detail, the table from the index name",
			report("23505", "duplicate key", { detail: "Key (a, b)=(1, 2) already exists." }),
			{ kind: "UniqueConstraintViolation", constraint: { fields: ["a", "b"] }, table: undefined },
		],
		[
			"a foreign key failure that names its column",
			report("23503", "violates foreign key", { column: "userId", constraint: "x_fkey" }),
			{ kind: "ForeignKeyConstraintViolation", constraint: { fields: ["userId"] } },
		],
	];
	for (const [name, error, expected] of cases) {
		test(name, () => {
			const converted = convertPostgresError(error);
			assert.deepStrictEqual(converted, { ...expected, originalCode: (error as Error & { code: string }).code, originalMessage: error.message });
		});
	}

	test("JavaScript's own errors are not PostgreSQL's, and are rethrown as they are", () => {
		assert.equal(isPostgresError(new TypeError("x")), false);
		assert.equal(convertPostgresError(new Error("PGlite is closed")), undefined);
		assert.equal(convertPostgresError("text"), undefined);
	});
});
