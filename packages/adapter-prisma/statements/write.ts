/**
 * Writes content/data/statements.json, the SQL the docs' "What runs in the database" page shows,
 * from real runs on SQLite, PostgreSQL and MariaDB. `npm run statements` (starts the servers).
 * statements.test.ts fails when the committed file and a fresh capture differ.
 */
import { writeFile } from "node:fs/promises";
import { startMariaDb, startPostgres, type RunningServer } from "@internal/test-kit";
import { captureStatements, type CapturedOperations } from "./capture.ts";
import { statementsFile } from "./file.ts";

const servers: RunningServer[] = [];
try {
	const result: Record<string, CapturedOperations> = {};
	result["sqlite"] = await captureStatements("sqlite");
	for (const [database, start, variable] of [
		["postgresql", startPostgres, "DATABASE_URL_POSTGRES"],
		["mysql", startMariaDb, "DATABASE_URL_MYSQL"]
	] as const) {
		const server = await start();
		if ("skipped" in server) throw new Error(`Cannot capture ${database}: ${server.skipped}`);
		servers.push(server);
		process.env[variable] = server.url;
		result[database] = await captureStatements(database);
	}
	await writeFile(statementsFile, `${JSON.stringify(result, null, 2)}\n`);
	console.log(`wrote ${statementsFile}`);
} finally {
	await Promise.all(servers.map((server) => server.stop()));
}
