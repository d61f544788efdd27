/**
 * `npm run bench`: this adapter against the published @lucia-auth/adapter-prisma@3.0.2, on the
 * same client and database, in interleaved rounds. Prints per Lucia operation the SQL statements
 * each adapter causes and the median ops/s with the ratio. Figures only; nothing is asserted.
 *
 *   npm run bench                      SQLite, PostgreSQL, PostgreSQL + relationJoins
 *   npm run bench -- sqlite            one database only
 *   BENCH_ROUNDS=7 BENCH_ITERATIONS=300 npm run bench
 */
import { performance } from "node:perf_hooks";
import { prisma as published } from "lucia-adapter-prisma-3";
import { startPostgres, type RunningServer } from "@internal/test-kit";
import { prisma } from "../src/index.ts";
import { openTarget, type Target, type TargetSpec } from "../test/support/targets.ts";
import { createAuth, luciaOperations, type Auth, type LuciaOperation } from "./lucia-operations.ts";

const rounds = Number(process.env["BENCH_ROUNDS"] ?? 5);
const iterations = Number(process.env["BENCH_ITERATIONS"] ?? 200);

interface Contender {
	readonly name: "this adapter" | "3.0.2";
	readonly auth: Auth;
}

let idCounter = 0;
const nextId = (prefix: string) => `${prefix}-${(idCounter += 1)}`;

async function countStatements(target: Target, contender: Contender, operation: LuciaOperation): Promise<number> {
	const id = nextId("count");
	const input = await operation.prepare(contender.auth, id);
	target.log.clear();
	await operation.run(contender.auth, input, id);
	return target.log.statements.length;
}

async function opsPerSecond(contender: Contender, operation: LuciaOperation): Promise<number> {
	const ids = Array.from({ length: iterations }, () => nextId(contender.name === "3.0.2" ? "old" : "new"));
	const inputs: unknown[] = [];
	for (const id of ids) inputs.push(await operation.prepare(contender.auth, id));
	const start = performance.now();
	for (let index = 0; index < iterations; index += 1) await operation.run(contender.auth, inputs[index], ids[index]!);
	return (iterations / (performance.now() - start)) * 1000;
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function benchTarget(spec: TargetSpec, label: string): Promise<void> {
	const target = await openTarget(spec);
	try {
		const contenders: Contender[] = [
			{ name: "this adapter", auth: createAuth(prisma({ client: target.client as never, mode: "default" })) },
			{ name: "3.0.2", auth: createAuth(published(target.client as never)) }
		];
		console.log(`\n## ${label}  (${rounds} interleaved rounds × ${iterations} runs; medians)\n`);
		console.log("| operation | SQL statements (this / 3.0.2) | ops/s this adapter | ops/s 3.0.2 | ratio |");
		console.log("|---|---|---|---|---|");
		for (const operation of luciaOperations) {
			const statements = [];
			for (const contender of contenders) statements.push(await countStatements(target, contender, operation));
			const samples: Record<Contender["name"], number[]> = { "this adapter": [], "3.0.2": [] };
			// Warm-up, then alternate who goes first so drift in the machine's load hits both alike.
			for (const contender of contenders) await opsPerSecond(contender, operation);
			for (let round = 0; round < rounds; round += 1) {
				const order = round % 2 === 0 ? contenders : [...contenders].reverse();
				for (const contender of order) samples[contender.name].push(await opsPerSecond(contender, operation));
				await target.reset();
			}
			const ours = median(samples["this adapter"]);
			const theirs = median(samples["3.0.2"]);
			console.log(
				`| ${operation.name} | ${statements[0]} / ${statements[1]} | ${ours.toFixed(0)} | ${theirs.toFixed(0)} | ${(ours / theirs).toFixed(2)}× |`
			);
		}
	} finally {
		await target.close();
	}
}

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.some((filter) => name.includes(filter));

let postgres: RunningServer | null = null;
try {
	if (wanted("sqlite")) await benchTarget({ database: "sqlite", prisma: 7, schema: "reference" }, "SQLite (better-sqlite3, file), Prisma 7.10");
	if (wanted("postgres")) {
		const started = await startPostgres();
		if ("skipped" in started) {
			console.log(`\nSKIPPED PostgreSQL: ${started.skipped}`);
		} else {
			postgres = started;
			process.env["DATABASE_URL_POSTGRES"] = started.url;
			await benchTarget({ database: "postgresql", prisma: 7, schema: "reference" }, "PostgreSQL (adapter-pg), Prisma 7.10");
			await benchTarget(
				{ database: "postgresql", prisma: 7, schema: "reference", previewFeatures: ["relationJoins"] },
				"PostgreSQL (adapter-pg), Prisma 7.10 + relationJoins"
			);
		}
	}
} finally {
	await postgres?.stop();
}
console.log("\nSQL statements include BEGIN and COMMIT of transactions.");
