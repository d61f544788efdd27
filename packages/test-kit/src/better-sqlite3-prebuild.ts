import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./paths.ts";

/**
 * better-sqlite3's install script (prebuild-install) downloads a prebuilt binary from GitHub, which
 * the test machines cannot reach, and then compiles one (minutes of CPU). This lays the binary the
 * repository's own install holds where prebuild-install looks for local prebuilds, and returns the
 * environment that points it there: the reader's download becomes a local copy. Another
 * better-sqlite3 version than the repository's does not match the file name and compiles as before.
 * npm, pnpm and Yarn 1 all pass the variable on to the install script.
 */
export function betterSqlite3LocalPrebuild(prebuildDir: string): NodeJS.ProcessEnv {
  const packageDir = join(repoRoot, "node_modules", "better-sqlite3");
  const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string };
  const file = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  mkdirSync(prebuildDir, { recursive: true });
  execFileSync("tar", ["-czf", join(prebuildDir, file), "-C", packageDir, "build/Release/better_sqlite3.node"]);
  return { npm_config_better_sqlite3_local_prebuilds: prebuildDir };
}
