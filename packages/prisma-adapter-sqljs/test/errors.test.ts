import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { Database } from "sql.js";
import { convertSqliteError } from "../src/errors.ts";
import { loadSqlJs } from "./support/database.ts";

/**
 * One case per error kind. Where SQLite can be made to fail that way here, the case provokes the
 * failure in a real sql.js database and maps the message SQLite really gave; the other messages
 * (a second connection holding a lock, a read-only file) are SQLite's own words, written out.
 */
interface Case {
	name: string;
	cause: { provoke: (db: Database) => void } | { message: string };
	expected: Record<string, unknown>;
}

const setup = `
	CREATE TABLE "User" ("id" TEXT PRIMARY KEY, "email" TEXT NOT NULL, "org" TEXT, "age" INTEGER CHECK ("age" >= 0), "nick" TEXT);
	CREATE UNIQUE INDEX "User_email_key" ON "User" ("email");
	CREATE UNIQUE INDEX "User_org_age_key" ON "User" ("org", "age");
	CREATE UNIQUE INDEX "User_lower_nick" ON "User" (lower("nick"));
	CREATE TABLE "Post" ("id" TEXT PRIMARY KEY, "userId" TEXT NOT NULL REFERENCES "User" ("id"));
	INSERT INTO "User" VALUES ('u1', 'a@x', 'acme', 30, 'ada');
`;

const cases: Case[] = [
	{
		name: "UNIQUE constraint on one column → UniqueConstraintViolation with its field and table",
		cause: { provoke: (db) => db.run(`INSERT INTO "User" VALUES ('u2', 'a@x', NULL, NULL, NULL)`) },
		expected: {
			kind: "UniqueConstraintViolation",
			constraint: { fields: ["email"] },
			table: "User",
			originalCode: "SQLITE_CONSTRAINT_UNIQUE",
			originalMessage: "UNIQUE constraint failed: User.email",
		},
	},
	{
		name: "UNIQUE constraint on several columns → UniqueConstraintViolation with every field",
		cause: { provoke: (db) => db.run(`INSERT INTO "User" VALUES ('u2', 'b@x', 'acme', 30, NULL)`) },
		expected: {
			kind: "UniqueConstraintViolation",
			constraint: { fields: ["org", "age"] },
			table: "User",
			originalCode: "SQLITE_CONSTRAINT_UNIQUE",
			originalMessage: "UNIQUE constraint failed: User.org, User.age",
		},
	},
	{
		name: "UNIQUE index on an expression → UniqueConstraintViolation naming the index",
		cause: { provoke: (db) => db.run(`INSERT INTO "User" VALUES ('u2', 'b@x', NULL, NULL, 'ADA')`) },
		expected: {
			kind: "UniqueConstraintViolation",
			constraint: { index: "User_lower_nick" },
			originalCode: "SQLITE_CONSTRAINT_UNIQUE",
			originalMessage: "UNIQUE constraint failed: index 'User_lower_nick'",
		},
	},
	{
		name: "duplicate primary key → UniqueConstraintViolation (same message as a unique index)",
		cause: { provoke: (db) => db.run(`INSERT INTO "User" VALUES ('u1', 'c@x', NULL, NULL, NULL)`) },
		expected: {
			kind: "UniqueConstraintViolation",
			constraint: { fields: ["id"] },
			table: "User",
			originalCode: "SQLITE_CONSTRAINT_UNIQUE",
			originalMessage: "UNIQUE constraint failed: User.id",
		},
	},
	{
		name: "NOT NULL constraint → NullConstraintViolation with its field",
		cause: { provoke: (db) => db.run(`INSERT INTO "User" ("id") VALUES ('u3')`) },
		expected: {
			kind: "NullConstraintViolation",
			constraint: { fields: ["email"] },
			originalCode: "SQLITE_CONSTRAINT_NOTNULL",
			originalMessage: "NOT NULL constraint failed: User.email",
		},
	},
	{
		name: "FOREIGN KEY constraint → ForeignKeyConstraintViolation",
		cause: { provoke: (db) => db.run(`INSERT INTO "Post" VALUES ('p1', 'nobody')`) },
		expected: {
			kind: "ForeignKeyConstraintViolation",
			constraint: { foreignKey: {} },
			originalCode: "SQLITE_CONSTRAINT_FOREIGNKEY",
			originalMessage: "FOREIGN KEY constraint failed",
		},
	},
	{
		name: "no such table → TableDoesNotExist",
		cause: { provoke: (db) => db.run(`SELECT * FROM "Nope"`) },
		expected: {
			kind: "TableDoesNotExist",
			table: "Nope",
			originalCode: "SQLITE_ERROR",
			originalMessage: "no such table: Nope",
		},
	},
	{
		name: "no such column → ColumnNotFound",
		cause: { provoke: (db) => db.run(`SELECT "User"."nope" FROM "User"`) },
		expected: {
			kind: "ColumnNotFound",
			column: "User.nope",
			originalCode: "SQLITE_ERROR",
			originalMessage: "no such column: User.nope",
		},
	},
	{
		name: "insert into a missing column → ColumnNotFound",
		cause: { provoke: (db) => db.run(`INSERT INTO "User" ("nope") VALUES (1)`) },
		expected: {
			kind: "ColumnNotFound",
			column: "nope",
			originalCode: "SQLITE_ERROR",
			originalMessage: "table User has no column named nope",
		},
	},
	{
		name: "database is locked → SocketTimeout (Prisma's timeout, as for SQLITE_BUSY elsewhere)",
		cause: { message: "database is locked" },
		expected: { kind: "SocketTimeout", originalCode: "SQLITE_BUSY", originalMessage: "database is locked" },
	},
	{
		name: "sql.js's closed-database message → ConnectionClosed",
		cause: {
			provoke: (db) => {
				db.close();
				db.exec("SELECT 1");
			},
		},
		expected: { kind: "ConnectionClosed", originalCode: "SQLITE_MISUSE", originalMessage: "Database closed" },
	},
	{
		name: "CHECK constraint → sqlite kind with SQLITE_CONSTRAINT_CHECK's extended code",
		cause: { provoke: (db) => db.run(`INSERT INTO "User" VALUES ('u4', 'd@x', NULL, -1, NULL)`) },
		expected: {
			kind: "sqlite",
			extendedCode: 275,
			message: "CHECK constraint failed: age",
			originalCode: "SQLITE_CONSTRAINT_CHECK",
			originalMessage: "CHECK constraint failed: age",
		},
	},
	{
		name: "datatype mismatch → sqlite kind with SQLITE_MISMATCH's code",
		cause: { provoke: (db) => db.run(`CREATE TABLE "R" ("id" INTEGER PRIMARY KEY); INSERT INTO "R" VALUES ('x')`) },
		expected: {
			kind: "sqlite",
			extendedCode: 20,
			message: "datatype mismatch",
			originalCode: "SQLITE_MISMATCH",
			originalMessage: "datatype mismatch",
		},
	},
	{
		name: "read-only database → sqlite kind with SQLITE_READONLY's code",
		cause: { message: "attempt to write a readonly database" },
		expected: {
			kind: "sqlite",
			extendedCode: 8,
			message: "attempt to write a readonly database",
			originalCode: "SQLITE_READONLY",
			originalMessage: "attempt to write a readonly database",
		},
	},
	{
		name: "anything else (a syntax error) → sqlite kind with SQLITE_ERROR and the message kept",
		cause: { provoke: (db) => db.run("SELEC 1") },
		expected: {
			kind: "sqlite",
			extendedCode: 1,
			message: 'near "SELEC": syntax error',
			originalCode: "SQLITE_ERROR",
			originalMessage: 'near "SELEC": syntax error',
		},
	},
];

describe("convertSqliteError", () => {
	let SQL: Awaited<ReturnType<typeof loadSqlJs>>;
	before(async () => {
		SQL = await loadSqlJs();
	});

	function thrownBy(provoke: (db: Database) => void): unknown {
		const db = new SQL.Database();
		db.run("PRAGMA foreign_keys = ON");
		db.exec(setup);
		try {
			provoke(db);
		} catch (error) {
			return error;
		} finally {
			db.close();
		}
		assert.fail("SQLite did not fail");
	}

	for (const { name, cause, expected } of cases) {
		test(name, () => {
			const error = "provoke" in cause ? thrownBy(cause.provoke) : new Error(cause.message);
			assert.deepStrictEqual(convertSqliteError(error), expected);
		});
	}

	for (const [name, error] of [
		["a TypeError", new TypeError("Cannot bind a value of type Object")],
		["a RangeError", new RangeError("Invalid time value")],
		["a value that is no error at all", 42],
	] as const) {
		test(`${name} is not SQLite's and is left to be rethrown unchanged`, () => {
			assert.equal(convertSqliteError(error), undefined);
		});
	}
});
