import { spawn } from "node:child_process";
import { chown, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Account } from "./service-account.ts";

/**
 * Throwaway database server processes and their temporary folders.
 *
 * Nothing is meant to outlive the test process: callers stop the process and remove the folder;
 * if the test process ends without doing so, an exit hook kills each server's process group and
 * deletes the folders, and SIGINT/SIGTERM/SIGHUP stop every server before the signal takes
 * effect. Only SIGKILL of the test process can leave one behind; the next start sweeps such
 * leftovers (folders `test-kit-*` in the temp dir whose owning process is gone).
 */

/** A server process, started in a process group of its own so it can be stopped with its children. */
export interface ServerProcess {
  readonly exited: boolean;
  /** Resolves when the process has exited. */
  readonly exit: Promise<void>;
  /** The last lines the server wrote, for error messages. */
  logTail(): string;
  /** Asks the server to shut down and waits until it has; kills it after 15 s. */
  stop(): Promise<void>;
}

const dirPrefix = "test-kit-";
const ownerFile = "test-kit-owner.json";
const running = new Set<ServerProcess & { pid: number }>();
const ownedDirs = new Set<string>();

interface Owner {
  ownerPid: number;
  serverPid?: number;
}

/** Creates the server's temporary folder, owned by the account the server will run as. */
export async function makeServerDir(kind: string, account: Account | undefined): Promise<string> {
  await sweepLeftovers();
  const dir = await mkdtemp(join(tmpdir(), `${dirPrefix}${kind}-`));
  ownedDirs.add(dir);
  installExitHooks();
  await writeOwner(dir, { ownerPid: process.pid });
  if (account !== undefined) await chown(dir, account.uid, account.gid);
  return dir;
}

export async function removeServerDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  ownedDirs.delete(dir);
}

/** Runs a set-up command (initdb, mariadb-install-db) as the account and throws with its output on failure. */
export async function runToCompletion(command: string, args: string[], cwd: string, account: Account | undefined): Promise<void> {
  const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"], ...account });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  if (code !== 0) throw new Error(`${command} exited with code ${code}:\n${output.trim()}`);
}

export interface LaunchOptions {
  dir: string;
  account: Account | undefined;
  /** The signal that asks this server for a quick, clean shutdown. */
  stopSignal: NodeJS.Signals;
}

/** Starts the server process; its output goes to `server.log` in its folder. */
export async function launch(command: string, args: string[], options: LaunchOptions): Promise<ServerProcess> {
  const logPath = join(options.dir, "server.log");
  const log = await open(logPath, "a");
  const child = spawn(command, args, {
    cwd: options.dir,
    detached: true,
    stdio: ["ignore", log.fd, log.fd],
    ...options.account,
  });
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once("exit", () => {
      exited = true;
      resolve();
    });
  });
  const spawned = new Promise<Error | undefined>((resolve) => {
    child.once("spawn", () => resolve(undefined));
    child.once("error", resolve);
  });
  await log.close();
  // The test process must stay free to exit; the exit hook takes the server down with it.
  child.unref();
  const spawnError = await spawned;
  if (spawnError !== undefined || child.pid === undefined) {
    throw new Error(`Could not start ${command}: ${spawnError?.message ?? "no pid"}`);
  }
  const pid = child.pid;
  await writeOwner(options.dir, { ownerPid: process.pid, serverPid: pid });

  let stopping: Promise<void> | undefined;
  const server = {
    pid,
    get exited() {
      return exited;
    },
    exit,
    logTail: () => readTail(logPath),
    stop: () => (stopping ??= stopServer(server, options.stopSignal)),
  };
  running.add(server);
  return server;
}

async function stopServer(server: ServerProcess & { pid: number }, signal: NodeJS.Signals): Promise<void> {
  if (!server.exited) {
    signalGroup(server.pid, signal);
    const timer = setTimeout(() => signalGroup(server.pid, "SIGKILL"), 15_000);
    await server.exit;
    clearTimeout(timer);
  }
  running.delete(server);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function readTail(path: string): string {
  try {
    return readFileSync(path, "utf8").split("\n").slice(-30).join("\n").trim();
  } catch {
    return "(no server log)";
  }
}

let hooksInstalled = false;

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on("exit", () => {
    for (const server of running) signalGroup(server.pid, "SIGKILL");
    for (const dir of ownedDirs) {
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // The next start sweeps it.
      }
    }
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      void Promise.allSettled([...running].map((s) => s.stop()))
        .then(() => Promise.allSettled([...ownedDirs].map(removeServerDir)))
        .then(() => process.kill(process.pid, signal));
    });
  }
}

async function writeOwner(dir: string, owner: Owner): Promise<void> {
  await writeFile(join(dir, ownerFile), JSON.stringify(owner));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes servers and folders left by test processes that died without cleaning up. */
async function sweepLeftovers(): Promise<void> {
  const root = tmpdir();
  const entries = (await readdir(root)).filter((name) => /^test-kit-(pg|mariadb)-/.test(name));
  for (const name of entries) {
    const dir = join(root, name);
    let owner: Owner;
    try {
      owner = JSON.parse(await readFile(join(dir, ownerFile), "utf8")) as Owner;
    } catch {
      // No owner file yet: maybe being created right now; only very old ones are debris.
      const age = Date.now() - (await stat(dir).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > 10 * 60_000) await removeServerDir(dir);
      continue;
    }
    if (isAlive(owner.ownerPid)) continue;
    if (owner.serverPid !== undefined && isServerOf(owner.serverPid, dir)) signalGroup(owner.serverPid, "SIGKILL");
    await removeServerDir(dir);
  }
}

/** Guards against pid reuse: the process must have been started with this folder in its arguments. */
function isServerOf(pid: number, dir: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(dir);
  } catch {
    return false;
  }
}
