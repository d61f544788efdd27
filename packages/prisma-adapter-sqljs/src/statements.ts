import type { SqlQuery } from "@prisma/driver-adapter-utils";
import type { Database, Statement } from "sql.js";
import type { BindValue, Cell } from "./conversion.ts";
import type { TransactionBoundary } from "./query-event.ts";

/** A statement the adapter sends itself: SQL without arguments. */
export function statement(sql: string): SqlQuery {
	return { sql, args: [], argTypes: [] };
}

/** Statements that end the transaction itself, as opposed to `ROLLBACK TO` a savepoint. */
const endsTransaction = /^\s*(COMMIT|END|ROLLBACK)(\s+TRANSACTION)?\s*;?\s*$/i;
const beginsTransaction = /^\s*BEGIN\b/i;

/** Where a statement of a transaction stands: the one that began it, the one that ended it, or neither. */
export function transactionBoundary(sql: string): TransactionBoundary | undefined {
	if (beginsTransaction.test(sql)) return "begin";
	return endsTransaction.test(sql) ? "end" : undefined;
}

const savepointName = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function checkSavepointName(name: string): string {
	if (!savepointName.test(name)) throw new Error(`Invalid savepoint name ${JSON.stringify(name)}`);
	return name;
}

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
