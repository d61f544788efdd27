import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { toSafeNumber, toSessionSchema, withoutRelations } from "../src/rows.ts";

describe("toSafeNumber()", () => {
	const exact: [unknown, number][] = [
		[0n, 0],
		[1_893_456_000_000n, 1_893_456_000_000],
		[BigInt(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
		[BigInt(Number.MIN_SAFE_INTEGER), Number.MIN_SAFE_INTEGER],
		[1_893_456_000_000, 1_893_456_000_000],
		["1893456000000", 1_893_456_000_000]
	];
	for (const [input, expected] of exact) {
		test(`${typeof input} ${String(input)} → ${expected}`, () => assert.equal(toSafeNumber(input, "idle_expires"), expected));
	}
	for (const input of [BigInt(Number.MAX_SAFE_INTEGER) + 1n, BigInt(Number.MIN_SAFE_INTEGER) - 1n, 2n ** 63n - 1n]) {
		test(`${input} is a RangeError naming the field and the value`, () => {
			assert.throws(() => toSafeNumber(input, "active_expires"), (error: unknown) => {
				assert.ok(error instanceof RangeError);
				assert.match(error.message, /active_expires/);
				assert.match(error.message, new RegExp(String(input)));
				return true;
			});
		});
	}
	test("a value of another type is a TypeError", () => {
		assert.throws(() => toSafeNumber(new Date(0), "idle_expires"), TypeError);
		assert.throws(() => toSafeNumber("soon", "idle_expires"), TypeError);
	});
});

describe("rows", () => {
	test("withoutRelations() keeps columns and drops relation fields", () => {
		assert.deepEqual(withoutRelations({ id: "s1", user: { id: "u1" }, country: null }, new Set(["user"])), { id: "s1", country: null });
	});
	test("toSessionSchema() converts both expiry columns", () => {
		assert.deepEqual(toSessionSchema({ id: "s1", user_id: "u1", active_expires: 5n, idle_expires: 6n, owner: {} }, new Set(["owner"])), {
			id: "s1",
			user_id: "u1",
			active_expires: 5,
			idle_expires: 6
		});
	});
});
