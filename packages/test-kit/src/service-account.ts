import { readFileSync } from "node:fs";

export interface Account {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL and MariaDB refuse to run as root. As root, the server runs as its system user
 * (postgres / mysql); otherwise as the current user, which needs no account at all.
 */
export function serviceAccount(name: string): Account | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const line of readFileSync("/etc/passwd", "utf8").split("\n")) {
    const [user, , uid, gid] = line.split(":");
    if (user === name && uid !== undefined && gid !== undefined) return { uid: Number(uid), gid: Number(gid) };
  }
  throw new Error(`Running as root, but there is no "${name}" system user to run the server as`);
}
