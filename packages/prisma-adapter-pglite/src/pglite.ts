import type { PGlite } from "@electric-sql/pglite";
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
import { closeConnection, type Connection, isPGlite, openConnection, type PGliteSource } from "./connection.ts";
import type { QueryHook, TransactionBoundary } from "./query-event.ts";
import { adapterName, debug, PGliteQueryable } from "./queryable.ts";
import { checkSavepointName, statement, transactionBoundary } from "./statements.ts";


/** The isolation levels PostgreSQL has (Prisma's `Snapshot` is SQL Server's). */
const isolationLevels: ReadonlySet<IsolationLevel> = new Set<IsolationLevel>([
	"READ UNCOMMITTED",
	"READ COMMITTED",
	"REPEATABLE READ",
	"SERIALIZABLE",
]);

class PGliteTransaction extends PGliteQueryable implements Transaction {
	readonly options: TransactionOptions = { usePhantomQuery: false };
	readonly #release: () => void;
	#ended = false;
	#closed = false;

	constructor(connection: Connection, onQuery: QueryHook | undefined, release: () => void) {
		super(connection, onQuery);
		this.#release = release;
	}

	/** The transaction holds the lock from BEGIN to its end; its statements run at once. */
	protected override withConnection<T>(work: () => Promise<T>): Promise<T> {
		if (this.#closed) {
			throw new DriverAdapterError({ kind: "TransactionAlreadyClosed", cause: "The transaction is already closed" });
		}
		return work();
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

	/**
	 * BEGIN, then the isolation level as the transaction's first statement (PostgreSQL accepts
	 * `SET TRANSACTION` only inside a transaction, before any query), as adapter-pg sends them.
	 */
	async begin(isolationLevel: IsolationLevel | undefined): Promise<void> {
		await this.executeRaw(statement("BEGIN"));
		if (isolationLevel !== undefined) await this.executeRaw(statement(`SET TRANSACTION ISOLATION LEVEL ${isolationLevel}`));
	}

	/** Prisma sends COMMIT itself before calling this; it is only sent here when it did not. */
	commit(): Promise<void> {
		debug("[js::commit]");
		return this.#close("COMMIT");
	}

	/** Prisma sends ROLLBACK itself; it is only sent here when it did not. */
	rollback(): Promise<void> {
		debug("[js::rollback]");
		return this.#close("ROLLBACK");
	}

	async createSavepoint(name: string): Promise<void> {
		await this.executeRaw(statement(`SAVEPOINT ${checkSavepointName(name)}`));
	}

	async rollbackToSavepoint(name: string): Promise<void> {
		await this.executeRaw(statement(`ROLLBACK TO SAVEPOINT ${checkSavepointName(name)}`));
	}

	async releaseSavepoint(name: string): Promise<void> {
		await this.executeRaw(statement(`RELEASE SAVEPOINT ${checkSavepointName(name)}`));
	}

	async #close(endStatement: "COMMIT" | "ROLLBACK"): Promise<void> {
		if (this.#closed) return;
		try {
			if (!this.#ended && !this.connection.db.closed) await this.executeRaw(statement(endStatement));
		} finally {
			this.#closed = true;
			this.#release();
		}
	}
}

class PrismaPGliteAdapter extends PGliteQueryable implements SqlDriverAdapter {
	readonly #onDispose: () => Promise<void>;

	constructor(connection: Connection, onQuery: QueryHook | undefined, onDispose: () => Promise<void>) {
		super(connection, onQuery);
		this.#onDispose = onDispose;
	}

	/** Statements outside a transaction wait for the open one to end, so they never join it. */
	protected override withConnection<T>(work: () => Promise<T>): Promise<T> {
		return this.connection.lock.run(work);
	}

	/** The whole script in one round trip (PostgreSQL runs it as one implicit transaction), one event. */
	async executeScript(script: string): Promise<void> {
		debug("[js::executeScript] %s", script);
		await this.withConnection(() => this.perform(script, [], () => this.connection.db.exec(script)));
	}

	async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
		if (isolationLevel !== undefined && !isolationLevels.has(isolationLevel)) {
			throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
		}
		debug("[js::startTransaction] %s", isolationLevel ?? "");
		const release = await this.connection.lock.acquire();
		const transaction = new PGliteTransaction(this.connection, this.onQuery, release);
		try {
			await transaction.begin(isolationLevel);
		} catch (error) {
			await transaction.rollback().catch(() => undefined);
			throw error;
		}
		return transaction;
	}

	getConnectionInfo(): ConnectionInfo {
		return { supportsRelationJoins: true };
	}

	async dispose(): Promise<void> {
		await this.#onDispose();
	}
}

export interface PrismaPGliteOptions {
	/** Called after every statement, failed ones included. See `QueryEvent`. */
	onQuery?: QueryHook;
	/**
	 * Creates the empty database the schema engine diffs against (`connectToShadowDb`). By
	 * default: the source function again, or, for a PGlite passed in, `PGlite.create()`.
	 */
	shadowDatabase?: () => Promise<PGlite>;
}

/**
 * Prisma 7 driver adapter factory over PGlite. Pass it to `new PrismaClient({ adapter })`.
 *
 * ```ts
 * const adapter = new PrismaPGlite(() => PGlite.create());
 * const adapter = new PrismaPGlite(existingPGlite, { onQuery: (event) => console.log(event.sql) });
 * ```
 */
export class PrismaPGlite implements SqlMigrationAwareDriverAdapterFactory {
	readonly provider = "postgres";
	readonly adapterName = adapterName;
	readonly #source: PGliteSource;
	readonly #onQuery: QueryHook | undefined;
	readonly #shadowDatabase: () => Promise<PGlite>;
	#connection: Promise<Connection> | undefined;
	#db: PGlite | undefined;

	constructor(source: PGliteSource, options: PrismaPGliteOptions = {}) {
		this.#source = source;
		this.#onQuery = options.onQuery;
		this.#shadowDatabase = options.shadowDatabase ?? (isPGlite(source) ? createPGlite : source);
		if (isPGlite(source)) this.#db = source;
	}

	/** The PGlite, once open (at once when one was passed in, else after `connect()`). */
	get database(): PGlite | undefined {
		return this.#db;
	}

	async connect(): Promise<SqlDriverAdapter> {
		const opening = (this.#connection ??= this.#open());
		let connection: Connection;
		try {
			connection = await opening;
		} catch (error) {
			if (this.#connection === opening) this.#connection = undefined;
			throw error;
		}
		this.#db = connection.db;
		return new PrismaPGliteAdapter(connection, this.#onQuery, () => this.#disposeConnection(opening, connection));
	}

	/** A fresh, empty database, not reported to `onQuery`, closed when the schema engine disposes of it. */
	async connectToShadowDb(): Promise<SqlDriverAdapter> {
		const shadow = await openConnection(await this.#shadowDatabase(), true);
		return new PrismaPGliteAdapter(shadow, undefined, () => closeConnection(shadow));
	}

	async #open(): Promise<Connection> {
		const source = this.#source;
		return isPGlite(source) ? openConnection(source, false) : openConnection(await source(), true);
	}

	/** A database the adapter created is closed; the next `connect()` creates one again. */
	async #disposeConnection(opening: Promise<Connection>, connection: Connection): Promise<void> {
		if (!connection.owned || this.#connection !== opening) return;
		this.#connection = undefined;
		this.#db = undefined;
		await closeConnection(connection);
	}
}

async function createPGlite(): Promise<PGlite> {
	const { PGlite } = await import("@electric-sql/pglite");
	return PGlite.create();
}
