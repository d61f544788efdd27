import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { playgroundHeaderPolicy } from "../playground/security-policy.ts";
import { tarballFileName } from "../utils/install-commands.ts";
import { publishedPackages, type PublishedPackage } from "../utils/published-packages.ts";

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * `dist/_headers`, in the format Netlify and Cloudflare Pages read: one path pattern, then its
 * headers indented. Paths are the URLs the browser requests, so they carry the base.
 */
export function headersFile(base: string, wasmPaths: readonly string[]): string {
  const at = (path: string) => `${base.endsWith("/") ? base : `${base}/`}${path}`;
  const rules: [string, string[]][] = [
    // Vite names these files by content hash: a changed file gets a new URL.
    [at("_astro/*"), ["Cache-Control: public, max-age=31536000, immutable"]],
    [at("playground/*"), [`Content-Security-Policy: ${playgroundHeaderPolicy}`]],
    // WebAssembly.compileStreaming refuses a response with any other type.
    ...wasmPaths.map((path): [string, string[]] => [at(path), ["Content-Type: application/wasm"]]),
  ];
  return rules.map(([path, headers]) => [path, ...headers.map((header) => `  ${header}`)].join("\n")).join("\n\n") + "\n";
}

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

function hasFlock(): boolean {
  return spawnSync("flock", ["--version"], { stdio: "ignore" }).status === 0;
}

/**
 * Packs each package with `npm pack` (which builds it first, see scripts/build-package.ts) into
 * `destination`. The build deletes and rewrites each package's dist/, so two packs at once (the
 * site build and the pack-and-install test run in parallel under `npm test`) take turns, under an
 * exclusive `flock` where the system has it.
 */
export function packPackages(packages: readonly PublishedPackage[], destination: string): void {
  mkdirSync(destination, { recursive: true });
  const workspaces = packages.flatMap((pkg) => ["-w", pkg.dir]);
  const pack = ["npm", "pack", "--silent", "--pack-destination", destination, ...workspaces];
  mkdirSync(join(repoRoot, ".tmp"), { recursive: true });
  const [command, ...args] = hasFlock() ? ["flock", join(repoRoot, ".tmp", "npm-pack.lock"), ...pack] : pack;
  const result = spawnSync(command!, args, {
    cwd: repoRoot,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (result.status !== 0) throw new Error(`npm pack failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
  const written = new Set(readdirSync(destination));
  const missing = packages.filter((pkg) => !written.has(tarballFileName(pkg.name, pkg.version)));
  if (missing.length > 0) throw new Error(`npm pack wrote no tarball for ${missing.map((pkg) => pkg.name).join(", ")}`);
}

/**
 * What a static host needs beside the pages: the packed packages the install commands point to
 * (`<base>packages/*.tgz`, see `tarballUrl`) and the `_headers` file.
 */
export function staticHostFiles(): AstroIntegration {
  let base = "/";
  return {
    name: "static-host-files",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
      },
      "astro:build:done": ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const packages = publishedPackages();
        packPackages(packages, join(outDir, "packages"));
        logger.info(`packed ${packages.map((pkg) => tarballFileName(pkg.name, pkg.version)).join(", ")} into packages/`);
        const wasm = filesUnder(outDir)
          .filter((file) => file.endsWith(".wasm"))
          .map((file) => relative(outDir, file).split(sep).join("/"))
          .sort();
        writeFileSync(join(outDir, "_headers"), headersFile(base, wasm));
      },
    },
  };
}
