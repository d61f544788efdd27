import { delimiter } from "node:path";
import { repoRoot } from "./paths.ts";

/**
 * The environment of a reader's shell, for commands run in a folder outside the repository: none
 * of `npm test`'s own settings, PATH entries inside the repository or test-runner variables.
 */
export function readerEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    const fromNpmRun = name.toLowerCase().startsWith("npm_") && name !== "npm_config_cache";
    if (!fromNpmRun && !["NODE_OPTIONS", "NODE_TEST_CONTEXT", "DATABASE_URL", "INIT_CWD"].includes(name)) env[name] = value;
  }
  env["PATH"] = (process.env["PATH"] ?? "").split(delimiter).filter((entry) => !entry.startsWith(repoRoot)).join(delimiter);
  env["CHECKPOINT_DISABLE"] = "1";
  env["PRISMA_HIDE_UPDATE_MESSAGE"] = "1";
  return env;
}
