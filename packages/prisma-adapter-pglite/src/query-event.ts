import type { PgText } from "./conversion.ts";

/**
 * One statement the adapter ran, as the `onQuery` hook receives it. The fields are those of
 * `@lucia-prisma/adapter-sqljs`'s event, so one handler serves both adapters.
 */
export interface QueryEvent {
	/** The SQL text as PostgreSQL ran it (for `executeScript`, the whole script). */
	sql: string;
	/** The parameters as PostgreSQL received them: text, or null for SQL NULL. */
	args: readonly PgText[];
	/** Wall-clock time spent in PGlite, in milliseconds. */
	durationMs: number;
	/** True for statements of a transaction, including its BEGIN, COMMIT and ROLLBACK. */
	inTransaction: boolean;
	/** On the statement that began its transaction (`begin`) and on the one that ended it (`end`). */
	transactionBoundary?: TransactionBoundary;
	/** Present when the statement failed. Plain data, so it can be posted out of a worker. */
	error?: QueryEventError;
}

export interface QueryEventError {
	/** PostgreSQL's message, unchanged. */
	message: string;
	/** The driver adapter error kind Prisma received (`UniqueConstraintViolation`, `postgres`, ...). */
	kind?: string;
	/** PostgreSQL's SQLSTATE, such as `23505`. */
	code?: string;
}

export type TransactionBoundary = "begin" | "end";

/** Called synchronously after every statement. Errors it throws are ignored. */
export type QueryHook = (event: QueryEvent) => void;
