/**
 * The `prepack` step of every published package, run by `npm pack` / `npm publish` in the
 * package's folder: deletes dist/ and compiles src/ again with the package's tsconfig.build.json,
 * so a tarball never holds stale or missing output.
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";

const config = "tsconfig.build.json";
if (!existsSync(config)) {
	console.error(`build-package: no ${config} in ${process.cwd()}; run it from a package folder (npm pack does).`);
	process.exit(1);
}
rmSync("dist", { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const result = spawnSync(process.execPath, [tsc, "-p", config], { stdio: "inherit" });
process.exit(result.status ?? 1);
