import {
	type ConnectionInfo,
	DriverAdapterError,
	type IsolationLevel,
	type SqlDriverAdapter,
	type SqlMigrationAwareDriverAdapterFactory,
	type SqlQuery,
	type Transaction,
	type TransactionOptions,
} from "@prisma/driver-adapter-utils";
import type { Database } from "sql.js";
import { type Connection, ConnectionOpener, type DatabaseSource, isDatabase } from "./connection.ts";
import type { QueryHook, TransactionBoundary } from "./query-event.ts";
import { adapterName, debug, noArgs, SqlJsQueryable } from "./queryable.ts";
import { checkSavepointName, runCountingChanges, statement, transactionBoundary } from "./statements.ts";

/** SQLite's default SQLITE_MAX_VARIABLE_NUMBER (since 3.32), which sql.js keeps. */
const maxBindValues = 32766;


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

	protected override boundaryOf(sql: string): TransactionBoundary | undefined {
		return transactionBoundary(sql);
	}

	override async executeRaw(query: SqlQuery): Promise<number> {
		const changes = await super.executeRaw(query);
		if (transactionBoundary(query.sql) === "end") this.#ended = true;
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

class PrismaSqlJsAdapter extends SqlJsQueryable implements SqlDriverAdapter {
	readonly #onDispose: () => void;

	constructor(connection: Connection, onQuery: QueryHook | undefined, onDispose: () => void) {
		super(connection, onQuery);
		this.#onDispose = onDispose;
	}

	/** Statements outside a transaction wait for the open one to end, so they never join it. */
	protected override mayRunNow(): boolean {
		return this.connection.lock.isFree;
	}

	async executeScript(script: string): Promise<void> {
		debug("[js::executeScript] %s", script);
		while (!this.mayRunNow()) await this.connection.lock.whenFree();
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
		const release = await this.connection.lock.acquire();
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
