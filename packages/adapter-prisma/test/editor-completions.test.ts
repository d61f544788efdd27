/**
 * What an editor offers inside `prisma({ … })`: TypeScript's own completions (the language service
 * editors run) at the places a reader types a model name or a relation, for the generated clients.
 * The `@ts-expect-error` checks in types/completion.ts prove the types reject wrong names; this
 * proves editors propose the right ones, which overload order alone can break.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { generateClient } from "@internal/test-kit";
import { schemaPath } from "./support/targets.ts";

const typesDir = fileURLToPath(new URL("./types/", import.meta.url));
const siteFile = `${typesDir}completion-sites.ts`;

before(async () => {
	await generateClient({ schemaPath: schemaPath("sqlite", "reference"), prisma: 7, name: "reference-sqlite" });
	await generateClient({ schemaPath: schemaPath("sqlite", "renamed"), prisma: 7, name: "renamed-sqlite" });
});

const header = `import { prisma } from "../../src/index.ts";
import type { PrismaClient as RenamedClient } from "../.generated/p7-renamed-sqlite/client.ts";
declare const renamed: RenamedClient;
`;

/** Completion names at the `|` in `call` (which must contain one). */
function completionsAt(call: string): string[] {
	const at = call.indexOf("|");
	const text = header + call.replace("|", "");
	const config = ts.getParsedCommandLineOfConfigFile(`${typesDir}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
	const host: ts.LanguageServiceHost = {
		getScriptFileNames: () => [...config.fileNames, siteFile],
		getScriptVersion: () => "1",
		getScriptSnapshot: (path) => {
			const content = path === siteFile ? text : ts.sys.readFile(path);
			return content === undefined ? undefined : ts.ScriptSnapshot.fromString(content);
		},
		getCurrentDirectory: () => typesDir,
		getCompilationSettings: () => config.options,
		getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
		fileExists: (path) => path === siteFile || ts.sys.fileExists(path),
		readFile: (path) => (path === siteFile ? text : ts.sys.readFile(path)),
		directoryExists: ts.sys.directoryExists,
		getDirectories: ts.sys.getDirectories,
		realpath: ts.sys.realpath,
	};
	const completions = ts.createLanguageService(host).getCompletionsAtPosition(siteFile, header.length + at, {});
	return (completions?.entries ?? []).map((entry) => entry.name).sort();
}

test("modelNames complete from the client's delegates", () => {
	assert.deepEqual(
		completionsAt('prisma({ client: renamed, modelNames: { user: "|", key: "authKey", session: "authSession" }, userRelationKey: "owner" });'),
		["authKey", "authSession", "authUser"]
	);
});

test("userRelationKey completes from the session model's relations", () => {
	assert.deepEqual(
		completionsAt('prisma({ client: renamed, modelNames: { user: "authUser", key: "authKey", session: "authSession" }, userRelationKey: "|" });'),
		["owner"]
	);
});

test("mode completes to its one value", () => {
	assert.deepEqual(completionsAt('prisma({ client: renamed, mode: "|" });'), ["default"]);
});

test("the 3.0.x form completes model names too", () => {
	assert.deepEqual(completionsAt('prisma(renamed, { user: "|", key: "authKey", session: "authSession" });'), ["authKey", "authSession", "authUser"]);
});
