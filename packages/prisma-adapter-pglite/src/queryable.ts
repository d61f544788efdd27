import {
	Debug,
	DriverAdapterError,
	type Error as DriverError,
	type SqlQuery,
	type SqlQueryable,
	type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import type { Connection } from "./connection.ts";
import { columnTypeOf, type PgText, toPgTexts, UnsupportedColumnType } from "./conversion.ts";
import { convertPostgresError } from "./errors.ts";
import type { QueryEvent, QueryEventError, QueryHook, TransactionBoundary } from "./query-event.ts";

export const debug = Debug("prisma:driver-adapter:pglite");
// The package name, as Prisma's own adapters report theirs (test/adapter.test.ts checks it against package.json).
export const adapterName = "@lucia-prisma/adapter-pglite";

interface StatementResult {
	fields: { name: string; dataTypeID: number }[];
	rows: unknown[][];
	rowCount: number;
}

/** What the adapter and its transactions share: running statements, one path for all of them. */
export abstract class PGliteQueryable implements SqlQueryable {
	readonly provider = "postgres";
	readonly adapterName = adapterName;

	constructor(
		protected readonly connection: Connection,
		protected readonly onQuery: QueryHook | undefined,
	) {}

	async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
		debug("[js::queryRaw] %O", query);
		const { fields, rows } = await this.runStatement(query);
		let columnTypes;
		try {
			columnTypes = fields.map((field) => columnTypeOf(field.dataTypeID));
		} catch (error) {
			if (error instanceof UnsupportedColumnType) {
				throw new DriverAdapterError({ kind: "UnsupportedNativeDataType", type: error.type });
			}
			throw error;
		}
		return { columnNames: fields.map((field) => field.name), columnTypes, rows };
	}

	async executeRaw(query: SqlQuery): Promise<number> {
		debug("[js::executeRaw] %O", query);
		return (await this.runStatement(query)).rowCount;
	}

	/** Runs `work` with the connection to itself: the adapter takes the lock, a transaction has it. */
	protected abstract withConnection<T>(work: () => Promise<T>): Promise<T>;

	protected get inTransaction(): boolean {
		return false;
	}

	/** Whether the statement began or ended the transaction it ran in (transactions say). */
	protected boundaryOf(_sql: string): TransactionBoundary | undefined {
		return undefined;
	}

	protected runStatement(query: SqlQuery): Promise<StatementResult> {
		return this.withConnection(() => {
			const args = toPgTexts(query.args, query.argTypes);
			return this.perform(query.sql, args, async () => {
				const result = await this.connection.db.query<unknown[]>(query.sql, args, this.connection.queryOptions());
				return { fields: result.fields, rows: result.rows, rowCount: result.rowCount ?? 0 };
			});
		});
	}

	/**
	 * The one path every statement takes: run it, time it, report it to the hook and turn
	 * PostgreSQL's errors into driver adapter errors.
	 */
	protected async perform<T>(sql: string, args: readonly PgText[], run: () => Promise<T>): Promise<T> {
		if (this.connection.db.closed) throw new DriverAdapterError({ kind: "ConnectionClosed" });
		const started = performance.now();
		try {
			const result = await run();
			this.#report(sql, args, started, undefined);
			return result;
		} catch (error) {
			const converted = convertPostgresError(error);
			this.#report(sql, args, started, describeError(error, converted));
			if (converted === undefined) throw error;
			debug("PostgreSQL error: %O", converted);
			throw new DriverAdapterError(converted);
		}
	}

	#report(sql: string, args: readonly PgText[], started: number, error: QueryEventError | undefined): void {
		if (this.onQuery === undefined) return;
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
