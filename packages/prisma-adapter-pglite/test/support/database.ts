import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { createDatabase, generateClient } from "@internal/test-kit";
import { migrationScript } from "@lucia-prisma/client-from-schema";
import { nodeWasmSource } from "@lucia-prisma/client-from-schema/node";
import pg from "pg";
import { type GeneratedModule, schemaDrift, type SuiteClient, suiteSchemaPaths } from "@internal/driver-adapter-suite";
import { PrismaPGlite, type QueryHook } from "../../src/index.ts";

/** The shared suite's schema, for PostgreSQL. */
export const schemaPath = suiteSchemaPaths.postgresql;

/** Empties the database: every table, type and sequence of the suite goes with the schema. */
const emptySchema = 'DROP SCHEMA IF EXISTS "public" CASCADE;\nCREATE SCHEMA "public";\n';

let generated: Promise<GeneratedModule> | undefined;
let ddl: Promise<string> | undefined;
let pglite: Promise<PGlite> | undefined;

export function loadClientModule(): Promise<GeneratedModule> {
	return (generated ??= generateClient({ schemaPath, prisma: 7, name: "pglite-suite" }).then(
		({ entry }) => import(entry) as Promise<GeneratedModule>,
	));
}

/** One PGlite per test file: starting one takes a second or more, emptying it a few milliseconds. */
export function sharedPGlite(): Promise<PGlite> {
	return (pglite ??= PGlite.create());
}

/**
 * The DDL of `prisma migrate diff --from-empty`, from the wasm schema engine through this adapter
 * (the engine only reads from the database), then the drift.
 */
export function schemaDdl(): Promise<string> {
	return (ddl ??= (async () => {
		const factory = new PrismaPGlite(await sharedPGlite());
		return (await migrationScript({ text: await readFile(schemaPath, "utf8"), provider: "postgresql" }, factory, nodeWasmSource())) + schemaDrift;
	})());
}

export function postgresServerUrl(): string | undefined {
	return process.env["DATABASE_URL_POSTGRES"];
}

export interface OpenClient {
	client: SuiteClient;
	close(): Promise<void>;
}

/** A Prisma Client over the shared PGlite, emptied and given the suite's tables. */
export async function openPGliteClient(onQuery?: QueryHook): Promise<OpenClient & { db: PGlite }> {
	const [{ PrismaClient }, script, db] = await Promise.all([loadClientModule(), schemaDdl(), sharedPGlite()]);
	await db.exec(emptySchema + script);
	const client = new PrismaClient({ adapter: new PrismaPGlite(db, onQuery ? { onQuery } : {}) });
	return { client, db, close: () => client.$disconnect() };
}

let serverDatabase: Promise<string> | undefined;

/** A Prisma Client over @prisma/adapter-pg, on one database of the test server, emptied and given the tables. */
export async function openPgClient(): Promise<OpenClient> {
	const server = postgresServerUrl();
	if (server === undefined) throw new Error("No PostgreSQL server: set DATABASE_URL_POSTGRES (npm test starts one)");
	const [{ PrismaClient }, script, url] = await Promise.all([
		loadClientModule(),
		schemaDdl(),
		(serverDatabase ??= createDatabase(server, `pglite_suite_${process.pid}`)),
	]);
	const connection = new pg.Client({ connectionString: url });
	await connection.connect();
	try {
		await connection.query(emptySchema + script);
	} finally {
		await connection.end();
	}
	const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
	return { client, close: () => client.$disconnect() };
}
