import { readdirSync, readFileSync } from "node:fs";

export interface ServerProcessInfo {
  pid: number;
  args: string[];
}

/** Processes whose command line contains every one of `needles` (read from /proc). */
export function processesWith(...needles: string[]): ServerProcessInfo[] {
  const found: ServerProcessInfo[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
    } catch {
      continue;
    }
    const args = cmdline.split("\0").filter(Boolean);
    if (needles.every((needle) => args.some((arg) => arg.includes(needle)))) found.push({ pid: Number(entry), args });
  }
  return found;
}
