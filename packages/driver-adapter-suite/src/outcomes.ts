import assert from "node:assert/strict";

/** What a failed Prisma call leaves to compare: the code, the meta data, the message's last line. */
export interface PrismaErrorOutcome {
	name: string;
	code: string | undefined;
	meta: Record<string, unknown> | undefined;
	message: string;
}

/** Awaits a Prisma call that must fail and describes the error in plain, comparable data. */
export async function failure(operation: PromiseLike<unknown>): Promise<PrismaErrorOutcome> {
	try {
		await operation;
	} catch (error) {
		assert.ok(error instanceof Error, `expected an Error, got ${String(error)}`);
		const { code, meta } = error as Error & { code?: string; meta?: Record<string, unknown> };
		return {
			name: error.name,
			code,
			meta: meta === undefined ? undefined : plainMeta(meta),
			message: error.message.trim().split("\n").at(-1) ?? "",
		};
	}
	assert.fail("expected the operation to fail");
}

/** `meta.driverAdapterError` is an Error with a stack; its `cause` is the part that matters. */
function plainMeta(meta: Record<string, unknown>): Record<string, unknown> {
	const { driverAdapterError, ...rest } = meta;
	if (driverAdapterError === undefined) return rest;
	return { ...rest, driverAdapterError: (driverAdapterError as { cause: unknown }).cause };
}
