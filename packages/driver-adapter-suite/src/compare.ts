import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { SuiteClient } from "./suite-client.ts";
import { type KnownDifference, type SuiteAdapter, type SuiteProvider, scenarios } from "./scenarios.ts";

export interface SharedSuiteOptions {
	provider: SuiteProvider;
	/** The adapter whose outcomes are taken as right (Prisma's own), then the one compared with it. */
	reference: SuiteAdapter;
	candidate: SuiteAdapter;
	/** A client over a fresh database with the suite's tables, through the named adapter. */
	openClient(adapter: SuiteAdapter): Promise<{ client: SuiteClient; close(): Promise<void> }>;
}

/**
 * Runs every scenario of the provider through the same generated Prisma Client on both adapters,
 * then compares each outcome; a known difference must be exactly as described, and everything
 * else in that outcome still equal.
 */
export function describeSharedSuite({ provider, reference, candidate, openClient }: SharedSuiteOptions): void {
	const adapters = [reference, candidate] as const;
	const ours = scenarios.filter((scenario) => scenario.providers === undefined || scenario.providers.includes(provider));
	const outcomes = new Map<SuiteAdapter, Map<string, unknown>>(adapters.map((name) => [name, new Map()]));

	for (const adapter of adapters) {
		describe(`shared suite on ${adapter}`, () => {
			for (const scenario of ours) {
				test(scenario.name, async () => {
					const { client, close } = await openClient(adapter);
					try {
						outcomes.get(adapter)?.set(scenario.name, await scenario.run(client, provider));
					} finally {
						await close();
					}
				});
			}
		});
	}

	const outcomeOf = (adapter: SuiteAdapter, scenario: string): unknown => {
		const recorded = outcomes.get(adapter);
		assert.ok(recorded !== undefined && recorded.has(scenario), `no outcome on ${adapter}: its run failed`);
		return recorded.get(scenario);
	};

	describe(`${candidate} gives the same outcomes as ${reference}`, () => {
		for (const scenario of ours) {
			const difference = scenario.knownDifferences?.find(
				(known) => reference in known.outcomes && candidate in known.outcomes,
			);
			test(difference ? `${scenario.name} (except a known difference)` : scenario.name, () => {
				const expected = outcomeOf(reference, scenario.name);
				const actual = outcomeOf(candidate, scenario.name);
				if (difference === undefined) {
					assert.deepStrictEqual(actual, expected);
					return;
				}
				const [expectedPart, expectedRest] = splitAt(expected, difference.path);
				const [actualPart, actualRest] = splitAt(actual, difference.path);
				assert.deepStrictEqual(expectedPart, difference.outcomes[reference], difference.why);
				assert.deepStrictEqual(actualPart, difference.outcomes[candidate], difference.why);
				assert.deepStrictEqual(actualRest, expectedRest);
			});
		}
	});
}

/** The value at `path`, and the outcome with that value blanked out. */
function splitAt(outcome: unknown, path: readonly string[]): [unknown, unknown] {
	const [key, ...rest] = path;
	if (key === undefined) return [outcome, undefined];
	assert.ok(typeof outcome === "object" && outcome !== null, `no ${key} in ${String(outcome)}`);
	const record = outcome as Record<string, unknown>;
	const [part, inner] = splitAt(record[key], rest);
	return [part, { ...record, [key]: inner }];
}
