import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { captureStatements } from "../statements/capture.ts";
import { statementsFile } from "../statements/file.ts";
import { serverUrl, type DatabaseKind } from "./support/targets.ts";

const committed = JSON.parse(await readFile(statementsFile, "utf8")) as Record<string, unknown>;

for (const database of ["sqlite", "postgresql", "mysql"] as const satisfies readonly DatabaseKind[]) {
	const available = database === "sqlite" || serverUrl(database) !== undefined;
	if (!available) {
		console.log(`SKIPPED: statements check on ${database}: no server`);
		continue;
	}
	test(`the SQL on the docs' "What runs in the database" page is what runs on ${database} (else: npm run statements)`, async () => {
		assert.deepEqual(await captureStatements(database), committed[database]);
	});
}
