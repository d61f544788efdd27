import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { ddlFromSchema, generateClient } from "@internal/test-kit";
import Database from "better-sqlite3";
import initSqlJs, { type SqlJsStatic } from "sql.js";
import { PrismaSqlJs, type QueryHook } from "../../src/index.ts";
import { type GeneratedModule, schemaDrift, type SuiteClient, suiteSchemaPaths } from "@internal/driver-adapter-suite";

export const schemaPath = suiteSchemaPaths.sqlite;

let generated: Promise<GeneratedModule> | undefined;
let ddl: Promise<string> | undefined;
let sqlJs: Promise<SqlJsStatic> | undefined;

export function loadClientModule(): Promise<GeneratedModule> {
	return (generated ??= generateClient({ schemaPath, prisma: 7, name: "sqljs-suite" }).then(
		({ entry }) => import(entry) as Promise<GeneratedModule>,
	));
}

/** The DDL `prisma migrate diff --from-empty` prints for the test schema, then the drift. */
export function schemaDdl(): Promise<string> {
	return (ddl ??= ddlFromSchema(schemaPath, "sqlite").then((script) => script + schemaDrift));
}

export function loadSqlJs(): Promise<SqlJsStatic> {
	return (sqlJs ??= initSqlJs());
}

export type AdapterName = "better-sqlite3" | "sql.js";

export interface OpenClient {
	client: SuiteClient;
	close(): Promise<void>;
}

/** A Prisma Client over a fresh database with the test schema's tables, through either adapter. */
export async function openClient(adapter: AdapterName, onQuery?: QueryHook): Promise<OpenClient> {
	const [{ PrismaClient }, script] = await Promise.all([loadClientModule(), schemaDdl()]);
	if (adapter === "sql.js") {
		const SQL = await loadSqlJs();
		const database = new SQL.Database();
		database.exec(script);
		const client = new PrismaClient({ adapter: new PrismaSqlJs(database, onQuery ? { onQuery } : {}) });
		return {
			client,
			close: async () => {
				await client.$disconnect();
				database.close();
			},
		};
	}
	const dir = await mkdtemp(join(tmpdir(), "adapter-sqljs-suite-"));
	const file = join(dir, "suite.db");
	const database = new Database(file);
	database.exec(script);
	database.close();
	const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}` }) });
	return {
		client,
		close: async () => {
			await client.$disconnect();
			await rm(dir, { recursive: true, force: true });
		},
	};
}
