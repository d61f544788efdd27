import type { SqlQuery, SqlQueryable } from "@prisma/driver-adapter-utils";

/** A query as Prisma would send it, with every argument typed as a plain value. */
export function sql(text: string, ...args: unknown[]): SqlQuery {
	return { sql: text, args, argTypes: args.map(() => ({ scalarType: "unknown", arity: "scalar" })) };
}

/** The rows of a query, as plain arrays. */
export async function rowsOf(queryable: SqlQueryable, text: string, ...args: unknown[]): Promise<unknown[][]> {
	return (await queryable.queryRaw(sql(text, ...args))).rows;
}
