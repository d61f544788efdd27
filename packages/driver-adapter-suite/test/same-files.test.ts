/**
 * The two driver adapters are published separately, so neither imports the other; what they
 * share is written once and kept identical here.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";

const packages = new URL("../../", import.meta.url);

for (const file of ["src/lock.ts"]) {
	test(`${file} is the same in adapter-sqljs and adapter-pglite`, async () => {
		const [sqljs, pglite] = await Promise.all(
			["prisma-adapter-sqljs", "prisma-adapter-pglite"].map((name) => readFile(new URL(`${name}/${file}`, packages), "utf8")),
		);
		assert.equal(pglite, sqljs, `packages/prisma-adapter-pglite/${file} differs from packages/prisma-adapter-sqljs/${file}: change both`);
	});
}
