import {
	Debug,
	DriverAdapterError,
	type Error as DriverError,
	type SqlQuery,
	type SqlQueryable,
	type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import type { Connection } from "./connection.ts";
import { type BindValue, inferColumnTypes, toBindValues, toResultCell } from "./conversion.ts";
import { convertSqliteError } from "./errors.ts";
import type { QueryEvent, QueryEventError, QueryHook, TransactionBoundary } from "./query-event.ts";
import { readRows, runCountingChanges } from "./statements.ts";

export const debug = Debug("prisma:driver-adapter:sqljs");
// The package name, as Prisma's own adapters report theirs (test/adapter.test.ts checks it against package.json).
export const adapterName = "@lucia-prisma/adapter-sqljs";

export const noArgs = (): BindValue[] => [];

/** What the adapter and its transactions share: running statements, one path for all of them. */
export class SqlJsQueryable implements SqlQueryable {
	readonly provider = "sqlite";
	readonly adapterName = adapterName;

	constructor(
		protected readonly connection: Connection,
		protected readonly onQuery: QueryHook | undefined,
	) {}

	async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
		debug("[js::queryRaw] %O", query);
		while (!this.mayRunNow()) await this.connection.lock.whenFree();
		const { columnNames, rows } = this.perform(
			() => query.sql,
			() => toBindValues(query.args, query.argTypes),
			(args) => readRows(this.connection.db, query.sql, args),
		);
		const columnTypes = inferColumnTypes(columnNames.length, rows);
		return { columnNames, columnTypes, rows: rows.map((row) => row.map(toResultCell)) };
	}

	async executeRaw(query: SqlQuery): Promise<number> {
		debug("[js::executeRaw] %O", query);
		while (!this.mayRunNow()) await this.connection.lock.whenFree();
		return this.perform(
			() => query.sql,
			() => toBindValues(query.args, query.argTypes),
			(args) => runCountingChanges(this.connection.db, query.sql, args),
		);
	}

	/**
	 * Whether a statement may run in this tick. Checked right before running, in the same tick,
	 * because sql.js is synchronous: nothing can slip in between the check and the statement.
	 */
	protected mayRunNow(): boolean {
		return true;
	}

	protected get inTransaction(): boolean {
		return false;
	}

	/** Whether the statement began or ended the transaction it ran in (transactions say). */
	protected boundaryOf(_sql: string): TransactionBoundary | undefined {
		return undefined;
	}

	/**
	 * The one path every statement takes: convert its arguments, run it, time it, report it to
	 * the hook and turn SQLite's errors into driver adapter errors. `describe` gives the SQL for
	 * the report once the statement has run, or `undefined` when nothing ran.
	 */
	protected perform<T>(describe: () => string | undefined, bind: () => BindValue[], run: (args: BindValue[]) => T): T {
		if (this.connection.closed) throw new DriverAdapterError({ kind: "ConnectionClosed" });
		const started = performance.now();
		let args: BindValue[] = [];
		try {
			args = bind();
			const result = run(args);
			this.#report(describe(), args, started, undefined);
			return result;
		} catch (error) {
			const converted = convertSqliteError(error);
			this.#report(describe(), args, started, describeError(error, converted));
			if (converted === undefined) throw error;
			debug("SQLite error: %O", converted);
			throw new DriverAdapterError(converted);
		}
	}

	#report(sql: string | undefined, args: BindValue[], started: number, error: QueryEventError | undefined): void {
		if (this.onQuery === undefined || sql === undefined) return;
		const event: QueryEvent = { sql, args, durationMs: performance.now() - started, inTransaction: this.inTransaction };
		const boundary = this.boundaryOf(sql);
		if (boundary !== undefined) event.transactionBoundary = boundary;
		if (error !== undefined) event.error = error;
		try {
			this.onQuery(event);
		} catch (hookError) {
			debug("The onQuery hook threw: %O", hookError);
		}
	}
}

function describeError(error: unknown, converted: DriverError | undefined): QueryEventError {
	if (converted === undefined) return { message: error instanceof Error ? error.message : String(error) };
	return { message: converted.originalMessage ?? "", kind: converted.kind, code: converted.originalCode ?? "" };
}
