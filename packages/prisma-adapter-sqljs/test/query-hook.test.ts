import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { PrismaSqlJs, type QueryEvent } from "../src/index.ts";
import { loadSqlJs, openClient } from "./support/database.ts";
import { sql } from "./support/queries.ts";

/** Opens a client over sql.js whose hook records every event. */
async function recordedClient() {
	const events: QueryEvent[] = [];
	const opened = await openClient("sql.js", (event) => events.push(event));
	return { ...opened, events };
}

/** The first word of each statement, whether it ran in a transaction, and whether it began or ended one. */
function outline(events: readonly QueryEvent[]): string[] {
	return events.map(
		(event) =>
			`${event.sql.trim().split(/\s+/)[0]}${event.inTransaction ? " (in transaction)" : ""}${event.transactionBoundary ? ` [${event.transactionBoundary}]` : ""}`,
	);
}

describe("the onQuery hook", () => {
	test("sees the two SELECTs of a findUnique with include, outside any transaction", async () => {
		const { client, close, events } = await recordedClient();
		try {
			await client.author.create({ data: { email: "a@x", karma: 2n ** 62n, posts: { create: { id: "p", title: "t" } } } });
			events.length = 0;
			await client.author.findUnique({ where: { email: "a@x" }, include: { posts: true } });
			assert.deepEqual(outline(events), ["SELECT", "SELECT"]);
			const [author, posts] = events;
			assert.match(author?.sql ?? "", /FROM `main`.`Author` WHERE/);
			assert.match(posts?.sql ?? "", /FROM `main`.`Post` WHERE/);
			assert.equal(author?.args[0], "a@x");
			assert.equal(posts?.args[0], 1);
			for (const event of events) {
				assert.equal(typeof event.durationMs, "number");
				assert.ok(event.durationMs >= 0);
				assert.equal(event.error, undefined);
			}
		} finally {
			await close();
		}
	});

	test("shows arguments as SQLite received them: exact bigints as text, booleans as 0/1, dates as ISO text", async () => {
		const { client, close, events } = await recordedClient();
		try {
			await client.author.create({
				data: { email: "b@x", karma: 2n ** 53n + 1n, verified: true, joinedAt: new Date("2024-01-01T00:00:00Z"), avatar: new Uint8Array([1, 2]) },
			});
			const args = events.at(-1)?.args ?? [];
			assert.ok(args.includes("9007199254740993"));
			assert.ok(args.includes(1));
			assert.ok(args.includes("2024-01-01T00:00:00.000+00:00"));
			assert.ok(args.some((arg) => arg instanceof Uint8Array && arg.length === 2));
		} finally {
			await close();
		}
	});

	test("marks BEGIN, the statements and COMMIT of a batch transaction as in a transaction", async () => {
		const { client, close, events } = await recordedClient();
		try {
			await client.$transaction([client.author.create({ data: { email: "1@x" } }), client.author.create({ data: { email: "2@x" } })]);
			await client.author.count();
			assert.deepEqual(outline(events), [
				"BEGIN (in transaction) [begin]",
				"INSERT (in transaction)",
				"INSERT (in transaction)",
				"COMMIT (in transaction) [end]",
				"SELECT",
			]);
		} finally {
			await close();
		}
	});

	test("reports the failing statement with its error, then the ROLLBACK of the interactive transaction", async () => {
		const { client, close, events } = await recordedClient();
		try {
			await client.author.create({ data: { email: "taken@x" } });
			events.length = 0;
			await assert.rejects(
				client.$transaction(async (tx) => {
					await tx.author.create({ data: { email: "taken@x" } });
				}),
				{ code: "P2002" },
			);
			assert.deepEqual(outline(events), ["BEGIN (in transaction) [begin]", "INSERT (in transaction)", "ROLLBACK (in transaction) [end]"]);
			assert.deepEqual(events[1]?.error, {
				message: "UNIQUE constraint failed: Author.email",
				kind: "UniqueConstraintViolation",
				code: "SQLITE_CONSTRAINT_UNIQUE",
			});
			assert.equal(events[0]?.error, undefined);
			assert.equal(events[2]?.error, undefined);
		} finally {
			await close();
		}
	});

	test("reports each statement of a script, and a statement that does not compile", async () => {
		const SQL = await loadSqlJs();
		const events: QueryEvent[] = [];
		const adapter = await new PrismaSqlJs({ sqlJs: SQL }, { onQuery: (event) => events.push(event) }).connect();
		await adapter.executeScript('-- CreateTable\nCREATE TABLE "A" ("id" INTEGER);\n\nCREATE INDEX "A_id" ON "A" ("id");\n-- the end\n');
		assert.deepEqual(
			events.map((event) => event.sql),
			['-- CreateTable\nCREATE TABLE "A" ("id" INTEGER);', 'CREATE INDEX "A_id" ON "A" ("id");'],
		);
		events.length = 0;
		await assert.rejects(adapter.queryRaw(sql("SELEKT 1")));
		assert.deepEqual(events.map((event) => [event.sql, event.error?.message]), [["SELEKT 1", 'near "SELEKT": syntax error']]);
	});

	test("events are plain data that can be posted out of a worker", async () => {
		const { client, close, events } = await recordedClient();
		try {
			await client.author.create({ data: { email: "c@x", avatar: new Uint8Array([3]) } });
			await assert.rejects(client.author.create({ data: { email: "c@x" } }));
			assert.equal(events.length, 2);
			assert.deepStrictEqual(structuredClone(events), events);
		} finally {
			await close();
		}
	});

	test("a hook that throws does not break the query", async () => {
		const SQL = await loadSqlJs();
		let calls = 0;
		const adapter = await new PrismaSqlJs(
			{ sqlJs: SQL },
			{
				onQuery: () => {
					calls += 1;
					throw new Error("hook failure");
				},
			},
		).connect();
		assert.deepEqual((await adapter.queryRaw(sql("SELECT 1 AS one"))).rows, [[1]]);
		assert.equal(calls, 1);
	});
});
