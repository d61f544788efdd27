import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exampleProjects, repoRoot, type ExampleProject } from "./projects.ts";

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

/** Copies the project's schema into prisma/schema.prisma and runs `prisma generate` in the project. */
export function generateClient(project: ExampleProject, engine = placeholderEngine()): void {
  const projectDir = join(repoRoot, project.dir);
  mkdirSync(join(projectDir, "prisma"), { recursive: true });
  copyFileSync(join(repoRoot, project.schema), join(projectDir, "prisma", "schema.prisma"));
  const result = spawnSync(join(repoRoot, "node_modules", ".bin", "prisma"), ["generate"], {
    cwd: projectDir,
    encoding: "utf8",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: engine,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
      DATABASE_URL: process.env.DATABASE_URL ?? "file:./dev.db",
    },
  });
  if (result.status !== 0) {
    throw new Error(`prisma generate failed in ${project.dir}:\n${result.stdout}\n${result.stderr}`);
  }
}

export function generateAllClients(): void {
  const engine = placeholderEngine();
  for (const project of exampleProjects) generateClient(project, engine);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  generateAllClients();
  console.log(`generated ${exampleProjects.length} example clients`);
}
