import type { SessionSchema } from "lucia";

/** A row as Prisma returns it: scalar columns, perhaps a relation object. */
export type PrismaRow = Record<string, unknown>;

/**
 * Lucia keeps expiry times as numbers of milliseconds; Prisma returns `BigInt` columns as
 * bigint. A value Number cannot hold exactly is an error rather than a silently rounded date.
 */
export function toSafeNumber(value: unknown, field: string): number {
	if (typeof value === "number") return value;
	if (typeof value === "bigint") {
		if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
			throw new RangeError(
				`Session field ${field} holds ${value}, which is outside JavaScript's safe integer range (±${Number.MAX_SAFE_INTEGER}); Lucia cannot use it as a time. Fix the row in the database.`
			);
		}
		return Number(value);
	}
	if (typeof value === "string" && /^-?\d+$/.test(value)) return toSafeNumber(BigInt(value), field);
	throw new TypeError(`Session field ${field} holds ${String(value)} (${typeof value}); expected a BigInt or Int column.`);
}

/** Drops relation fields, so only the model's own columns reach Lucia. */
export function withoutRelations(row: PrismaRow, relationFields: ReadonlySet<string>): PrismaRow {
	if (relationFields.size === 0) return row;
	const plain: PrismaRow = {};
	for (const [name, value] of Object.entries(row)) {
		if (!relationFields.has(name)) plain[name] = value;
	}
	return plain;
}

/** A session row as Lucia expects it: expiry columns as numbers, no relation objects. */
export function toSessionSchema(row: PrismaRow, relationFields: ReadonlySet<string>): SessionSchema {
	const plain = withoutRelations(row, relationFields);
	plain["active_expires"] = toSafeNumber(plain["active_expires"], "active_expires");
	plain["idle_expires"] = toSafeNumber(plain["idle_expires"], "idle_expires");
	return plain as SessionSchema;
}
