/**
 * The project test: "Download project" for every preset on SQLite and PostgreSQL, and for an
 * edited state. Each zip is unpacked in an empty folder outside the repository, installed with
 * plain npm (the adapter from the site's tarball, as its README says), and run its scripts; what it prints
 * and the statements Prisma's query log shows must be the playground's. The one departure, which
 * the README it ships names: `npm run db` (`prisma db push`) needs Prisma's native schema engine,
 * so the test creates the tables with the wasm engine's SQL for the same schema instead, and then
 * runs the rest of `npm start` (`npm run generate`, `npm run app`).
 */
import { expect, test, type Page } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { applyDdl, betterSqlite3LocalPrebuild, createDatabase, ddlFromSchema, readerEnvironment, startPostgres, type RunningServer } from "@internal/test-kit";
import { projectScripts } from "../src/playground/project/project-files.ts";
import { databaseLabel, type Database } from "../src/playground/database.ts";
import { defaultPreset, openPlayground, permalink, presets, run } from "./playground.ts";
import { watchForErrors } from "./site.ts";

// Installing and running a project takes a while; the tests of this file share one PostgreSQL
// server, and the projects of one database share the first one's npm install (see checkProject),
// so each database's tests run in order.
test.describe.configure({ timeout: 300_000 });

/** The project of each database that ran `npm install`. */
const installs = new Map<Database, string>();

let server: RunningServer | undefined;
let postgresqlUrl: string;
const workDir = mkdtempSync(join(tmpdir(), "lucia-download-"));
const prebuilds = join(workDir, "prebuilds");

test.beforeAll(async () => {
  postgresqlUrl = process.env["DATABASE_URL_POSTGRES"] ?? "";
  if (postgresqlUrl === "") {
    const started = await startPostgres();
    if ("skipped" in started) throw new Error(`The project test needs PostgreSQL: ${started.skipped}`);
    server = started;
    postgresqlUrl = started.url;
  }
  betterSqlite3LocalPrebuild(prebuilds);
});
test.afterAll(async () => {
  await server?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

let errors: string[];
test.beforeEach(({ page }) => {
  errors = watchForErrors(page);
});
test.afterEach(() => {
  expect(errors).toEqual([]);
});

interface PlaygroundRun {
  /** The first line of each Output entry (console lines, and the error the code threw). */
  output: string[];
  /** The SQL of the Queries list, without BEGIN and the statements that failed (Prisma's query log shows neither). */
  statements: string[];
  zip: Buffer;
}

/** Runs the state on `database`, reads Output and Queries, and downloads the project. */
async function runAndDownload(page: Page, path: string, database: Database): Promise<PlaygroundRun> {
  await openPlayground(page, path);
  await page.getByLabel("Database").selectOption(database);
  expect(await run(page)).toBe("done");
  const output = await page.locator('#pg-output .pg-output-line:not([data-level="notice"])').evaluateAll((entries) =>
    entries.flatMap((entry) => (entry.querySelector("pre")?.textContent ?? "").split("\n").filter((line) => line !== "")),
  );
  // Highlighted SQL keeps its spaces as no-break spaces.
  const statements = (await page.getByRole("region", { name: "Queries" }).getByRole("list", { name: databaseLabel[database] }).locator(".pg-query:not([data-failed]) .pg-query-sql").allTextContents())
    .map((sql) => sql.replaceAll("\u00a0", " "))
    .filter((sql) => !/^(BEGIN|START TRANSACTION)\b/i.test(sql));
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download project" }).click()]);
  await expect(page.getByRole("status")).toContainText(`Downloaded ${download.suggestedFilename()}`);
  const zipPath = join(workDir, download.suggestedFilename());
  await download.saveAs(zipPath);
  return { output, statements, zip: readFileSync(zipPath) };
}

/** Unpacks the zip into an empty folder of its own; returns the project's folder. */
function unpack(zip: Buffer, name: string): string {
  const target = mkdtempSync(join(workDir, `${name}-`));
  const entries = unzipSync(new Uint8Array(zip));
  const folders = new Set(Object.keys(entries).map((path) => path.split("/")[0]));
  expect([...folders]).toHaveLength(1);
  for (const [path, bytes] of Object.entries(entries)) {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    writeFileSync(join(target, path), bytes);
  }
  return join(target, [...folders][0]!);
}

function shell(cwd: string, line: string, env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("sh", ["-c", line], { cwd, env: { ...readerEnvironment(), ...env }, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Random ids (Lucia's 15-character user ids, 40-character session ids) as <id1>, <id2>, … in order
 * of appearance, and times (expiries are "now" plus a period) as <time>.
 */
function withoutIds(lines: readonly string[]): string[] {
  const seen = new Map<string, string>();
  return lines.map((line) =>
    line
      .replace(/\b[a-z0-9]{15}\b|\b[a-z0-9]{40}\b/g, (id) => seen.get(id) ?? (seen.set(id, `<id${seen.size + 1}>`), seen.get(id)!))
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z|\b1\d{12}n?\b/g, "<time>"),
  );
}

/** The lines of the error Node.js printed for an uncaught error: from `Name: message` to the stack trace. */
function thrownError(stderr: string): string[] {
  const lines = stderr.split("\n");
  const start = lines.findIndex((line) => /^[A-Z]\w*: /.test(line));
  if (start === -1) return [];
  const end = lines.findIndex((line, index) => index > start && /^\s+at /.test(line));
  return lines.slice(start, end === -1 ? undefined : end).filter((line) => line !== "");
}

/** The README's "What it prints" block. */
function expectedOutput(readme: string): string[] {
  const block = /## What it prints\n\n[^\n]*\n\n```text\n([\s\S]*?)\n```/.exec(readme);
  expect(block, "the README shows what the playground printed").not.toBeNull();
  return block![1] === "(nothing)" ? [] : block![1]!.split("\n").filter((line) => line !== "");
}

/** npm install, the tables, then `npm run generate` and `npm run app` with the query log; compared with the playground. */
async function checkProject(played: PlaygroundRun, database: Database, name: string): Promise<void> {
  const project = unpack(played.zip, name);
  const manifest = JSON.parse(readFileSync(join(project, "package.json"), "utf8")) as { scripts: Record<string, string>; dependencies: Record<string, string> };
  expect(manifest.scripts).toEqual(projectScripts);
  expect(manifest.dependencies["@lucia-auth/adapter-prisma"]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/packages\/lucia-auth-adapter-prisma-[\d.]+\.tgz$/);
  const readme = readFileSync(join(project, "README.md"), "utf8");
  expect(readme).toContain("```sh\nnpm install\nnpm start\n```");
  const expected = expectedOutput(readme);
  expect(withoutIds(expected)).toEqual(withoutIds(played.output));

  const installed = installs.get(database);
  if (installed === undefined) {
    // Departure: better-sqlite3's binary comes from a local prebuild, not from GitHub.
    const result = shell(project, "npm install --no-audit --no-fund", { npm_config_better_sqlite3_local_prebuilds: prebuilds });
    expect(result.status, result.stderr).toBe(0);
    installs.set(database, project);
  } else {
    // Departure, to keep the suite's time: a project whose package.json is byte for byte the one
    // installed already uses that install (a second npm install would resolve the same tree).
    expect(readFileSync(join(project, "package.json"), "utf8")).toBe(readFileSync(join(installed, "package.json"), "utf8"));
    symlinkSync(join(installed, "node_modules"), join(project, "node_modules"));
  }

  // What the README tells a PostgreSQL reader to do: point DATABASE_URL at a database to throw away.
  let url = /DATABASE_URL="([^"]+)"/.exec(readFileSync(join(project, ".env"), "utf8"))![1]!;
  if (database === "postgresql") {
    url = await createDatabase(postgresqlUrl, name.replaceAll("-", "_"));
    writeFileSync(join(project, ".env"), `DATABASE_URL="${url}"\n`);
  }
  // Departure: what `npm run db` (prisma db push --force-reset) does, on an empty database, with the wasm schema engine's SQL.
  const schemaPath = join(project, "prisma", "schema.prisma");
  const ddl = await ddlFromSchema(schemaPath, database, database === "postgresql" ? url : undefined);
  await applyDdl(database === "sqlite" ? `file:${join(project, url.slice("file:".length))}` : url, ddl);

  // Departure: the CLI looks for the native schema engine before generating; any existing file satisfies it.
  const generated = shell(project, "npm run generate", { PRISMA_SCHEMA_ENGINE_BINARY: process.execPath });
  expect(generated.status, generated.stdout + generated.stderr).toBe(0);
  const ran = shell(project, "npm run app --silent", { QUERY_LOG: "1" });
  // Prisma colours "prisma:query" in a terminal.
  const lines = ran.stdout.replace(/\u001b\[[0-9;]*m/g, "").split("\n").filter((line) => line !== "");
  const statements = lines.filter((line) => line.startsWith("prisma:query ")).map((line) => line.slice("prisma:query ".length));
  const printed = lines.filter((line) => !line.startsWith("prisma:query "));
  const thrown = thrownError(ran.stderr);
  expect(withoutIds([...printed, ...thrown])).toEqual(withoutIds(expected));
  expect(ran.status === 0, ran.stderr).toBe(thrown.length === 0);
  expect(statements).toEqual(played.statements);
}

for (const database of ["sqlite", "postgresql"] as const) {
  test.describe(`on ${database}`, () => {
    test.describe.configure({ mode: "serial" });
    for (const preset of presets) {
      test(`${preset.id}: the downloaded project prints and queries what the playground did`, async ({ page }) => {
        const played = await runAndDownload(page, `/playground/#p=${preset.id}`, database);
        await checkProject(played, database, `${preset.id}-${database}`);
      });
    }
    test("an edited state: the download is the edit, not the preset", async ({ page }) => {
      const schema = defaultPreset.schema.replace("model User {\n  id           String    @id @unique\n", "model User {\n  id           String    @id @unique\n  nickname     String?\n");
      expect(schema).not.toBe(defaultPreset.schema);
      const code = `${defaultPreset.code}\nconsole.log("users:", (await client.user.findMany({ select: { nickname: true } })).length);\n`;
      const played = await runAndDownload(page, await permalink({ schema, code }), database);
      expect(played.output.at(-1)).toBe("users: 1");
      await checkProject(played, database, `edited-${database}`);
    });
  });
}
