/**
 * The published packages' package.json files: every one follows the same packaging pattern (see
 * DEVELOPERS.md, "Publishing a package"), and its ranges say what the suites test.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { publishedPackages } from "../../src/utils/published-packages.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const sourceCondition = "@lucia-prisma/source";

interface Manifest {
	name: string;
	version: string;
	exports: Record<string, string | Record<string, string>>;
	files?: string[];
	scripts?: Record<string, string>;
	engines?: { node?: string };
	peerDependencies?: Record<string, string>;
}

const read = (path: string): Manifest => JSON.parse(readFileSync(join(repoRoot, path), "utf8")) as Manifest;
const installedVersion = (from: string, name: string) => read(join(from, "node_modules", name, "package.json")).version;
const minorRange = (version: string) => `^${version.split(".").slice(0, 2).join(".")}.0`;

describe("every published package", () => {
	for (const pkg of publishedPackages(repoRoot)) {
		const manifest = read(join(pkg.dir, "package.json"));

		test(`${pkg.name}: exports point to dist/ for consumers and to src/ under "${sourceCondition}" for the workspace`, () => {
			for (const [subpath, target] of Object.entries(manifest.exports)) {
				if (subpath === "./package.json") continue;
				assert.ok(typeof target === "object", `${subpath} needs conditions`);
				assert.deepEqual(Object.keys(target), [sourceCondition, "types", "default"], `${subpath}: the source condition comes first`);
				const source = target[sourceCondition]!;
				assert.match(source, /^\.\/src\/.+\.ts$/);
				assert.ok(existsSync(join(repoRoot, pkg.dir, source)), `${pkg.dir}/${source} does not exist`);
				const stem = source.replace(/^\.\/src\//, "").replace(/\.ts$/, "");
				assert.equal(target["types"], `./dist/${stem}.d.ts`);
				assert.equal(target["default"], `./dist/${stem}.js`);
			}
		});

		test(`${pkg.name}: built by the shared prepack step, with LICENSE, README and CHANGELOG`, () => {
			assert.equal(manifest.scripts?.["prepack"], "node --import tsx ../../scripts/build-package.ts");
			assert.deepEqual(read(join(pkg.dir, "tsconfig.build.json")), { extends: "../tsconfig.build.json" } as unknown as Manifest);
			assert.deepEqual(manifest.files, ["dist", "src", "CHANGELOG.md"]);
			assert.equal(readFileSync(join(repoRoot, pkg.dir, "LICENSE"), "utf8"), readFileSync(join(repoRoot, "LICENSE"), "utf8"));
			for (const file of ["README.md", "CHANGELOG.md"]) assert.ok(existsSync(join(repoRoot, pkg.dir, file)), `${pkg.dir}/${file} is missing`);
			assert.match(readFileSync(join(repoRoot, pkg.dir, "CHANGELOG.md"), "utf8"), new RegExp(`^## ${pkg.version.replaceAll(".", "\\.")}$`, "m"));
		});
	}
});

describe("ranges say what is tested", () => {
	test("the adapter's peer ranges start at the Prisma 6 and 7 and the lucia the suites run", () => {
		const peers = read("packages/adapter-prisma/package.json").peerDependencies ?? {};
		const prisma7 = installedVersion(".", "@prisma/client");
		const prisma6 = installedVersion("packages/prisma6-clients", "@prisma/client");
		assert.equal(peers["@prisma/client"], `${minorRange(prisma6)} || ${minorRange(prisma7)}`);
		assert.equal(peers["lucia"], `^${installedVersion(".", "lucia")}`);
	});

	test("packages built on Prisma 7 declare Prisma 7's Node.js range; the adapter the workspace's", () => {
		const prismaNode = read("node_modules/@prisma/client/package.json").engines?.node;
		for (const dir of ["packages/prisma-adapter-sqljs", "packages/client-from-schema"]) {
			assert.equal(read(join(dir, "package.json")).engines?.node, prismaNode, dir);
		}
		assert.equal(read("packages/adapter-prisma/package.json").engines?.node, read("package.json").engines?.node);
	});
});
