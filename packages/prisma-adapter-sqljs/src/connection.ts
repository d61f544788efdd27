import type { Database, SqlJsStatic } from "sql.js";
import { type Lock, lockOf } from "./lock.ts";

/** sql.js's module, or a function that loads it (called at most once per factory). */
export type SqlJsLoader = SqlJsStatic | (() => Promise<SqlJsStatic>);

/**
 * Where the adapter's database comes from: an open sql.js `Database` (the caller keeps owning
 * it), or sql.js itself plus, optionally, the bytes of a database file to open (the adapter
 * owns that database and closes it on dispose).
 */
export type DatabaseSource = Database | { sqlJs: SqlJsLoader; data?: ArrayLike<number> | null };

/** The state every adapter and transaction over one database shares. */
export interface Connection {
	readonly db: Database;
	/** Held by the open transaction; statements outside it wait until it is released. */
	readonly lock: Lock;
	/** Whether the adapter opened the database, and therefore closes it. */
	readonly owned: boolean;
	/** Set once the adapter has closed the database; sql.js itself then fails with odd messages. */
	closed: boolean;
}

export function isDatabase(source: DatabaseSource): source is Database {
	return !("sqlJs" in source);
}

/** Opens databases for one source, loading sql.js only once. */
export class ConnectionOpener {
	readonly #source: DatabaseSource;
	readonly #foreignKeys: boolean;
	#sqlJs: Promise<SqlJsStatic> | undefined;

	constructor(source: DatabaseSource, foreignKeys: boolean) {
		this.#source = source;
		this.#foreignKeys = foreignKeys;
	}

	async open(): Promise<Connection> {
		const source = this.#source;
		if (isDatabase(source)) return this.#prepare(source, false);
		const sqlJs = await this.#loadSqlJs(source.sqlJs);
		return this.#prepare(new sqlJs.Database(source.data ?? null), true);
	}

	/** A fresh in-memory database from the same sql.js build, for the schema engine's diffs. */
	async openShadow(): Promise<Connection> {
		const source = this.#source;
		const DatabaseClass = isDatabase(source)
			? (Object.getPrototypeOf(source).constructor as SqlJsStatic["Database"])
			: (await this.#loadSqlJs(source.sqlJs)).Database;
		return this.#prepare(new DatabaseClass(), true);
	}

	#loadSqlJs(loader: SqlJsLoader): Promise<SqlJsStatic> {
		this.#sqlJs ??= typeof loader === "function" ? loader() : Promise.resolve(loader);
		return this.#sqlJs;
	}

	/** sql.js builds SQLite with foreign keys off; Prisma's SQLite adapters run with them on. */
	#prepare(db: Database, owned: boolean): Connection {
		db.run(`PRAGMA foreign_keys = ${this.#foreignKeys ? "ON" : "OFF"}`);
		return { db, lock: lockOf(db), owned, closed: false };
	}
}
