import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type AdapterName, openClient } from "./support/database.ts";
import { type KnownDifference, scenarios } from "./suite/scenarios.ts";

/**
 * The shared CRUD / relation / transaction / error suite, run through the same generated Prisma
 * Client on @prisma/adapter-better-sqlite3 and on this adapter; then every outcome is compared.
 */
const adapters: readonly AdapterName[] = ["better-sqlite3", "sql.js"];
const outcomes = new Map<AdapterName, Map<string, unknown>>(adapters.map((name) => [name, new Map()]));

for (const adapter of adapters) {
	describe(`shared suite on ${adapter}`, () => {
		for (const scenario of scenarios) {
			test(scenario.name, async () => {
				const { client, close } = await openClient(adapter);
				try {
					outcomes.get(adapter)?.set(scenario.name, await scenario.run(client));
				} finally {
					await close();
				}
			});
		}
	});
}

describe("sql.js gives the same outcomes as better-sqlite3", () => {
	for (const scenario of scenarios) {
		const difference = scenario.knownDifference;
		test(difference ? `${scenario.name} (except a known difference)` : scenario.name, () => {
			const expected = outcomeOf("better-sqlite3", scenario.name);
			const actual = outcomeOf("sql.js", scenario.name);
			if (difference === undefined) {
				assert.deepStrictEqual(actual, expected);
				return;
			}
			const [expectedPart, expectedRest] = splitAt(expected, difference);
			const [actualPart, actualRest] = splitAt(actual, difference);
			assert.deepStrictEqual(expectedPart, difference["better-sqlite3"], difference.why);
			assert.deepStrictEqual(actualPart, difference["sql.js"], difference.why);
			assert.deepStrictEqual(actualRest, expectedRest);
		});
	}
});

function outcomeOf(adapter: AdapterName, scenario: string): unknown {
	const recorded = outcomes.get(adapter);
	assert.ok(recorded !== undefined && recorded.has(scenario), `no outcome on ${adapter}: its run failed`);
	return recorded.get(scenario);
}

/** The value at the difference's path, and the outcome with that value blanked out. */
function splitAt(outcome: unknown, difference: KnownDifference): [unknown, unknown] {
	const [key, ...rest] = difference.path;
	if (key === undefined) return [outcome, undefined];
	assert.ok(typeof outcome === "object" && outcome !== null, `no ${key} in ${String(outcome)}`);
	const record = outcome as Record<string, unknown>;
	const [part, inner] = splitAt(record[key], { ...difference, path: rest });
	return [part, { ...record, [key]: inner }];
}
