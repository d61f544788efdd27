/**
 * Thrown by `prisma()` when the options do not fit the Prisma client they were given.
 * The message names the wrong value, what the client has instead, and the fix.
 */
export class PrismaAdapterConfigurationError extends Error {
	override readonly name = "PrismaAdapterConfigurationError";
}
