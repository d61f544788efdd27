/**
 * Wraps a Prisma driver adapter factory so that every statement sent to the database is
 * recorded: the SQL of queryRaw/executeRaw, plus BEGIN for each transaction the driver opens
 * (the drivers send it themselves inside startTransaction), and COMMIT/ROLLBACK where the driver
 * sends those itself (`usePhantomQuery`). Works for Prisma 6 and 7 adapters.
 */
export interface StatementLog {
	/** The SQL of each statement, in order. */
	readonly statements: string[];
	/** The same statements with their bound arguments. */
	readonly entries: { sql: string; args: unknown[] }[];
	clear(): void;
}

type AnyFunction = (...args: unknown[]) => unknown;

function usesPhantomQueries(transaction: object): boolean {
	const options: unknown = Reflect.get(transaction, "options");
	return typeof options === "object" && options !== null && Reflect.get(options, "usePhantomQuery") === true;
}

function recordQueries<T extends object>(target: T, log: StatementLog): T {
	return new Proxy(target, {
		get(object, property, receiver) {
			const value: unknown = Reflect.get(object, property, receiver);
			if (typeof value !== "function") return value;
			const method = value as AnyFunction;
			if (property === "queryRaw" || property === "executeRaw") {
				return (query: { sql: string; args?: unknown[] }, ...rest: unknown[]) => {
					log.statements.push(query.sql);
					log.entries.push({ sql: query.sql, args: query.args ?? [] });
					return method.call(object, query, ...rest);
				};
			}
			if ((property === "commit" || property === "rollback") && usesPhantomQueries(object)) {
				// These drivers send COMMIT/ROLLBACK themselves instead of through executeRaw.
				return (...args: unknown[]) => {
					const sql = property === "commit" ? "COMMIT" : "ROLLBACK";
					log.statements.push(sql);
					log.entries.push({ sql, args: [] });
					return method.apply(object, args);
				};
			}
			if (property === "startTransaction") {
				return async (...args: unknown[]) => {
					const transaction = (await method.apply(object, args)) as object;
					log.statements.push("BEGIN");
					log.entries.push({ sql: "BEGIN", args: [] });
					return recordQueries(transaction, log);
				};
			}
			return method.bind(object);
		}
	});
}

export function recordStatements<Factory extends { connect(): Promise<object> }>(
	factory: Factory
): { factory: Factory; log: StatementLog } {
	const log: StatementLog = {
		statements: [],
		entries: [],
		clear() {
			this.statements.splice(0);
			this.entries.splice(0);
		}
	};
	const wrapped = new Proxy(factory, {
		get(object, property, receiver) {
			const value: unknown = Reflect.get(object, property, receiver);
			if (property === "connect" && typeof value === "function") {
				return async () => recordQueries((await (value as AnyFunction).call(object)) as object, log);
			}
			return typeof value === "function" ? (value as AnyFunction).bind(object) : value;
		}
	});
	return { factory: wrapped, log };
}
