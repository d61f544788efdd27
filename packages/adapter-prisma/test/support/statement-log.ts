/**
 * Wraps a Prisma driver adapter factory so that every statement sent to the database is
 * recorded: the SQL of queryRaw/executeRaw, plus BEGIN for each transaction the driver opens
 * (the drivers send it themselves inside startTransaction). Works for Prisma 6 and 7 adapters.
 */
export interface StatementLog {
	readonly statements: string[];
	clear(): void;
}

type AnyFunction = (...args: unknown[]) => unknown;

function recordQueries<T extends object>(target: T, log: string[]): T {
	return new Proxy(target, {
		get(object, property, receiver) {
			const value: unknown = Reflect.get(object, property, receiver);
			if (typeof value !== "function") return value;
			const method = value as AnyFunction;
			if (property === "queryRaw" || property === "executeRaw") {
				return (query: { sql: string }, ...rest: unknown[]) => {
					log.push(query.sql);
					return method.call(object, query, ...rest);
				};
			}
			if (property === "startTransaction") {
				return async (...args: unknown[]) => {
					const transaction = (await method.apply(object, args)) as object;
					log.push("BEGIN");
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
	const statements: string[] = [];
	const wrapped = new Proxy(factory, {
		get(object, property, receiver) {
			const value: unknown = Reflect.get(object, property, receiver);
			if (property === "connect" && typeof value === "function") {
				return async () => recordQueries((await (value as AnyFunction).call(object)) as object, statements);
			}
			return typeof value === "function" ? (value as AnyFunction).bind(object) : value;
		}
	});
	return { factory: wrapped, log: { statements, clear: () => void statements.splice(0) } };
}
