import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { exampleProjects, repoRoot, type ExampleProject } from "./projects.ts";

const prismaCli = join(repoRoot, "node_modules", ".bin", "prisma");
const thisFile = fileURLToPath(import.meta.url);

/**
 * `prisma generate` wants a schema-engine binary on disk even though generating never
 * runs it, and offline it cannot download one; any existing file satisfies the check.
 */
function placeholderEngine(): string {
  const dir = mkdtempSync(join(tmpdir(), "examples-engine-"));
  const file = join(dir, "schema-engine");
  writeFileSync(file, "#!/bin/sh\nexit 1\n", { mode: 0o755 });
  return file;
}

/** What the generated client depends on: the schema text and the Prisma version. */
function fingerprint(project: ExampleProject): string {
  const prismaVersion = (JSON.parse(readFileSync(join(repoRoot, "node_modules", "prisma", "package.json"), "utf8")) as { version: string }).version;
  return createHash("sha256").update(prismaVersion).update(readFileSync(join(repoRoot, project.schema))).digest("hex");
}

/** Copies the schema into prisma/schema.prisma and runs `prisma generate`, unless the client is current. */
function generateUnlocked(project: ExampleProject): void {
  const projectDir = join(repoRoot, project.dir);
  const stamp = join(projectDir, "src", "generated", "prisma", ".fingerprint");
  const wanted = fingerprint(project);
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === wanted) return;
  mkdirSync(join(projectDir, "prisma"), { recursive: true });
  copyFileSync(join(repoRoot, project.schema), join(projectDir, "prisma", "schema.prisma"));
  const result = spawnSync(prismaCli, ["generate"], {
    cwd: projectDir,
    encoding: "utf8",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: placeholderEngine(),
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
      DATABASE_URL: "file:./dev.db",
    },
  });
  if (result.status !== 0) {
    throw new Error(`prisma generate failed in ${project.dir}:\n${result.stdout}\n${result.stderr}`);
  }
  writeFileSync(stamp, wanted);
}

/**
 * Makes sure the project's generated client exists and matches its schema. Test files run in
 * parallel and share these folders, so generation runs under an exclusive `flock` on the project.
 */
export function generateClient(project: ExampleProject): void {
  mkdirSync(join(repoRoot, project.dir, "prisma"), { recursive: true });
  const lock = join(repoRoot, project.dir, "prisma", ".generate.lock");
  const result = spawnSync("flock", [lock, process.execPath, "--import", "tsx", thisFile, project.dir], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`generating ${project.dir} failed:\n${result.stdout}${result.stderr}`);
}

export function generateAllClients(): void {
  for (const project of exampleProjects) generateClient(project);
}

if (process.argv[1] === thisFile) {
  const requested = process.argv.slice(2);
  const projects = requested.length === 0 ? exampleProjects : exampleProjects.filter((project) => requested.includes(project.dir));
  if (requested.length === 0) {
    generateAllClients();
  } else {
    for (const project of projects) generateUnlocked(project);
  }
}
