import { accessSync, constants, readdirSync } from "node:fs";
import { delimiter, join } from "node:path";

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** First executable among the given absolute paths, then among `names` on PATH. */
export function findBinary(candidates: readonly string[], names: readonly string[]): string | undefined {
  const onPath = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  return [...candidates, ...names.flatMap((name) => onPath.map((dir) => join(dir, name)))].find(isExecutable);
}

/** Debian keeps PostgreSQL binaries per major version; newest first. */
export function postgresBinDirs(): string[] {
  try {
    return readdirSync("/usr/lib/postgresql")
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a))
      .map((v) => `/usr/lib/postgresql/${v}/bin`);
  } catch {
    return [];
  }
}
