import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { prisma6WorkspaceDir, repoRoot } from "./paths.ts";
import type { PrismaMajor } from "./test-schema.ts";

export interface PrismaCli {
  /** Absolute path of the CLI's JavaScript entry point. */
  script: string;
  version: string;
}

/** Finds the `prisma` package as the root workspace (7) or the prisma6 workspace (6) resolves it. */
export function findPrismaCli(prisma: PrismaMajor): PrismaCli {
  const fromDir = prisma === 7 ? repoRoot : prisma6WorkspaceDir;
  const manifestPath = createRequire(join(fromDir, "package.json")).resolve("prisma/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { version: string; bin: { prisma: string } };
  if (!manifest.version.startsWith(`${prisma}.`)) {
    throw new Error(`Expected Prisma ${prisma} at ${manifestPath}, found ${manifest.version}`);
  }
  return { script: join(dirname(manifestPath), manifest.bin.prisma), version: manifest.version };
}

/**
 * Runs `prisma generate` offline. The CLI insists on finding a native schema engine before it
 * generates and would try to download one; generate never runs it, so any existing file will do.
 */
export async function runPrismaGenerate(cli: PrismaCli, schemaPath: string, cwd: string): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    PRISMA_GENERATE_SKIP_AUTOINSTALL: "1",
  };
  delete env.NODE_TEST_CONTEXT;
  delete env.NODE_OPTIONS;

  const child = spawn(process.execPath, [cli.script, "generate", "--schema", schemaPath], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  if (code !== 0) {
    throw new Error(
      `prisma generate (${cli.version}) failed with exit code ${code} for ${schemaPath}:\n${stderr.trim() || stdout.trim()}`,
    );
  }
}
