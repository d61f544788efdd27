import type { PGlite } from "@electric-sql/pglite";
import { resultParsers, textSerializers } from "./conversion.ts";
import { type Lock, lockOf } from "./lock.ts";

/**
 * Where the adapter's database comes from: an open PGlite (the caller keeps owning it), or a
 * function that creates one (the adapter owns that database and closes it on dispose).
 */
export type PGliteSource = PGlite | (() => Promise<PGlite>);

/** The state every adapter and transaction over one PGlite shares. */
export interface Connection {
	readonly db: PGlite;
	/** Held by each statement outside a transaction, and by a transaction from BEGIN to its end. */
	readonly lock: Lock;
	/** Whether the adapter created the database, and therefore closes it. */
	readonly owned: boolean;
	/** PGlite's query options that route every value through conversion.ts. */
	queryOptions(): ConversionOptions;
}

export interface ConversionOptions {
	rowMode: "array";
	parsers: ReturnType<typeof resultParsers>;
	serializers: ReturnType<typeof textSerializers>;
}

export function isPGlite(source: PGliteSource): source is PGlite {
	return typeof source !== "function";
}

/** Waits until the database is ready and prepares the options its queries run with. */
export async function openConnection(db: PGlite, owned: boolean): Promise<Connection> {
	await db.waitReady;
	let options: ConversionOptions | undefined;
	let typeCount = -1;
	return {
		db,
		lock: lockOf(db),
		owned,
		// PGlite's type tables grow when it learns new array types (`refreshArrayTypes()`); the
		// options must name every type in them, so they are rebuilt when the tables change size.
		queryOptions() {
			const parserKeys = Object.keys(db.parsers);
			const serializerKeys = Object.keys(db.serializers);
			if (options === undefined || typeCount !== parserKeys.length + serializerKeys.length) {
				typeCount = parserKeys.length + serializerKeys.length;
				options = { rowMode: "array", parsers: resultParsers(parserKeys), serializers: textSerializers(serializerKeys) };
			}
			return options;
		},
	};
}

export async function closeConnection(connection: Connection): Promise<void> {
	if (!connection.db.closed) await connection.db.close();
}
