import { PrismaPg } from "@prisma/adapter-pg";
import { createDatabase } from "@internal/test-kit";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "../../src/index.ts";
import { postgresServerUrl, sharedPGlite } from "./database.ts";

/** Driver adapters, without a Prisma Client: this adapter over the shared PGlite, and adapter-pg over a server database. */
export async function pgliteAdapter(): Promise<SqlDriverAdapter> {
	return new PrismaPGlite(await sharedPGlite()).connect();
}

let database: Promise<string> | undefined;

export async function pgAdapter(): Promise<SqlDriverAdapter> {
	const server = postgresServerUrl();
	if (server === undefined) throw new Error("No PostgreSQL server: set DATABASE_URL_POSTGRES (npm test starts one)");
	database ??= createDatabase(server, `pglite_raw_${process.pid}`);
	return new PrismaPg({ connectionString: await database }).connect();
}

/** Runs a query through an adapter and returns the DriverAdapterError's cause, or fails. */
export async function causeOf(run: Promise<unknown>): Promise<Record<string, unknown>> {
	try {
		await run;
	} catch (error) {
		const cause = (error as { cause?: unknown }).cause;
		if (error instanceof Error && error.name === "DriverAdapterError" && typeof cause === "object" && cause !== null) {
			return cause as Record<string, unknown>;
		}
		throw error;
	}
	throw new Error("expected the query to fail");
}
