/**
 * Follows the quick start page the way a reader would: an empty folder outside the repository, the
 * page's commands run with plain npm/npx/node, its packages installed from the registry in one
 * `npm install`, its files written byte for byte, and the script's output compared with the page.
 * Where the test has to depart from the page, the departure is a named function below, and the
 * page's "How this page is tested" note says the same.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { applyDdl, betterSqlite3LocalPrebuild, ddlFromSchema, readerEnvironment } from "@internal/test-kit";
import { installCommand } from "../src/utils/install-commands.ts";
import { repoRoot } from "./projects.ts";
import { quickStart } from "./quick-start.ts";

const adapterPackage = "@lucia-auth/adapter-prisma";

interface Shell {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one line from the page with sh; `cd <dir>` moves the shell, as it would the reader's. */
function run(shell: Shell, line: string, extraEnv: NodeJS.ProcessEnv = {}): CommandResult {
  const cd = /^cd (\S+)$/.exec(line);
  if (cd !== null) {
    shell.cwd = join(shell.cwd, cd[1]!);
    return { status: 0, stdout: "", stderr: "" };
  }
  const result = spawnSync("sh", ["-c", line], { cwd: shell.cwd, env: { ...shell.env, ...extraEnv }, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function runOk(shell: Shell, line: string, extraEnv: NodeJS.ProcessEnv = {}): string {
  const result = run(shell, line, extraEnv);
  assert.equal(result.status, 0, `\`${line}\` failed in ${shell.cwd}:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/**
 * Departure: `@lucia-auth/adapter-prisma` comes from a tarball of this repository's package, packed
 * here with `npm pack`, instead of what the page's install command names. Point this at the
 * site-served tarball once the site serves one.
 */
function adapterInstallSpec(packDir: string): string {
  const packed = spawnSync("npm", ["pack", "-w", "packages/adapter-prisma", "--pack-destination", packDir, "--json"], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  assert.equal(packed.status, 0, `npm pack failed:\n${packed.stderr}`);
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
  return join(packDir, filename);
}

/**
 * Departure: `npx prisma migrate dev --name lucia` needs Prisma's native schema engine, which cannot
 * be downloaded here. The nearest real step: the SQL the wasm schema engine produces for the same
 * schema from an empty database (`prisma migrate diff --from-empty --to-schema … --script`), applied
 * to the database file DATABASE_URL in the page's .env names.
 */
async function createTablesWithoutNativeEngine(projectDir: string): Promise<void> {
  const envFile = quickStart.files.find((file) => file.path === ".env");
  assert.ok(envFile !== undefined && "text" in envFile, "the quick start has a .env file");
  const url = /^DATABASE_URL="file:(.+)"$/m.exec(envFile.text)?.[1];
  assert.ok(url !== undefined, `.env names a SQLite file: ${envFile.text}`);
  await applyDdl(`file:${join(projectDir, url)}`, await ddlFromSchema(join(projectDir, "prisma", "schema.prisma"), "sqlite"));
}

/** Departure: the CLI looks for the native schema engine before generating; any existing file satisfies it. */
const offlineGenerateEnv: NodeJS.ProcessEnv = { PRISMA_SCHEMA_ENGINE_BINARY: process.execPath };

describe("the quick start, followed in an empty folder", () => {
  let workDir: string;
  const shell: Shell = { cwd: "", env: readerEnvironment() };
  before(() => {
    workDir = mkdtempSync(join(tmpdir(), "lucia-quick-start-"));
    shell.cwd = workDir;
  });
  after(() => rmSync(workDir, { recursive: true, force: true }));

  test("the page shows every command, file and output of examples/quick-start.ts, and no other code", () => {
    const page = readFileSync(join(repoRoot, "content", "docs", "quick-start.mdx"), "utf8");
    for (const step of Object.keys(quickStart.commands)) assert.ok(page.includes(`quickStart.commands.${step}`), `the page shows ${step}`);
    for (const file of quickStart.files) assert.ok(page.includes(`<QuickStartFile path="${file.path}" />`), `the page shows ${file.path}`);
    assert.ok(page.includes("quickStart.output.firstRun"));
    assert.ok(page.includes("<InstallTabs packages={[...quickStart.packages]} />"));
    const codeBlocks = page.match(/<(Code|SourceSnippet|SchemaTabs|InstallTabs|QuickStartFile)\b/g) ?? [];
    assert.equal(codeBlocks.length, quickStart.files.length + 5, "every code block on the page comes from examples/quick-start.ts");
  });

  test("the commands create the project", () => {
    for (const line of quickStart.commands.createProject) runOk(shell, line);
    assert.equal(JSON.parse(readFileSync(join(shell.cwd, "package.json"), "utf8")).type, "module");
  });

  test("one npm install of the page's packages", () => {
    const packages = quickStart.packages.map((spec) => (spec === adapterPackage ? adapterInstallSpec(workDir) : spec));
    assert.notDeepEqual(packages, quickStart.packages, `the page installs ${adapterPackage}`);
    const lines = installCommand("npm", packages).split("\n");
    assert.equal(lines.length, 1, "the page installs everything with one command");
    // Departure: better-sqlite3's binary comes from a local prebuild, not from GitHub (see betterSqlite3LocalPrebuild).
    runOk(shell, lines[0]!, betterSqlite3LocalPrebuild(join(workDir, "prebuilds")));
    const installed = (name: string) => JSON.parse(readFileSync(join(shell.cwd, "node_modules", name, "package.json"), "utf8")).version as string;
    assert.match(installed("lucia"), /^2\./);
    assert.equal(installed("prisma"), "7.10.0");
  });

  test("the page's files, byte for byte", () => {
    for (const file of quickStart.files) {
      const target = join(shell.cwd, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, "source" in file ? readFileSync(join(repoRoot, file.source), "utf8") : file.text);
    }
  });

  test("the tables (migrate dev's SQL from the wasm schema engine) and the generated client", async () => {
    assert.deepEqual([...quickStart.commands.createTables], ["npx prisma migrate dev --name lucia"], "createTablesWithoutNativeEngine stands in for exactly this command");
    await createTablesWithoutNativeEngine(shell.cwd);
    for (const line of quickStart.commands.generate) runOk(shell, line, offlineGenerateEnv);
  });

  test("tsc reports nothing", () => {
    const [line] = quickStart.commands.typeCheck;
    const result = run(shell, line);
    assert.equal(result.status, 0, `${line} reported:\n${result.stdout}${result.stderr}`);
  });

  test("the settings the page explains are needed: without them, tsc fails as the page says", () => {
    const tsconfig = JSON.parse(readFileSync(join(shell.cwd, "tsconfig.json"), "utf8")) as { compilerOptions: Record<string, unknown> };
    const variant = (name: string, change: Record<string, unknown>): string => {
      writeFileSync(join(shell.cwd, name), JSON.stringify({ ...tsconfig, compilerOptions: { ...tsconfig.compilerOptions, ...change } }));
      return run(shell, `npx tsc -p ${name}`).stdout;
    };
    assert.match(variant("tsconfig.nodenext.json", { module: "nodenext", moduleResolution: "nodenext" }), /src\/auth\.ts.*TS2835: Relative import paths need explicit file extensions/);
    assert.match(variant("tsconfig.no-types.json", { types: undefined }), /src\/auth\.ts.*TS2591: Cannot find name 'process'/);
  });

  test("the script prints what the page shows, on the first run and on a later one", () => {
    const [line] = quickStart.commands.run;
    assert.equal(runOk(shell, line).trimEnd(), quickStart.output.firstRun);
    assert.equal(runOk(shell, line).trimEnd(), quickStart.output.laterRuns);
  });

  test("the installed package's schema doctor fits default mode to the generated client", () => {
    // What "Check your schema" says a script may do, with plain node in the reader's folder.
    const script = [
      'import { checkSchema } from "@lucia-auth/adapter-prisma/schema-doctor";',
      'import { client } from "./src/db.ts";',
      "console.log(JSON.stringify(checkSchema(client._runtimeDataModel.models, { provider: client._activeProvider }).call));",
    ].join("\n");
    writeFileSync(join(shell.cwd, "doctor.ts"), script);
    assert.equal(runOk(shell, "npx tsx --env-file=.env doctor.ts").trim(), '{"mode":"default"}');
  });
});
