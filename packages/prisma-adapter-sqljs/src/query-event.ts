import type { BindValue } from "./conversion.ts";

/** One statement the adapter ran, as the `onQuery` hook receives it. */
export interface QueryEvent {
	/** The SQL text as SQLite ran it (for `executeScript`, one event per statement). */
	sql: string;
	/** The values bound to the placeholders, after conversion (what SQLite saw). */
	args: readonly BindValue[];
	/** Wall-clock time spent in sql.js, in milliseconds. */
	durationMs: number;
	/** True for statements of a transaction, including its BEGIN, COMMIT and ROLLBACK. */
	inTransaction: boolean;
	/** On the statement that began its transaction (`begin`) and on the one that ended it (`end`). */
	transactionBoundary?: TransactionBoundary;
	/** Present when the statement failed. Plain data, so it can be posted out of a worker. */
	error?: QueryEventError;
}

export interface QueryEventError {
	/** SQLite's message, unchanged. */
	message: string;
	/** The driver adapter error kind Prisma received (`UniqueConstraintViolation`, `sqlite`, ...). */
	kind?: string;
	/** SQLite's name for the result code, such as `SQLITE_CONSTRAINT_UNIQUE`. */
	code?: string;
}

export type TransactionBoundary = "begin" | "end";

/** Called synchronously after every statement. Errors it throws are ignored. */
export type QueryHook = (event: QueryEvent) => void;
