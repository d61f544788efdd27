/**
 * `npm test`: every suite, with throwaway PostgreSQL and MariaDB servers.
 *   1. starts the servers (or uses DATABASE_URL_POSTGRES / DATABASE_URL_MYSQL); a server that is
 *      not installed prints one SKIPPED line, and its suite skips itself;
 *   2. installs the tools it can (Playwright's Chromium where no system Chromium is found) and prints
 *      one MISSING line per tool that is still missing, then type-checks the workspace;
 *   3. runs every *.test.ts under packages/, examples/, scripts/ and src/ with node's test runner (unit, SQLite, PostgreSQL,
 *      MariaDB, Prisma 6 and 7, browser tests in Chromium);
 *   4. builds the site and runs the Playwright end-to-end tests in e2e/;
 *   5. stops the servers and prints one closing line: "N passed, N failed".
 * `npm test -- <text>` runs only the test files whose path contains <text> (and skips 2 and 4).
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { startMariaDb, startPostgres, type RunningServer } from "@internal/test-kit";
import { ensureTestTools } from "@internal/test-kit/tools";

const root = fileURLToPath(new URL("..", import.meta.url));
const filters = process.argv.slice(2);
const reportsDir = join(root, ".tmp", "test-reports");

interface Tally {
	passed: number;
	failed: number;
}
const tally: Tally = { passed: 0, failed: 0 };

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
		child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}

function findTests(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		if (entry.name === "node_modules" || entry.name.startsWith(".")) return [];
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return findTests(path);
		return entry.name.endsWith(".test.ts") ? [path] : [];
	});
}

function tapCount(tap: string, field: string): number {
	const match = new RegExp(`^# ${field} (\\d+)$`, "m").exec(tap);
	return match ? Number(match[1]) : 0;
}

async function startServers(): Promise<{ env: NodeJS.ProcessEnv; servers: RunningServer[] }> {
	const env: NodeJS.ProcessEnv = {};
	const servers: RunningServer[] = [];
	const [postgres, mariadb] = await Promise.all([startPostgres(), startMariaDb()]);
	for (const [name, variable, result] of [
		["PostgreSQL", "DATABASE_URL_POSTGRES", postgres],
		["MariaDB", "DATABASE_URL_MYSQL", mariadb]
	] as const) {
		if ("skipped" in result) {
			console.log(`\n!!! SKIPPED: every ${name} suite: ${result.skipped}\n`);
		} else {
			servers.push(result);
			env[variable] = result.url;
			console.log(`${name} for the tests: ${result.url.replace(/:[^:@/]*@/, ":***@")}`);
		}
	}
	return { env, servers };
}

async function typecheck(): Promise<void> {
	console.log("\n# Type-checking the workspace (astro sync, then tsc --noEmit)");
	const synced = await run(process.execPath, [join(root, "node_modules/astro/astro.js"), "sync"]);
	const code = synced === 0 ? await run(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json", "--noEmit"]) : synced;
	if (code === 0) tally.passed += 1;
	else tally.failed += 1;
}

async function nodeTests(env: NodeJS.ProcessEnv): Promise<void> {
	const files = ["packages", "examples", "scripts", "src"].flatMap((dir) => findTests(join(root, dir)))
		.map((file) => relative(root, file))
		.filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
		.sort();
	if (files.length === 0) return;
	console.log(`\n# node --test: ${files.length} files`);
	const tapFile = join(reportsDir, "node-tests.tap");
	const code = await run(
		process.execPath,
		[
			"--import",
			"tsx",
			"--test",
			"--test-concurrency=2",
			"--test-reporter=spec",
			"--test-reporter-destination=stdout",
			"--test-reporter=tap",
			`--test-reporter-destination=${tapFile}`,
			...files
		],
		env
	);
	const tap = existsSync(tapFile) ? readFileSync(tapFile, "utf8") : "";
	tally.passed += tapCount(tap, "pass");
	tally.failed += tapCount(tap, "fail") + tapCount(tap, "cancelled");
	if (code !== 0 && tapCount(tap, "fail") + tapCount(tap, "cancelled") === 0) tally.failed += 1;
}

async function endToEnd(env: NodeJS.ProcessEnv): Promise<void> {
	if (!existsSync(join(root, "playwright.config.ts"))) return;
	console.log("\n# Playwright end-to-end tests (e2e/)");
	const jsonFile = join(reportsDir, "e2e.json");
	const code = await run(process.execPath, [join(root, "node_modules/@playwright/test/cli.js"), "test", "--reporter=list,json"], {
		...env,
		PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile
	});
	const stats = existsSync(jsonFile)
		? (JSON.parse(readFileSync(jsonFile, "utf8")) as { stats?: { expected?: number; unexpected?: number; flaky?: number } }).stats
		: undefined;
	tally.passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
	tally.failed += stats?.unexpected ?? 0;
	if (code !== 0 && !stats?.unexpected) tally.failed += 1;
}

rmSync(reportsDir, { recursive: true, force: true });
mkdirSync(reportsDir, { recursive: true });
const { env, servers } = await startServers();
for (const line of ensureTestTools()) console.log(`\n!!! MISSING: ${line}\n`);
try {
	if (filters.length === 0) await typecheck();
	await nodeTests(env);
	// The project test of the playground's downloads runs its PostgreSQL projects on the same server.
	if (filters.length === 0) await endToEnd(env);
} finally {
	await Promise.all(servers.map((server) => server.stop()));
}
console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exitCode = tally.failed === 0 ? 0 : 1;
