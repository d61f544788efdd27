/**
 * Runs the adapter through its paces without Node: bundled for the browser and run both in a
 * page and in a Web Worker by ../browser.test.ts. Returns plain data for the test to check.
 */
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import initSqlJs from "sql.js";
import { PrismaSqlJs, type QueryEvent } from "../../src/index.ts";

export interface ExerciseReport {
	rows: unknown[][];
	bigint: unknown;
	bytes: number[];
	errorKind: string | undefined;
	events: Array<Pick<QueryEvent, "sql" | "inTransaction"> & { failed: boolean }>;
	exportedBytes: number;
	reopenedCount: unknown;
}

const text = (sql: string, ...args: unknown[]) => ({
	sql,
	args,
	argTypes: args.map(() => ({ scalarType: "unknown" as const, arity: "scalar" as const })),
});

export async function exercise(wasmUrl: string): Promise<ExerciseReport> {
	const SQL = await initSqlJs({ locateFile: () => wasmUrl });
	const events: ExerciseReport["events"] = [];
	const factory = new PrismaSqlJs(
		{ sqlJs: SQL },
		{ onQuery: (event) => events.push({ sql: event.sql, inTransaction: event.inTransaction, failed: event.error !== undefined }) },
	);
	const adapter = await factory.connect();
	await adapter.executeScript('CREATE TABLE "T" ("id" TEXT PRIMARY KEY, "n" BIGINT, "b" BLOB)');

	const transaction = await adapter.startTransaction();
	await transaction.executeRaw({
		sql: 'INSERT INTO "T" VALUES (?, ?, ?)',
		args: ["a", "9007199254740993", "AAH/"],
		argTypes: [
			{ scalarType: "string", arity: "scalar" },
			{ scalarType: "bigint", arity: "scalar" },
			{ scalarType: "bytes", arity: "scalar" },
		],
	});
	await transaction.executeRaw(text("COMMIT"));
	await transaction.commit();

	let errorKind: string | undefined;
	try {
		await adapter.executeRaw(text('INSERT INTO "T" ("id") VALUES (?)', "a"));
	} catch (error) {
		errorKind = error instanceof DriverAdapterError ? error.cause.kind : String(error);
	}

	const result = await adapter.queryRaw(text('SELECT "id", "n", "b" FROM "T"'));
	const [row] = result.rows;
	const bytes = factory.export();
	const reopened = await new PrismaSqlJs({ sqlJs: SQL, data: bytes }).connect();
	const count = await reopened.queryRaw(text('SELECT count(*) FROM "T"'));
	return {
		rows: result.rows.map((cells) => cells.map((cell) => (cell instanceof Uint8Array ? "bytes" : cell))),
		bigint: row?.[1],
		bytes: Array.from(row?.[2] as Uint8Array),
		errorKind,
		events,
		exportedBytes: bytes.length,
		reopenedCount: count.rows[0]?.[0],
	};
}
