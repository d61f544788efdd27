import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import mariadb from "mariadb";
import pg from "pg";
import initSqlJs from "sql.js";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "@lucia-prisma/adapter-pglite";
import { PrismaSqlJs } from "@lucia-prisma/adapter-sqljs";
import { createDatabase, ddlFromSchema, generateClient, importForPrisma, type PrismaMajor } from "@internal/test-kit";
import { schemaTextDatabase } from "./schema-text-database.ts";
import { recordStatements, type StatementLog } from "./statement-log.ts";

export type DatabaseKind = "sqlite" | "postgresql" | "mysql";
export type SchemaVariant = "reference" | "renamed";

export interface TargetSpec {
	readonly database: DatabaseKind;
	readonly prisma: PrismaMajor;
	readonly schema: SchemaVariant;
	readonly previewFeatures?: readonly string[];
	/**
	 * The driver adapter when there is a choice: for SQLite better-sqlite3 (default) or sql.js
	 * (Prisma 7); for PostgreSQL adapter-pg on the test server (default) or PGlite (Prisma 7).
	 */
	readonly driver?: "better-sqlite3" | "sqljs" | "pglite";
	/**
	 * Where the PrismaClient comes from: `prisma generate` (default), or built at run time from
	 * the schema text by @lucia-prisma/client-from-schema, as the playground does (sql.js and PGlite only).
	 */
	readonly client?: "generated" | "schema-text";
}

/** The delegate methods the tests use to arrange and inspect rows directly. */
export interface RowDelegate {
	createMany(args: { data: Record<string, unknown>[] }): Promise<{ count: number }>;
	findMany(args?: { where?: Record<string, unknown> }): Promise<Record<string, unknown>[]>;
	findUnique(args: { where: { id: string } }): Promise<Record<string, unknown> | null>;
	count(args?: { where?: Record<string, unknown> }): Promise<number>;
	deleteMany(args?: { where?: Record<string, unknown> }): Promise<{ count: number }>;
}

export interface TestClient {
	$disconnect(): Promise<void>;
	$transaction(operations: PromiseLike<unknown>[]): Promise<unknown>;
}

/** What differs between the reference schema and the renamed one. */
export interface SchemaNames {
	readonly user: string;
	readonly session: string;
	readonly key: string;
	readonly userRelationKey: string;
	/** Attributes every new user needs (the renamed schema has a required `@unique` username). */
	userAttributes(userId: string): Record<string, unknown>;
	/** A session attribute the schema has, or null. */
	readonly sessionAttribute: string | null;
}

export const schemaNames: Record<SchemaVariant, SchemaNames> = {
	reference: {
		user: "user",
		session: "session",
		key: "key",
		userRelationKey: "user",
		userAttributes: () => ({}),
		sessionAttribute: null
	},
	renamed: {
		user: "authUser",
		session: "authSession",
		key: "authKey",
		userRelationKey: "owner",
		userAttributes: (userId) => ({ username: `name-of-${userId}`, email: null }),
		sessionAttribute: "country"
	}
};

export interface Target {
	readonly spec: TargetSpec;
	readonly label: string;
	readonly names: SchemaNames;
	readonly client: TestClient;
	/** Statements sent to the database since the last `log.clear()`. */
	readonly log: StatementLog;
	delegate(model: "user" | "session" | "key"): RowDelegate;
	/** Removes every row (sessions and keys first). */
	reset(): Promise<void>;
	close(): Promise<void>;
}

const schemasDir = fileURLToPath(new URL("../../schemas/", import.meta.url));

export function schemaPath(database: DatabaseKind, schema: SchemaVariant): string {
	return join(schemasDir, `${schema}.${database}.prisma`);
}

export function targetLabel(spec: TargetSpec): string {
	const extras = spec.previewFeatures?.length ? ` +${spec.previewFeatures.join("+")}` : "";
	const database = spec.driver === "sqljs" ? "sqlite (sql.js)" : spec.driver === "pglite" ? "postgresql (PGlite)" : spec.database;
	const client = spec.client === "schema-text" ? ", client built from schema text" : "";
	return `${database} · Prisma ${spec.prisma} · ${spec.schema} schema${extras}${client}`;
}

function clientName(spec: TargetSpec): string {
	const extras = spec.previewFeatures?.length ? `-${spec.previewFeatures.join("-").toLowerCase()}` : "";
	return `${spec.schema}-${spec.database}${extras}`;
}

/** The URL of the server the test orchestrator started (or the developer gave). */
export function serverUrl(database: "postgresql" | "mysql"): string | undefined {
	return database === "postgresql" ? process.env["DATABASE_URL_POSTGRES"] : process.env["DATABASE_URL_MYSQL"];
}

interface Prepared {
	factory: { connect(): Promise<object> };
	cleanup(): Promise<void>;
}

let databaseCounter = 0;
function freshDatabaseName(spec: TargetSpec): string {
	databaseCounter += 1;
	return `lucia_p${spec.prisma}_${spec.schema}_${process.pid}_${databaseCounter}`;
}

async function prepareDatabase(spec: TargetSpec): Promise<Prepared> {
	if (spec.database === "sqlite") return prepareSqlite(spec);
	if (spec.driver === "pglite") return preparePGlite(spec);
	const server = serverUrl(spec.database);
	if (server === undefined) {
		throw new Error(`No ${spec.database} server: set ${spec.database === "postgresql" ? "DATABASE_URL_POSTGRES" : "DATABASE_URL_MYSQL"}`);
	}
	return spec.database === "postgresql" ? preparePostgres(spec, server) : prepareMysql(spec, server);
}

async function prepareSqlJs(spec: TargetSpec): Promise<Prepared> {
	if (spec.prisma !== 7) throw new Error("The sql.js driver adapter is for Prisma 7");
	const sqlJs = await initSqlJs();
	const database = new sqlJs.Database();
	database.exec(await ddlFromSchema(schemaPath("sqlite", spec.schema), "sqlite"));
	return { factory: new PrismaSqlJs(database), cleanup: async () => database.close() };
}

async function prepareSqlite(spec: TargetSpec): Promise<Prepared> {
	if (spec.driver === "sqljs") return prepareSqlJs(spec);
	const dir = await mkdtemp(join(tmpdir(), "lucia-adapter-sqlite-"));
	const file = join(dir, "test.db");
	const database = new Database(file);
	database.exec(await ddlFromSchema(schemaPath("sqlite", spec.schema), "sqlite"));
	database.close();
	const module = await importForPrisma<Record<string, new (options: { url: string }) => { connect(): Promise<object> }>>(
		spec.prisma,
		"@prisma/adapter-better-sqlite3"
	);
	const Factory = module["PrismaBetterSqlite3"] ?? module["PrismaBetterSQLite3"];
	if (Factory === undefined) throw new Error("@prisma/adapter-better-sqlite3 exports no factory");
	return { factory: new Factory({ url: `file:${file}` }), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

let sharedPGlite: Promise<PGlite> | undefined;

/**
 * PGlite takes seconds to start, so the targets of a test file share one (they run one after the
 * other); each target empties it and creates its tables, with DDL from the wasm schema engine
 * computed through the PGlite adapter itself.
 */
async function preparePGlite(spec: TargetSpec, migrationScript?: (factory: PrismaPGlite) => Promise<string>): Promise<Prepared> {
	if (spec.prisma !== 7) throw new Error("The PGlite driver adapter is for Prisma 7");
	const db = await (sharedPGlite ??= PGlite.create());
	const factory = new PrismaPGlite(db);
	const ddlOf = migrationScript ?? (async (through: PrismaPGlite) => {
		const { migrationScript } = await import("@lucia-prisma/client-from-schema");
		const { nodeWasmSource } = await import("@lucia-prisma/client-from-schema/node");
		const text = await readFile(schemaPath("postgresql", spec.schema), "utf8");
		return migrationScript({ text, provider: "postgresql" }, through, nodeWasmSource());
	});
	const ddl = await ddlOf(factory);
	await db.exec(`DROP SCHEMA IF EXISTS "public" CASCADE;\nCREATE SCHEMA "public";\n${ddl}`);
	return { factory, cleanup: async () => {} };
}

async function preparePostgres(spec: TargetSpec, server: string): Promise<Prepared> {
	const url = await createDatabase(server, freshDatabaseName(spec));
	const ddl = await ddlFromSchema(schemaPath("postgresql", spec.schema), "postgresql", url);
	const connection = new pg.Client({ connectionString: url });
	await connection.connect();
	try {
		await connection.query(ddl);
	} finally {
		await connection.end();
	}
	const { PrismaPg } = await importForPrisma<{ PrismaPg: new (options: { connectionString: string }) => { connect(): Promise<object> } }>(
		spec.prisma,
		"@prisma/adapter-pg"
	);
	return { factory: new PrismaPg({ connectionString: url }), cleanup: async () => {} };
}

async function prepareMysql(spec: TargetSpec, server: string): Promise<Prepared> {
	const url = await createDatabase(server, freshDatabaseName(spec));
	const ddl = await readFile(join(schemasDir, `${spec.schema}.mysql.sql`), "utf8");
	const connection = await mariadb.createConnection({ ...mariadbOptions(url), multipleStatements: true });
	try {
		await connection.query(ddl);
	} finally {
		await connection.end();
	}
	const { PrismaMariaDb } = await importForPrisma<{ PrismaMariaDb: new (options: mariadb.PoolConfig) => { connect(): Promise<object> } }>(
		spec.prisma,
		"@prisma/adapter-mariadb"
	);
	return { factory: new PrismaMariaDb({ ...mariadbOptions(url), connectionLimit: 8 }), cleanup: async () => {} };
}

function mariadbOptions(url: string): mariadb.ConnectionConfig {
	const parsed = new URL(url);
	return {
		host: parsed.hostname,
		port: Number(parsed.port || 3306),
		user: decodeURIComponent(parsed.username),
		password: decodeURIComponent(parsed.password),
		database: parsed.pathname.slice(1)
	};
}

type ClientConstructor = new (options: { adapter: object }) => TestClient;

async function generatedClient(spec: TargetSpec): Promise<ClientConstructor> {
	const generated = await generateClient({
		schemaPath: schemaPath(spec.database, spec.schema),
		prisma: spec.prisma,
		name: clientName(spec),
		previewFeatures: spec.previewFeatures ? [...spec.previewFeatures] : undefined
	});
	return ((await import(generated.entry)) as { PrismaClient: ClientConstructor }).PrismaClient;
}

/**
 * The playground's path: schema text (with the spec's preview features) → DDL from the wasm
 * schema engine → a runtime-built client over sql.js or PGlite.
 */
async function clientFromSchemaText(spec: TargetSpec): Promise<{ prepared: Prepared; Client: ClientConstructor }> {
	const text = withPreviewFeatures(await readFile(schemaPath(spec.database, spec.schema), "utf8"), spec.previewFeatures ?? []);
	if (spec.driver === "pglite") return pgliteClientFromSchemaText(spec, text);
	if (spec.driver !== "sqljs") throw new Error("A client from schema text runs over sql.js or PGlite");
	const database = await schemaTextDatabase(text);
	const Client = function (options: { adapter: object }) {
		return database.createClient(options.adapter as PrismaSqlJs);
	} as unknown as ClientConstructor;
	return { prepared: { factory: database.factory, cleanup: async () => database.close() }, Client };
}

async function pgliteClientFromSchemaText(spec: TargetSpec, text: string): Promise<{ prepared: Prepared; Client: ClientConstructor }> {
	const { loadSchemaCompiler, migrationScript } = await import("@lucia-prisma/client-from-schema");
	const { nodeWasmSource } = await import("@lucia-prisma/client-from-schema/node");
	const compiler = await loadSchemaCompiler(nodeWasmSource());
	const result = compiler.compile(text);
	if (!result.ok) throw new Error(`The schema did not compile:\n${result.message}`);
	const prepared = await preparePGlite(spec, (factory) => migrationScript(result.schema, factory, nodeWasmSource()));
	const Client = function (options: { adapter: object }) {
		return compiler.createClient(result.schema, { adapter: options.adapter as PrismaPGlite });
	} as unknown as ClientConstructor;
	return { prepared, Client };
}

function withPreviewFeatures(schema: string, previewFeatures: readonly string[]): string {
	if (previewFeatures.length === 0) return schema;
	if (!/^generator client \{$/m.test(schema)) throw new Error("The schema has no `generator client {` line to add preview features to");
	return schema.replace(/^generator client \{$/m, `generator client {\n  previewFeatures = ${JSON.stringify(previewFeatures)}`);
}

/** A fresh database with the schema's tables and a client of the right Prisma version over it. */
export async function openTarget(spec: TargetSpec): Promise<Target> {
	let prepared: Prepared;
	let PrismaClient: ClientConstructor;
	if (spec.client === "schema-text") {
		({ prepared, Client: PrismaClient } = await clientFromSchemaText(spec));
	} else {
		PrismaClient = await generatedClient(spec);
		prepared = await prepareDatabase(spec);
	}
	const { factory, log } = recordStatements(prepared.factory);
	const client = new PrismaClient({ adapter: factory });
	const names = schemaNames[spec.schema];
	const delegate = (model: "user" | "session" | "key"): RowDelegate => Reflect.get(client, names[model]) as RowDelegate;
	return {
		spec,
		label: targetLabel(spec),
		names,
		client,
		log,
		delegate,
		reset: async () => {
			await delegate("session").deleteMany();
			await delegate("key").deleteMany();
			await delegate("user").deleteMany();
			log.clear();
		},
		close: async () => {
			await client.$disconnect();
			await prepared.cleanup();
		}
	};
}
