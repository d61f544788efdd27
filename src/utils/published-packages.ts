import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** A workspace package that is meant for the npm registry (its package.json is not `private`). */
export interface PublishedPackage {
  /** Folder from the repository root, e.g. `packages/adapter-prisma`. */
  dir: string;
  name: string;
  version: string;
}

/** Every package under packages/ that is not private, in folder order. */
export function publishedPackages(repoRoot: string = process.cwd()): PublishedPackage[] {
  const packagesDir = join(repoRoot, "packages");
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const dir = `packages/${entry.name}`;
      let manifest: { name?: string; version?: string; private?: boolean };
      try {
        manifest = JSON.parse(readFileSync(join(repoRoot, dir, "package.json"), "utf8"));
      } catch {
        return [];
      }
      if (manifest.private || !manifest.name || !manifest.version) return [];
      return [{ dir, name: manifest.name, version: manifest.version }];
    })
    .sort((a, b) => a.dir.localeCompare(b.dir));
}
