import type { SqlQuery } from "@prisma/driver-adapter-utils";
import type { TransactionBoundary } from "./query-event.ts";

/** A statement the adapter sends itself: SQL without arguments. */
export function statement(sql: string): SqlQuery {
	return { sql, args: [], argTypes: [] };
}

/** Statements that end the transaction itself, as opposed to `ROLLBACK TO SAVEPOINT`. */
const endsTransaction = /^\s*(COMMIT|END|ROLLBACK|ABORT)(\s+(WORK|TRANSACTION))?\s*;?\s*$/i;
const beginsTransaction = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;

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
