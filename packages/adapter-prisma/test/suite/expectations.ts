import assert from "node:assert/strict";
import { LuciaError } from "lucia";

type LuciaCode = LuciaError["message"];

/** Asserts that the promise rejects with a LuciaError of the given code. */
export async function rejectsWithLucia(promise: Promise<unknown>, code: LuciaCode): Promise<void> {
	await assert.rejects(promise, (error: unknown) => {
		assert.ok(error instanceof LuciaError, `expected LuciaError ${code}, got ${describeError(error)}`);
		assert.equal(error.message, code);
		return true;
	});
}

/** Asserts that the promise rejects with Prisma's own error (rethrown untouched), not a LuciaError. */
export async function rejectsWithPrisma(promise: Promise<unknown>, code: string): Promise<void> {
	await assert.rejects(promise, (error: unknown) => {
		assert.ok(!(error instanceof LuciaError), `expected Prisma ${code}, got LuciaError ${describeError(error)}`);
		assert.equal((error as { code?: unknown }).code, code, `expected Prisma ${code}, got ${describeError(error)}`);
		return true;
	});
}

export function describeError(error: unknown): string {
	if (error instanceof Error) return `${error.name} ${(error as { code?: string }).code ?? ""} ${error.message.slice(0, 300)}`;
	return String(error);
}
