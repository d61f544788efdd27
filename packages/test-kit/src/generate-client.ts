import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { prisma6GeneratedRoot, prisma7GeneratedRoot } from "./paths.ts";
import { findPrismaCli, runPrismaGenerate } from "./prisma-cli.ts";
import { rewriteSchemaForTest, type PrismaMajor, type SchemaProvider } from "./test-schema.ts";

export interface GenerateClientOptions {
  /** A .prisma file; its generator block is replaced, its datasource and models are kept. */
  schemaPath: string;
  prisma: PrismaMajor;
  /** Names the output folder (`p7-<name>` / `p6-<name>`); letters, digits, `-` and `_`. */
  name: string;
  previewFeatures?: string[];
}

export interface GeneratedClient {
  /** Folder holding the generated client. */
  dir: string;
  /** Absolute path of the module exporting `PrismaClient`, for `await import(entry)`. */
  entry: string;
  /** The schema text the client was generated from (with the test generator block). */
  schemaText: string;
  provider: SchemaProvider;
}

const hashFile = ".test-kit-hash";

/**
 * Generates a Prisma Client for tests, offline. Reuses the existing output when the rewritten
 * schema and the CLI version are unchanged. Several processes may ask for the same client at
 * once: each generates into its own temporary folder and renames it into place.
 */
export async function generateClient(options: GenerateClientOptions): Promise<GeneratedClient> {
  if (!/^[\w-]+$/.test(options.name)) throw new Error(`Invalid client name ${JSON.stringify(options.name)}`);
  const cli = findPrismaCli(options.prisma);
  const root = options.prisma === 7 ? prisma7GeneratedRoot : prisma6GeneratedRoot;
  const dir = join(root, `p${options.prisma}-${options.name}`);
  const entry = join(dir, options.prisma === 7 ? "client.ts" : "index.js");

  const original = await readFile(options.schemaPath, "utf8");
  const { text: schemaText, provider } = rewriteSchemaForTest(original, {
    prisma: options.prisma,
    output: "./client",
    previewFeatures: options.previewFeatures,
  });
  const hash = createHash("sha256").update(`${cli.version}\n${schemaText}`).digest("hex");
  const result: GeneratedClient = { dir, entry, schemaText, provider };

  if ((await readHash(dir)) === hash) return result;

  await mkdir(root, { recursive: true });
  const work = await mkdtemp(join(root, `.tmp-p${options.prisma}-${options.name}-`));
  try {
    const schemaPath = join(work, "schema.prisma");
    await writeFile(schemaPath, schemaText);
    await runPrismaGenerate(cli, schemaPath, work);
    await writeFile(join(work, "client", hashFile), hash);
    await moveIntoPlace(join(work, "client"), dir, hash);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return result;
}

async function readHash(dir: string): Promise<string | undefined> {
  try {
    return (await readFile(join(dir, hashFile), "utf8")).trim();
  } catch {
    return undefined;
  }
}

async function moveIntoPlace(fresh: string, dir: string, hash: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await rename(fresh, dir);
      return;
    } catch (error) {
      if (!isCode(error, "ENOTEMPTY", "EEXIST")) throw error;
    }
    // Someone else got there first. Theirs is as good as ours if the hash matches.
    if ((await readHash(dir)) === hash) return;
    const stale = `${dir}.stale-${randomBytes(4).toString("hex")}`;
    try {
      await rename(dir, stale);
    } catch (error) {
      if (!isCode(error, "ENOENT")) throw error;
    }
    await rm(stale, { recursive: true, force: true });
  }
  throw new Error(`Could not move the generated client into ${dir}`);
}

function isCode(error: unknown, ...codes: string[]): boolean {
  return error instanceof Error && "code" in error && codes.includes(String(error.code));
}
