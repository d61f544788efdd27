import initSqlJs from "sql.js";
import { applyMigrationScript, loadSchemaCompiler, type RuntimePrismaClient, migrationScript } from "@lucia-prisma/client-from-schema";
import { nodeWasmSource } from "@lucia-prisma/client-from-schema/node";
import { PrismaSqlJs } from "@lucia-prisma/adapter-sqljs";

export interface SchemaTextDatabase {
	/** The driver adapter over the new database, with the schema's tables in it. */
	readonly factory: PrismaSqlJs;
	/** A genuine PrismaClient for the schema, over the driver adapter given (the factory, or a wrapper of it). */
	createClient(adapter: PrismaSqlJs): RuntimePrismaClient;
	close(): void;
}

/**
 * The playground's path, for schemas written inside a test: schema text → Prisma's diagnostics or
 * DDL from the wasm schema engine → a fresh sql.js database → a runtime-built client.
 */
export async function schemaTextDatabase(schemaText: string): Promise<SchemaTextDatabase> {
	const compiler = await loadSchemaCompiler(nodeWasmSource());
	const result = compiler.compile(schemaText);
	if (!result.ok) throw new Error(`The schema did not compile:\n${result.message}`);
	const SQL = await initSqlJs();
	const database = new SQL.Database();
	const factory = new PrismaSqlJs(database);
	await applyMigrationScript(factory, await migrationScript(result.schema, factory, nodeWasmSource()));
	return {
		factory,
		createClient: (adapter) => compiler.createClient(result.schema, { adapter }),
		close: () => database.close()
	};
}

/** Prisma's validation report for a schema, or null when it is valid. */
export async function schemaProblems(schemaText: string): Promise<string | null> {
	const result = (await loadSchemaCompiler(nodeWasmSource())).compile(schemaText);
	return result.ok ? null : result.message;
}
