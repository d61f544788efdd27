import { execFileSync } from "node:child_process";
import { relative, resolve } from "node:path";

/**
 * The date of the newest commit that touched each file under `dir`, keyed by the
 * file's path relative to the repository root. One `git log` for the whole folder.
 * Files that were never committed are absent; without git the map is empty.
 */
export function newestCommitDates(repoRoot: string, dir: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  let log: string;
  try {
    log = execFileSync("git", ["log", "--format=t:%ct", "--name-only", "--", relative(repoRoot, dir)], {
      cwd: repoRoot,
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch {
    return dates;
  }
  let current: Date | undefined;
  for (const line of log.split("\n")) {
    if (line.startsWith("t:")) {
      current = new Date(Number(line.slice(2)) * 1000);
    } else if (line && current && !dates.has(line)) {
      // git log lists newest first, so the first date seen for a file is its newest.
      dates.set(line, current);
    }
  }
  return dates;
}

/** Looks up a file (absolute or relative to `repoRoot`) in the result of {@link newestCommitDates}. */
export function commitDateOf(dates: Map<string, Date>, repoRoot: string, file: string): Date | undefined {
  return dates.get(relative(repoRoot, resolve(repoRoot, file)).split("\\").join("/"));
}
