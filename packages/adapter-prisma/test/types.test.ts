import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { promisify } from "node:util";
import { generateClient } from "@internal/test-kit";
import { schemaPath } from "./support/targets.ts";

const run = promisify(execFile);

test("modelNames and userRelationKey are typed from the PrismaClient passed in", async () => {
	await generateClient({ schemaPath: schemaPath("sqlite", "reference"), prisma: 7, name: "reference-sqlite" });
	await generateClient({ schemaPath: schemaPath("sqlite", "renamed"), prisma: 7, name: "renamed-sqlite" });
	const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
	const project = fileURLToPath(new URL("./types/tsconfig.json", import.meta.url));
	const result = await run(process.execPath, [tsc, "-p", project, "--noEmit"]).then(
		() => "",
		(error: { stdout?: string }) => error.stdout ?? String(error)
	);
	assert.equal(result, "", result);
});
