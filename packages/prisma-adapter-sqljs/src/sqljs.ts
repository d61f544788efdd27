import {
	type ConnectionInfo,
	Debug,
	DriverAdapterError,
	type Error as DriverError,
	type IsolationLevel,
	type SqlDriverAdapter,
	type SqlMigrationAwareDriverAdapterFactory,
	type SqlQuery,
	type SqlQueryable,
	type SqlResultSet,
	type Transaction,
	type TransactionOptions,
} from "@prisma/driver-adapter-utils";
import type { Database } from "sql.js";
import packageJson from "../package.json" with { type: "json" };
import { type Connection, ConnectionOpener, type DatabaseSource, isDatabase } from "./connection.ts";
import { type BindValue, inferColumnTypes, toBindValues, toResultCell } from "./conversion.ts";
import { convertSqliteError } from "./errors.ts";
import type { QueryEvent, QueryEventError, QueryHook } from "./query-event.ts";
import { readRows, runCountingChanges } from "./statements.ts";

const debug = Debug("prisma:driver-adapter:sqljs");
const adapterName = packageJson.name;

/** SQLite's default SQLITE_MAX_VARIABLE_NUMBER (since 3.32), which sql.js keeps. */
const maxBindValues = 32766;

const noArgs = (): BindValue[] => [];

class SqlJsQueryable implements SqlQueryable {
	readonly provider = "sqlite";
	readonly adapterName = adapterName;

	constructor(
		protected readonly connection: Connection,
		protected readonly onQuery: QueryHook | undefined,
	) {}

	async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
		debug("[js::queryRaw] %O", query);
		while (!this.mayRunNow()) await this.connection.mutex.whenFree();
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
		while (!this.mayRunNow()) await this.connection.mutex.whenFree();
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

/** Statements that end the transaction itself, as opposed to `ROLLBACK TO` a savepoint. */
const endsTransaction = /^\s*(COMMIT|END|ROLLBACK)(\s+TRANSACTION)?\s*;?\s*$/i;
const savepointName = /^[A-Za-z_][A-Za-z0-9_]*$/;

class SqlJsTransaction extends SqlJsQueryable implements Transaction {
	readonly options: TransactionOptions = { usePhantomQuery: false };
	readonly #release: () => void;
	#ended = false;
	#closed = false;

	constructor(connection: Connection, onQuery: QueryHook | undefined, release: () => void) {
		super(connection, onQuery);
		this.#release = release;
	}

	protected override mayRunNow(): boolean {
		if (this.#closed) {
			throw new DriverAdapterError({ kind: "TransactionAlreadyClosed", cause: "The transaction is already closed" });
		}
		return true;
	}

	protected override get inTransaction(): boolean {
		return true;
	}

	override async executeRaw(query: SqlQuery): Promise<number> {
		const changes = await super.executeRaw(query);
		if (endsTransaction.test(query.sql)) this.#ended = true;
		return changes;
	}

	/** Prisma sends COMMIT itself before calling this; it is only sent here when it did not. */
	commit(): Promise<void> {
		debug("[js::commit]");
		return this.#close("COMMIT");
	}

	/** Prisma sends ROLLBACK itself, also after a failed COMMIT; it is only sent here when it did not. */
	rollback(): Promise<void> {
		debug("[js::rollback]");
		return this.#close("ROLLBACK");
	}

	async createSavepoint(name: string): Promise<void> {
		await this.executeRaw(statement(`SAVEPOINT ${checkSavepointName(name)}`));
	}

	async rollbackToSavepoint(name: string): Promise<void> {
		await this.executeRaw(statement(`ROLLBACK TO ${checkSavepointName(name)}`));
	}

	async releaseSavepoint(name: string): Promise<void> {
		await this.executeRaw(statement(`RELEASE SAVEPOINT ${checkSavepointName(name)}`));
	}

	/** Runs BEGIN; called once, by the adapter, while it holds the lock for this transaction. */
	begin(): void {
		this.perform(() => "BEGIN", noArgs, () => runCountingChanges(this.connection.db, "BEGIN", []));
	}

	async #close(endStatement: "COMMIT" | "ROLLBACK"): Promise<void> {
		if (this.#closed) return;
		try {
			if (!this.#ended) await this.executeRaw(statement(endStatement));
		} finally {
			this.#closed = true;
			this.#release();
		}
	}
}

function statement(sql: string): SqlQuery {
	return { sql, args: [], argTypes: [] };
}

function checkSavepointName(name: string): string {
	if (!savepointName.test(name)) throw new Error(`Invalid savepoint name ${JSON.stringify(name)}`);
	return name;
}

class PrismaSqlJsAdapter extends SqlJsQueryable implements SqlDriverAdapter {
	readonly #onDispose: () => void;

	constructor(connection: Connection, onQuery: QueryHook | undefined, onDispose: () => void) {
		super(connection, onQuery);
		this.#onDispose = onDispose;
	}

	/** Statements outside a transaction wait for the open one to end, so they never join it. */
	protected override mayRunNow(): boolean {
		return this.connection.mutex.isFree;
	}

	async executeScript(script: string): Promise<void> {
		debug("[js::executeScript] %s", script);
		while (!this.mayRunNow()) await this.connection.mutex.whenFree();
		const statements = this.connection.db.iterateStatements(script);
		try {
			for (let more = true; more; ) {
				let sql: string | undefined = statements.getRemainingSQL().trim();
				more = this.perform(() => sql, noArgs, () => {
					const next = statements.next();
					if (next.done) {
						sql = undefined;
						return false;
					}
					sql = next.value.getSQL().trim();
					while (next.value.step());
					return true;
				});
			}
		} finally {
			(statements as Iterator<unknown>).return?.();
		}
	}

	async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
		if (isolationLevel !== undefined && isolationLevel !== "SERIALIZABLE") {
			throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
		}
		debug("[js::startTransaction]");
		const release = await this.connection.mutex.acquire();
		const transaction = new SqlJsTransaction(this.connection, this.onQuery, release);
		try {
			transaction.begin();
		} catch (error) {
			release();
			throw error;
		}
		return transaction;
	}

	getConnectionInfo(): ConnectionInfo {
		return { maxBindValues, supportsRelationJoins: false };
	}

	async dispose(): Promise<void> {
		this.#onDispose();
	}
}

function closeConnection(connection: Connection): void {
	if (connection.closed) return;
	connection.closed = true;
	connection.db.close();
}

export interface PrismaSqlJsOptions {
	/** Called after every statement, failed ones included. See `QueryEvent`. */
	onQuery?: QueryHook;
	/** SQLite's foreign key enforcement; on by default, as in Prisma's SQLite adapters. */
	foreignKeys?: boolean;
}

/**
 * Prisma 7 driver adapter factory over sql.js. Pass it to `new PrismaClient({ adapter })`.
 *
 * ```ts
 * const adapter = new PrismaSqlJs({ sqlJs: await initSqlJs() });
 * const adapter = new PrismaSqlJs(existingDatabase, { onQuery: (event) => console.log(event.sql) });
 * ```
 */
export class PrismaSqlJs implements SqlMigrationAwareDriverAdapterFactory {
	readonly provider = "sqlite";
	readonly adapterName = adapterName;
	readonly #source: DatabaseSource;
	readonly #opener: ConnectionOpener;
	readonly #onQuery: QueryHook | undefined;
	#connection: Promise<Connection> | undefined;
	#db: Database | undefined;

	constructor(source: DatabaseSource, options: PrismaSqlJsOptions = {}) {
		this.#source = source;
		this.#opener = new ConnectionOpener(source, options.foreignKeys ?? true);
		this.#onQuery = options.onQuery;
		if (isDatabase(source)) this.#db = source;
	}

	/** The sql.js database, once open (at once when one was passed in, else after `connect()`). */
	get database(): Database | undefined {
		return this.#db;
	}

	async connect(): Promise<SqlDriverAdapter> {
		const opening = (this.#connection ??= this.#opener.open());
		let connection: Connection;
		try {
			connection = await opening;
		} catch (error) {
			if (this.#connection === opening) this.#connection = undefined;
			throw error;
		}
		this.#db = connection.db;
		return new PrismaSqlJsAdapter(connection, this.#onQuery, () => this.#disposeConnection(opening, connection));
	}

	/** A fresh in-memory database, not reported to `onQuery`; the schema engine diffs against it. */
	async connectToShadowDb(): Promise<SqlDriverAdapter> {
		const shadow = await this.#opener.openShadow();
		return new PrismaSqlJsAdapter(shadow, undefined, () => closeConnection(shadow));
	}

	/**
	 * The database file's bytes, to store and later pass back as `{ sqlJs, data }`. Throws while
	 * a transaction is writing (sql.js refuses to export then).
	 */
	export(): Uint8Array {
		if (this.#db === undefined) throw new Error("The database is not open yet: connect first (or run a query)");
		return this.#db.export();
	}

	/** A database the adapter opened is closed; the next `connect()` opens the source again. */
	#disposeConnection(opening: Promise<Connection>, connection: Connection): void {
		if (!connection.owned || this.#connection !== opening) return;
		closeConnection(connection);
		this.#connection = undefined;
		this.#db = undefined;
	}
}
