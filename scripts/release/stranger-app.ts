/**
 * A fresh app outside the workspace, as a stranger would have it: its own folder under the OS's
 * temporary directory, plain `npm`, plain `node`, and none of this workspace's settings (no
 * `.npmrc`, no `--conditions` that resolve the packages to their sources, no `npm_config_*` that
 * `npm test` passes down).
 */
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

export function strangerEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^npm_/i.test(key) || key === "NODE_OPTIONS" || key.startsWith("NODE_TEST")) continue;
		env[key] = value;
	}
	return { ...env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
}

export interface CommandResult {
	stdout: string;
	stderr: string;
}

/** Runs a command in `cwd`; a failure throws with the command, its exit code and its output. */
export async function runIn(cwd: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = strangerEnv()): Promise<CommandResult> {
	try {
		return await execFileAsync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
	} catch (error) {
		const { code, stdout, stderr } = error as { code?: number; stdout?: string; stderr?: string };
		throw new Error(`\`${command} ${args.join(" ")}\` in ${cwd} failed (exit ${code}):\n${stderr ?? ""}\n${stdout ?? ""}`);
	}
}

/** An empty ESM app with a package.json, in a new temporary folder. */
export async function createApp(prefix: string): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
	await writeFile(join(dir, "package.json"), `${JSON.stringify({ name: "stranger-app", private: true, type: "module" }, null, 2)}\n`);
	return dir;
}

/** `npm install` as typed in a terminal (the npm cache makes repeated runs quick). */
export function npmInstall(dir: string, specs: readonly string[], dev = false): Promise<CommandResult> {
	return runIn(dir, "npm", ["install", ...(dev ? ["-D"] : []), "--no-audit", "--no-fund", "--prefer-offline", ...specs]);
}

/**
 * `prisma generate` with the app's own CLI, offline: the CLI wants a native schema engine before it
 * generates and would download one; generate never runs it, so any existing file will do.
 */
export function prismaGenerate(dir: string): Promise<CommandResult> {
	return runIn(dir, process.execPath, [join(dir, "node_modules/prisma/build/index.js"), "generate"], {
		...strangerEnv(),
		PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
	});
}
