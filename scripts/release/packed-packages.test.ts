/**
 * What a stranger does with the packages: pack each one (`npm pack` builds it first), install the
 * tarballs with their declared dependencies into a fresh app outside the workspace, and use them
 * with plain `node` and `tsc`, without this workspace's TypeScript loader or source condition.
 */
import assert from "node:assert/strict";
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { packPackages } from "../../src/integrations/static-host-files.ts";
import { tarballFileName } from "../../src/utils/install-commands.ts";
import { publishedPackages } from "../../src/utils/published-packages.ts";
import { createApp, npmInstall, prismaGenerate, runIn } from "./stranger-app.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const fixtures = fileURLToPath(new URL("./app/", import.meta.url));
const packages = publishedPackages(repoRoot);

/** The reference schema's models, with both of Prisma 7's generators. */
async function appSchema(): Promise<string> {
	const reference = await readFile(join(repoRoot, "packages/adapter-prisma/schemas/reference.sqlite.prisma"), "utf8");
	const models = reference.replace(/generator client \{[^}]*\}\s*/, "");
	return [
		'generator client {\n  provider = "prisma-client-js"\n}',
		'generator ts {\n  provider = "prisma-client"\n  output   = "../generated/prisma"\n}',
		models,
	].join("\n\n");
}

/** The ```js blocks of a README, each a program that runs as it is. */
function runnableExamples(readme: string): string[] {
	return [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? "");
}

let packDir: string;
let app: string;

before(async () => {
	packDir = await mkdtemp(join(tmpdir(), "packed-"));
	packPackages(packages, packDir);
	app = await createApp("stranger-app");
	await mkdir(join(app, "prisma"));
	await writeFile(join(app, "prisma/schema.prisma"), await appSchema());
	for (const file of ["lucia-flow.mjs", "lucia.d.ts", "consumer-client-js.ts", "consumer-client-ts.ts", "tsconfig.nodenext.json", "tsconfig.bundler.json"]) {
		await copyFile(join(fixtures, file), join(app, file));
	}
	await npmInstall(app, [
		...packages.map((pkg) => join(packDir, tarballFileName(pkg.name, pkg.version))),
		"lucia@2.7.7",
		"@prisma/client@7.10.0",
		"prisma@7.10.0",
		"sql.js@1.16.0",
		"typescript@6.0.3",
		"@types/node@20",
	]);
	await prismaGenerate(app);
});

describe("each tarball", () => {
	for (const pkg of packages) {
		const tarball = () => join(packDir, tarballFileName(pkg.name, pkg.version));

		test(`${pkg.name} holds dist/, its sources, README, LICENSE and CHANGELOG, and nothing else`, async () => {
			const { stdout } = await runIn(packDir, "tar", ["-tzf", tarball()]);
			const files = stdout.trim().split("\n").map((line) => line.replace(/^package\//, ""));
			const unexpected = files.filter((file) => !/^(dist\/|src\/|README\.md$|LICENSE$|CHANGELOG\.md$|package\.json$)/.test(file));
			assert.deepEqual(unexpected, []);
			for (const required of ["README.md", "LICENSE", "CHANGELOG.md", "package.json", "dist/index.js", "dist/index.d.ts", "dist/index.d.ts.map"]) {
				assert.ok(files.includes(required), `${required} is missing from ${tarballFileName(pkg.name, pkg.version)}`);
			}
			assert.ok(!files.some((file) => /\.test\.ts$/.test(file)), "no tests in the tarball");
			const installed = join(app, "node_modules", pkg.name);
			assert.equal(await readFile(join(installed, "LICENSE"), "utf8"), await readFile(join(repoRoot, "LICENSE"), "utf8"));
		});

		test(`${pkg.name}: publint finds nothing`, async () => {
			const cli = join(repoRoot, "node_modules/publint/src/cli.js");
			const { stdout } = await runIn(repoRoot, process.execPath, [cli, "run", tarball(), "--strict"]);
			assert.match(stdout, /All good!/);
		});

		test(`${pkg.name}: Are the types wrong? passes (ESM only)`, async () => {
			const cli = join(repoRoot, "node_modules/@arethetypeswrong/cli/dist/index.js");
			// attw exits with 1 on any problem in the resolutions the profile keeps (node16 from ESM, bundler).
			const { stdout } = await runIn(repoRoot, process.execPath, [cli, tarball(), "--profile", "esm-only", "--format", "ascii"]);
			assert.match(stdout, /node16 \(from ESM\): 🟢/u);
		});
	}
});

describe("in the stranger's app, with plain node", () => {
	for (const form of ["default", "model-names"]) {
		test(`a whole Lucia flow runs with prisma({ ${form === "default" ? 'mode: "default"' : "modelNames, userRelationKey"} })`, async () => {
			const { stdout } = await runIn(app, process.execPath, ["lucia-flow.mjs", form]);
			assert.deepEqual(JSON.parse(stdout), {
				form,
				sameUser: true,
				state: "active",
				duplicate: "AUTH_DUPLICATE_KEY_ID",
				afterSignOut: "AUTH_INVALID_SESSION_ID",
				afterDelete: "AUTH_INVALID_USER_ID",
			});
		});
	}

	for (const name of ["@lucia-prisma/adapter-sqljs", "@lucia-prisma/client-from-schema"]) {
		test(`the examples in ${name}'s README run`, async () => {
			const examples = runnableExamples(await readFile(join(app, "node_modules", name, "README.md"), "utf8"));
			assert.ok(examples.length > 0, `${name}'s README has no \`\`\`js example`);
			for (const [index, code] of examples.entries()) {
				const file = `readme-${name.split("/")[1]}-${index}.mjs`;
				await writeFile(join(app, file), code);
				await runIn(app, process.execPath, [file]);
			}
		});
	}
});

describe("a strict TypeScript consumer", () => {
	for (const resolution of ["nodenext", "bundler"]) {
		test(`type-checks with moduleResolution ${resolution} against both generators' clients, and a wrong model name is an error`, async () => {
			await runIn(app, process.execPath, [join(app, "node_modules/typescript/bin/tsc"), "-p", `tsconfig.${resolution}.json`]);
		});
	}
});
