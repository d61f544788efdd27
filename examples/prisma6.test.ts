/**
 * The Prisma 6 setup the Prisma 7 guide shows (examples/prisma6: the schema and src/db.ts), run the
 * way a Prisma 6 app runs it: `prisma generate` of Prisma 6.19 with the schema as shown (default
 * output, the client imported from @prisma/client), type-checked, then Lucia with the adapter in
 * default mode, using the same src/auth.ts as the Prisma 7 examples.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, test } from "node:test";
import { LuciaError } from "lucia";
import { applyDdl, ddlFromSchema } from "@internal/test-kit";
import { repoRoot } from "./projects.ts";

/** Prisma 6.19 is installed in this workspace only; files under it resolve @prisma/* to 6.19. */
const prisma6Workspace = join(repoRoot, "packages", "prisma6-clients");
const exampleSchema = join(repoRoot, "examples", "prisma6", "schema.prisma");

function prisma6Cli(): string {
  const manifestPath = createRequire(join(prisma6Workspace, "package.json")).resolve("prisma/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { version: string; bin: { prisma: string } };
  assert.match(manifest.version, /^6\.19\./);
  return join(dirname(manifestPath), manifest.bin.prisma);
}

/**
 * Prisma 6's CLI, offline: it wants a schema engine on disk that validating and generating never run.
 * DATABASE_URL is set in its environment: with the variable unset (or only in .env) the CLI asks for
 * its native query engine as well, which cannot be downloaded here.
 */
function runPrisma6(projectDir: string, args: readonly string[], databaseUrl: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  for (const name of ["NODE_OPTIONS", "NODE_TEST_CONTEXT"]) delete env[name];
  return spawnSync(process.execPath, [prisma6Cli(), ...args], { cwd: projectDir, env, encoding: "utf8" });
}

describe("Prisma 6 as the Prisma 7 guide shows it (examples/prisma6)", () => {
  let projectDir: string;
  let databaseDir: string;
  const databaseUrl = () => `file:${join(databaseDir, "dev.db")}`;
  before(() => {
    mkdirSync(join(prisma6Workspace, ".generated"), { recursive: true });
    projectDir = mkdtempSync(join(prisma6Workspace, ".generated", "example-"));
    databaseDir = mkdtempSync(join(tmpdir(), "example-prisma6-db-"));
    mkdirSync(join(projectDir, "prisma"));
    mkdirSync(join(projectDir, "src"));
    copyFileSync(exampleSchema, join(projectDir, "prisma", "schema.prisma"));
    copyFileSync(join(repoRoot, "examples", "prisma6", "src", "db.ts"), join(projectDir, "src", "db.ts"));
    copyFileSync(join(repoRoot, "examples", "sqlite", "src", "auth.ts"), join(projectDir, "src", "auth.ts"));
    copyFileSync(join(repoRoot, "examples", "sqlite", "src", "lucia.d.ts"), join(projectDir, "src", "lucia.d.ts"));
  });
  after(() => {
    rmSync(projectDir, { recursive: true, force: true });
    rmSync(databaseDir, { recursive: true, force: true });
  });

  test("its models are the reference schema's, only the generator and datasource differ", () => {
    const models = (text: string) => text.slice(text.indexOf("\nmodel "));
    const reference = readFileSync(join(repoRoot, "packages", "adapter-prisma", "schemas", "reference.sqlite.prisma"), "utf8");
    assert.equal(models(readFileSync(exampleSchema, "utf8")), models(reference));
  });

  test("prisma generate (6.19) writes the client @prisma/client exports", () => {
    const result = runPrisma6(projectDir, ["generate"], databaseUrl());
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
    assert.match(result.stdout, /Generated Prisma Client \(v6\.19\.\d+\)/);
  });

  test("src/db.ts and src/auth.ts type-check against Prisma 6's client", () => {
    writeFileSync(
      join(projectDir, "tsconfig.json"),
      JSON.stringify({ extends: relative(projectDir, join(repoRoot, "examples", "tsconfig.base.json")), include: ["src"] }),
    );
    const result = spawnSync(join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", join(projectDir, "tsconfig.json")], { encoding: "utf8" });
    assert.equal(result.status, 0, `tsc reported:\n${result.stdout}${result.stderr}`);
  });

  test("Lucia signs a user up, refuses the same key twice, signs in and validates the session", async () => {
    await applyDdl(databaseUrl(), await ddlFromSchema(join(repoRoot, "packages", "adapter-prisma", "schemas", "reference.sqlite.prisma"), "sqlite"));
    process.env["DATABASE_URL"] = databaseUrl();
    const { auth } = (await import(pathToFileURL(join(projectDir, "src", "auth.ts")).href)) as typeof import("./sqlite/src/auth.ts");
    const key = { providerId: "username", providerUserId: "ada", password: "correct horse" };
    const user = await auth.createUser({ key, attributes: {} });
    await assert.rejects(auth.createUser({ key, attributes: {} }), (error: unknown) => error instanceof LuciaError && error.message === "AUTH_DUPLICATE_KEY_ID");
    const signedIn = await auth.useKey("username", "ada", "correct horse");
    const session = await auth.createSession({ userId: signedIn.userId, attributes: {} });
    assert.equal((await auth.validateSession(session.sessionId)).user.userId, user.userId);
    const { client } = (await import(pathToFileURL(join(projectDir, "src", "db.ts")).href)) as { client: { _clientVersion?: string; $disconnect(): Promise<void> } };
    assert.match(client._clientVersion ?? "", /^6\.19\./, "the client the app used is Prisma 6's");
    await client.$disconnect();
  });
});
