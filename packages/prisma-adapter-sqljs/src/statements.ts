import type { Database, Statement } from "sql.js";
import type { BindValue, Cell } from "./conversion.ts";

export interface StatementRows {
	columnNames: string[];
	rows: Cell[][];
}

/** sql.js reads INTEGERs as exact bigints with `useBigInt`; its type definitions predate it. */
interface BigIntRowReader {
	get(params: null, config: { useBigInt: true }): Cell[];
}

/** Runs one statement and reads every row it returns. */
export function readRows(db: Database, sql: string, args: readonly BindValue[]): StatementRows {
	return withStatement(db, sql, args, (statement) => {
		const reader = statement as unknown as BigIntRowReader;
		const rows: Cell[][] = [];
		while (statement.step()) rows.push(reader.get(null, { useBigInt: true }));
		return { columnNames: statement.getColumnNames(), rows };
	});
}

/**
 * Runs one statement and returns how many rows it inserted, updated or deleted. SQLite's
 * `changes()` keeps the count of the last such statement, so a statement that changed nothing
 * (a BEGIN, a CREATE TABLE) is recognised by `total_changes()` staying put.
 */
export function runCountingChanges(db: Database, sql: string, args: readonly BindValue[]): number {
	const before = totalChanges(db);
	withStatement(db, sql, args, (statement) => {
		while (statement.step());
	});
	return totalChanges(db) === before ? 0 : db.getRowsModified();
}

function totalChanges(db: Database): number {
	return Number(db.exec("SELECT total_changes()")[0]?.values[0]?.[0] ?? 0);
}

function withStatement<T>(db: Database, sql: string, args: readonly BindValue[], use: (statement: Statement) => T): T {
	const statement = db.prepare(sql);
	try {
		if (args.length > 0) statement.bind([...args]);
		return use(statement);
	} finally {
		statement.free();
	}
}
