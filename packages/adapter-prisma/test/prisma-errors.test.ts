import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ModelInfo } from "../src/data-model.ts";
import { isDuplicateId, isForeignKeyFailure, readPrismaError } from "../src/prisma-errors.ts";

// The shapes below are the `meta` of real errors, as the adapter suite meets them on each
// database (recorded from Prisma 7.10 and 6.19 runs); the suite proves the mapping end to end.
function prismaError(code: string, meta: Record<string, unknown>): Error {
	return Object.assign(new Error(`Prisma ${code}`), { name: "PrismaClientKnownRequestError", code, meta, clientVersion: "7.10.0" });
}
const uniqueCause = (constraint: Record<string, unknown>, table?: string) => ({
	driverAdapterError: { name: "DriverAdapterError", cause: { kind: "UniqueConstraintViolation", constraint, ...(table ? { table } : {}) } }
});

const key: ModelInfo = { modelName: "Key", delegateName: "key", tableName: "Key", idColumn: "id", relationFields: new Set(["user"]) };
const renamedKey: ModelInfo = { modelName: "AuthKey", delegateName: "authKey", tableName: "auth_key", idColumn: "id", relationFields: new Set(["owner"]) };

describe("isDuplicateId()", () => {
	const cases: [string, Error, ModelInfo, boolean][] = [
		["SQLite names the column", prismaError("P2002", { modelName: "Key", ...uniqueCause({ fields: ["id"] }, "Key") }), key, true],
		["PostgreSQL (Prisma 7) names the primary key index", prismaError("P2002", { modelName: "Key", ...uniqueCause({ index: "Key_pkey" }) }), key, true],
		["PostgreSQL names the @unique index of id", prismaError("P2002", { modelName: "Key", ...uniqueCause({ index: "Key_id_key" }) }), key, true],
		["PostgreSQL with @@map names the mapped table's index", prismaError("P2002", { modelName: "AuthKey", ...uniqueCause({ index: "auth_key_pkey" }) }), renamedKey, true],
		["MariaDB names PRIMARY", prismaError("P2002", { modelName: "Key", ...uniqueCause({ index: "PRIMARY" }) }), key, true],
		["Prisma 6 PostgreSQL names the fields", prismaError("P2002", { modelName: "Key", ...uniqueCause({ fields: ["id"] }) }), key, true],
		["Prisma 5 without an adapter uses meta.target", prismaError("P2002", { modelName: "Key", target: ["id"] }), key, true],
		["no modelName, but the table", prismaError("P2002", uniqueCause({ fields: ["id"] }, "Key")), key, true],
		["a duplicate user id is not a duplicate key", prismaError("P2002", { modelName: "User", ...uniqueCause({ fields: ["id"] }, "User") }), key, false],
		["another unique index of the key model", prismaError("P2002", { modelName: "Key", ...uniqueCause({ index: "Key_email_key" }) }), key, false],
		["another unique column of the key model", prismaError("P2002", { modelName: "Key", ...uniqueCause({ fields: ["email"] }) }), key, false],
		["a foreign-key failure", prismaError("P2003", { modelName: "Key" }), key, false],
		["no model or table to tell", prismaError("P2002", uniqueCause({ fields: ["id"] })), key, false],
		["a plain Error with a code", Object.assign(new Error("x"), { code: "SQLITE_CONSTRAINT" }), key, false]
	];
	for (const [name, error, model, expected] of cases) {
		test(`${name} → ${expected}`, () => assert.equal(isDuplicateId(error, model), expected));
	}
});

describe("isForeignKeyFailure()", () => {
	test("P2003 on the model", () => assert.equal(isForeignKeyFailure(prismaError("P2003", { modelName: "Key" }), key), true));
	test("P2003 without modelName", () => assert.equal(isForeignKeyFailure(prismaError("P2003", {}), key), true));
	test("P2003 on another model", () => assert.equal(isForeignKeyFailure(prismaError("P2003", { modelName: "Session" }), key), false));
	test("P2002", () => assert.equal(isForeignKeyFailure(prismaError("P2002", { modelName: "Key" }), key), false));
});

describe("readPrismaError()", () => {
	test("ignores values that are not Prisma errors", () => {
		for (const value of [null, undefined, "P2002", { code: "P2002" }, new Error("plain")]) assert.equal(readPrismaError(value), null);
	});
	test("reads code, model, table and constraint", () => {
		assert.deepEqual(readPrismaError(prismaError("P2002", { modelName: "Key", ...uniqueCause({ fields: ["id"] }, "Key") })), {
			code: "P2002",
			modelName: "Key",
			table: "Key",
			fields: ["id"],
			index: null
		});
	});
});
