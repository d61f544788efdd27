export const packageManagers = ["npm", "pnpm", "yarn"] as const;
export type PackageManager = (typeof packageManagers)[number];

const add: Record<PackageManager, { prod: string; dev: string }> = {
  npm: { prod: "npm i", dev: "npm i -D" },
  pnpm: { prod: "pnpm add", dev: "pnpm add -D" },
  yarn: { prod: "yarn add", dev: "yarn add -D" },
};

/**
 * Dependencies with install scripts that a package the docs install brings in. pnpm runs no
 * dependency's install script it was not told to allow: pnpm 10 skips them (better-sqlite3 is then
 * left without its native binding, and the quick start fails when it opens the database), pnpm 12
 * stops the install with ERR_PNPM_IGNORED_BUILDS. So the pnpm command allows each one; they are the
 * scripts npm and Yarn run anyway. The test that runs the site's pnpm commands fails on a missing entry.
 */
const installScripts: Record<string, readonly string[]> = {
  prisma: ["prisma", "@prisma/engines"],
  "@prisma/adapter-better-sqlite3": ["better-sqlite3"],
  tsx: ["esbuild"],
};

/**
 * The options one manager needs to install `names` (bare package names) so that the docs' code runs.
 *
 * Yarn 1 always gets `--ignore-engines`: it refuses to install anything into a project holding a
 * package whose `engines` excludes the running Node.js (npm and pnpm only warn), it checks the whole
 * project on every `yarn add`, and Prisma 7.10's CLI, which every project on this site has, depends
 * on `@prisma/streams-local`, which declares Node.js 22 although the CLI commands the docs use run
 * on Node.js 20.
 */
export function managerOptions(manager: PackageManager, names: readonly string[]): string[] {
  if (manager === "pnpm") {
    const builds = new Set(names.flatMap((name) => installScripts[name] ?? []));
    // One flag per name: pnpm 10 reads `--allow-build=a,b` as the single name "a,b".
    return [...builds].map((name) => `--allow-build=${name}`);
  }
  return manager === "yarn" ? ["--ignore-engines"] : [];
}

/**
 * Majors the docs are tested with, for names written without a version. A bare `lucia` installs
 * Lucia v3, whose adapters have a different API; a future Prisma 8 is untested.
 */
const testedMajors: Record<string, string> = { lucia: "2", prisma: "7", "@prisma/client": "7" };

function testedMajor(name: string): string | undefined {
  return testedMajors[name] ?? (name.startsWith("@prisma/adapter-") ? "7" : undefined);
}

/** The name in `name` or `name@version` (`@scope/name@1.0.0` → `@scope/name`). */
export function packageNameOf(spec: string): string {
  const at = spec.indexOf("@", 1);
  return at === -1 ? spec : spec.slice(0, at);
}

/** The file `npm pack` writes for a package: `@lucia-auth/adapter-prisma` 3.1.0 → `lucia-auth-adapter-prisma-3.1.0.tgz`. */
export function tarballFileName(name: string, version: string): string {
  return `${name.replace(/^@/, "").replace("/", "-")}-${version}.tgz`;
}

/**
 * Where the built site serves a workspace package, packed at build time:
 * `<site><base>packages/<npm pack's file name>`, e.g.
 * `https://docs.example.org/lucia-prisma/packages/lucia-auth-adapter-prisma-3.1.0.tgz`.
 */
export function tarballUrl(pkg: { name: string; version: string }, site: URL | string, base: string): string {
  const folder = base.endsWith("/") ? base : `${base}/`;
  return new URL(`${folder}packages/${tarballFileName(pkg.name, pkg.version)}`, site).href;
}

/**
 * What to type for one requested package: the URL of its tarball where the site serves it (this
 * project's packages, not on the registry yet), `name@major` for a bare name the docs pin, else as written.
 */
export function installSpec(requested: string, tarballs: ReadonlyMap<string, string>): string {
  const name = packageNameOf(requested);
  const tarball = tarballs.get(name);
  if (tarball) return tarball;
  const major = requested === name ? testedMajor(name) : undefined;
  return major ? `${name}@${major}` : requested;
}

/**
 * The shell lines that install `packages` (and `devPackages` as dev dependencies) with one package
 * manager, with the options that manager needs for them (`managerOptions`). `tarballs` maps package
 * names to the URLs they install from (see `tarballUrl`).
 */
export function installCommand(
  manager: PackageManager,
  packages: readonly string[],
  devPackages: readonly string[] = [],
  tarballs: ReadonlyMap<string, string> = new Map(),
): string {
  const line = (command: string, requested: readonly string[]) =>
    [
      command,
      ...managerOptions(manager, requested.map(packageNameOf)),
      ...requested.map((name) => installSpec(name, tarballs)),
    ].join(" ");
  const lines: string[] = [];
  if (packages.length > 0) lines.push(line(add[manager].prod, packages));
  if (devPackages.length > 0) lines.push(line(add[manager].dev, devPackages));
  return lines.join("\n");
}
