/**
 * The package managers whose commands the site shows besides npm, pinned as root devDependencies so
 * that the tests run known releases from this repository's node_modules, never a global install:
 * pnpm 12 (`pnpm`), pnpm 10 (`pnpm-10`, an alias: both releases name their command `pnpm`, so this
 * one starts from its own bin file) and Yarn 1 (`yarn`).
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runIn, strangerEnv, type CommandResult } from "./stranger-app.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface PinnedManager {
  /** The word the site's commands for this manager start with. */
  command: "pnpm" | "yarn";
  /** The root devDependency that pins it. */
  dependency: string;
  /** What starts it, and the arguments that come before a command's own. */
  program: string;
  programArgs: readonly string[];
}

export const pinnedManagers: readonly PinnedManager[] = [
  { command: "pnpm", dependency: "pnpm", program: join(repoRoot, "node_modules/.bin/pnpm"), programArgs: [] },
  { command: "pnpm", dependency: "pnpm-10", program: process.execPath, programArgs: [join(repoRoot, "node_modules/pnpm-10/bin/pnpm.cjs")] },
  { command: "yarn", dependency: "yarn", program: join(repoRoot, "node_modules/.bin/yarn"), programArgs: [] },
];

/** The version the root package.json pins: `12.4.2`, or `10.34.9` for `npm:pnpm@10.34.9`. */
export function pinnedVersion(manager: PinnedManager): string {
  const { devDependencies } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
  const range = devDependencies[manager.dependency];
  if (range === undefined) throw new Error(`package.json does not pin ${manager.dependency}`);
  return range.replace(/^npm:[^@]+@/, "");
}

/**
 * A reader's environment (`strangerEnv`) in which everything a manager would write under the home
 * folder (pnpm's store, cache and state; Yarn's cache and config) goes under `home` instead: both
 * follow the XDG variables. So do the folders both leave behind in the temporary directory.
 * Variables that would point them elsewhere are left out.
 */
export function managerEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(strangerEnv()).filter(([name]) => !/^(pnpm|yarn)_/i.test(name)));
  const tmp = join(home, "tmp");
  mkdirSync(tmp, { recursive: true });
  return {
    ...env,
    TMPDIR: tmp,
    XDG_CACHE_HOME: join(home, "cache"),
    XDG_CONFIG_HOME: join(home, "config"),
    XDG_DATA_HOME: join(home, "data"),
    XDG_STATE_HOME: join(home, "state"),
    ...extra,
  };
}

/** Runs `pnpm …` or `yarn …` with the pinned release: the arguments after the first word, unchanged. */
export function runManager(manager: PinnedManager, cwd: string, line: string, env: NodeJS.ProcessEnv): Promise<CommandResult> {
  const [command, ...args] = line.split(" ");
  if (command !== manager.command) throw new Error(`not a ${manager.command} command: ${line}`);
  return runIn(cwd, manager.program, [...manager.programArgs, ...args], env);
}
