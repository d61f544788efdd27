import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { prisma6WorkspaceDir, repoRoot } from "./paths.ts";
import type { PrismaMajor } from "./test-schema.ts";

/**
 * Resolves a package the way code next to a client of the given Prisma major would:
 * from the repository root for 7, from the prisma6 workspace for 6 (where the driver
 * adapters are 6.19.3 too).
 */
export function resolveForPrisma(prisma: PrismaMajor, specifier: string): string {
  const fromDir = prisma === 7 ? repoRoot : prisma6WorkspaceDir;
  return createRequire(join(fromDir, "package.json")).resolve(specifier);
}

/** `import()` of {@link resolveForPrisma}; e.g. the 6.19.3 `@prisma/adapter-better-sqlite3`. */
export async function importForPrisma<T = Record<string, unknown>>(prisma: PrismaMajor, specifier: string): Promise<T> {
  return (await import(pathToFileURL(resolveForPrisma(prisma, specifier)).href)) as T;
}
