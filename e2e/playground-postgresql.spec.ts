/**
 * The playground's Database menu in Chromium: PostgreSQL (PGlite) loads only when chosen, runs
 * the same presets, compares with SQLite side by side, and keeps runaway code, isolation, the
 * URL and offline use as they are on SQLite.
 */
import { expect, test, type Page } from "@playwright/test";
import { decodeState } from "../src/playground/engine/url-state.ts";
import { defaultPreset, openPlayground, openThenGoOffline, seriousViolations, output, permalink, postgresqlReady, presets, queries, queriesOn, replaceEditorText, run, tables, waitForEditors } from "./playground.ts";
import { chooseTheme, watchForErrors } from "./site.ts";

const postgresqlFiles = /pglite|initdb|postgresql/;

// PostgreSQL loads and starts in each new page: seconds, more on a busy machine.
test.describe.configure({ timeout: 120_000 });

let errors: string[];
test.beforeEach(({ page }) => {
  errors = watchForErrors(page);
});
test.afterEach(() => {
  expect(errors).toEqual([]);
});

test("a reader who stays on SQLite downloads nothing of PostgreSQL", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  await openPlayground(page);
  expect(await run(page)).toBe("done");
  await expect(page.locator("#playground[data-complete]")).toBeAttached({ timeout: 30_000 });
  expect(requested.filter((url) => postgresqlFiles.test(url))).toEqual([]);
  await expect(page.getByRole("progressbar", { name: "Loading PostgreSQL" })).toBeHidden();
});

test("choosing PostgreSQL loads it with progress, sets the schema's provider and the URL, and runs there", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  await openPlayground(page);
  await waitForEditors(page);
  const beforeChoice = requested.length;
  await page.getByLabel("Database").selectOption("postgresql");
  await expect(page.getByRole("progressbar", { name: "Loading PostgreSQL" })).toBeVisible();
  await postgresqlReady(page);
  await expect(page.getByRole("progressbar", { name: "Loading PostgreSQL" })).toBeHidden();
  expect(requested.slice(beforeChoice).filter((url) => postgresqlFiles.test(url)).length).toBeGreaterThanOrEqual(4);
  await expect(page).toHaveURL(/#p=default&db=postgresql&z=/);
  const state = await decodeState(new URL(page.url()), () => defaultPreset);
  expect(state?.schema).toBe(defaultPreset.schema.replace('provider = "sqlite"', 'provider = "postgresql"'));

  expect(await run(page)).toBe("done");
  await expect(output(page)).toContainText("after sign-out: AUTH_INVALID_SESSION_ID");
  // PostgreSQL's SQL: schema-qualified names and numbered parameters.
  await expect(queriesOn(page, "PostgreSQL (PGlite)").filter({ hasText: '"public"."Session"' }).first()).toBeVisible();
  await expect(queriesOn(page, "PostgreSQL (PGlite)").filter({ hasText: "$1" }).first()).toBeVisible();
  await expect(queriesOn(page, "SQLite (sql.js)")).toHaveCount(0);
  await expect(tables(page).getByRole("table")).toHaveCount(3);
  await expect(tables(page)).toContainText("github:1234");

  // PostgreSQL starts from the build's cluster, so initdb's wasm is never fetched. The schema
  // engine is fetched once, by the schema tools: PostgreSQL's runner gets their compiled module.
  await expect(page.locator("#playground[data-complete]")).toBeAttached({ timeout: 30_000 });
  expect(requested.filter((url) => url.includes("initdb"))).toEqual([]);
  expect(requested.filter((url) => /\/schema_engine_bg\.[^/]*wasm$/.test(url))).toHaveLength(1);
});

test("the side-by-side preset: validateSession is one statement on PostgreSQL with relationJoins, two on SQLite", async ({ page }) => {
  await openPlayground(page, "/playground/#p=relation-joins");
  await expect(page.getByLabel("Database")).toHaveValue("compare");
  expect(await run(page)).toBe("done");
  const validations = (database: "SQLite (sql.js)" | "PostgreSQL (PGlite)") =>
    queriesOn(page, database).filter({ hasText: "validateSession → getSessionAndUser" });
  await expect(validations("PostgreSQL (PGlite)")).toHaveCount(1);
  await expect(validations("PostgreSQL (PGlite)")).toContainText("LEFT JOIN LATERAL");
  await expect(validations("SQLite (sql.js)")).toHaveCount(2);
  await expect(output(page).getByText("signed in:")).toHaveCount(2);
  await expect(output(page)).toContainText("SQLite (sql.js)");
  await expect(output(page)).toContainText("PostgreSQL (PGlite)");
  await expect(tables(page).getByRole("group", { name: /^Table Session, PostgreSQL/ })).toContainText("1 row");
  await expect(tables(page).getByRole("group", { name: /^Table Session, SQLite/ })).toContainText("1 row");
  await expect(page.getByRole("status")).toContainText(/SQLite \(sql\.js\): Done .* PostgreSQL \(PGlite\): Done/);
});

test("a permalink keeps the database: it opens on PostgreSQL in a new page and runs an edit there", async ({ page }) => {
  const code = `${defaultPreset.code}console.log(await client.$queryRawUnsafe("SELECT current_setting('server_version_num')::int >= 150000 AS modern"));\n`;
  await openPlayground(page, await permalink({ code, database: "postgresql" }));
  await expect(page.getByLabel("Database")).toHaveValue("postgresql");
  expect(await run(page)).toBe("done");
  await expect(output(page)).toContainText("modern: true");
});

test("an edited schema compiles on PostgreSQL (the DDL is computed in the browser), offline once loaded", async ({ page, context }) => {
  await openThenGoOffline(page, context, await permalink({ database: "postgresql" }), { postgresql: true });
  const schema = defaultPreset.schema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace("model Key {", "model Key {\n  created_at      DateTime @default(now()) @db.Timestamptz(3)");
  await replaceEditorText(page, "Prisma schema", schema);
  expect(await run(page)).toBe("done");
  await expect(output(page)).toContainText("after sign-out");
  await expect(tables(page).getByRole("table", { name: /^Key/ })).toContainText("created_at");
  await context.setOffline(false);
  errors = errors.filter((error) => !error.includes("/favicon.svg"));
});

test("writing the other provider in the schema switches the Database menu", async ({ page }) => {
  await openPlayground(page);
  await waitForEditors(page);
  await replaceEditorText(page, "Prisma schema", defaultPreset.schema.replace('provider = "sqlite"', 'provider = "postgresql"'));
  await expect(page.getByLabel("Database")).toHaveValue("postgresql");
  await postgresqlReady(page);
  await expect(page).toHaveURL(/db=postgresql/);
});

test.describe("PostgreSQL holds what SQLite holds", () => {
  // That a stopped run leaves PostgreSQL running is in playground-sandbox.spec.ts.
  test("offline, runaway code is stopped and the next PostgreSQL run works", async ({ page, context }) => {
    await openThenGoOffline(page, context, await permalink({ database: "postgresql" }), { postgresql: true });
    await replaceEditorText(page, "Code", "while (true) {}\n");
    expect(await run(page)).toBe("unresponsive");
    await replaceEditorText(page, "Code", defaultPreset.code);
    expect(await run(page)).toBe("done");
    await expect(queriesOn(page, "PostgreSQL (PGlite)").filter({ hasText: '"public"."User"' }).first()).toBeVisible();
    await context.setOffline(false);
    errors = errors.filter((error) => !error.includes("/favicon.svg"));
  });

  test("each run starts from an empty database, in a worker where nothing of an earlier run is left", async ({ page }) => {
    const first = `const client = new PrismaClient();
await client.user.create({ data: { id: "kept" } });
await client.$executeRawUnsafe("CREATE SCHEMA leftover");
await client.$executeRawUnsafe("SET statement_timeout = 1234");
Reflect.set(globalThis, "earlierClient", client);
console.log("first run done");
`;
    const second = `const client = new PrismaClient();
console.log("users:", await client.user.count());
console.log("schemas:", await client.$queryRawUnsafe("SELECT nspname FROM pg_namespace WHERE nspname = 'leftover'"));
console.log("timeout:", await client.$queryRawUnsafe("SELECT current_setting('statement_timeout') AS value"));
console.log("earlier client:", typeof Reflect.get(globalThis, "earlierClient"));
`;
    const header = 'import { PrismaClient } from "@prisma/client";\n';
    await openPlayground(page, await permalink({ code: header + first, database: "postgresql" }));
    expect(await run(page)).toBe("done");
    await expect(output(page)).toContainText("first run done");
    await waitForEditors(page);
    await replaceEditorText(page, "Code", header + second);
    expect(await run(page)).toBe("done");
    await expect(output(page)).toContainText("users: 0");
    await expect(output(page)).toContainText("schemas: []");
    await expect(output(page)).toContainText("value: '0'");
    await expect(output(page)).toContainText("earlier client: undefined");
  });

  test("user code cannot evaluate strings or reach another origin", async ({ page }) => {
    await openPlayground(page, await permalink({ code: 'console.log(eval("1 + 1"));\nawait fetch("https://example.org/");\n', database: "postgresql" }));
    expect(await run(page)).toBe("done");
    await expect(output(page)).toContainText("EvalError");
    errors = errors.filter((error) => !error.includes("unsafe-eval") && !error.includes("connect-src"));
  });
});

test("every preset runs on PostgreSQL as it does on SQLite", async ({ page }) => {
  test.setTimeout(240_000);
  await openPlayground(page);
  await waitForEditors(page);
  for (const preset of presets.filter((candidate) => candidate.database === "sqlite")) {
    await page.getByLabel("Preset").selectOption(preset.id);
    await page.getByLabel("Database").selectOption("compare");
    expect(await run(page), preset.id).toBe("done");
    const count = (database: "SQLite (sql.js)" | "PostgreSQL (PGlite)") => queriesOn(page, database).filter({ hasText: /→/ }).count();
    // The same Lucia calls reach each database (the statements differ, the calls do not).
    const calls = async (database: "SQLite (sql.js)" | "PostgreSQL (PGlite)") =>
      (await queriesOn(page, database).locator(".pg-query-call").allTextContents()).filter((call) => call.includes("→"));
    expect(new Set(await calls("PostgreSQL (PGlite)")), preset.id).toEqual(new Set(await calls("SQLite (sql.js)")));
    // The wrong model name fails before any statement, on both.
    if (preset.id !== "wrong-model-name") expect(await count("PostgreSQL (PGlite)"), preset.id).toBeGreaterThan(0);
    await expect(output(page).locator('[data-level="error"]'), preset.id).toHaveCount(preset.id === "wrong-model-name" ? 2 : 0);
  }
});

for (const theme of ["light", "dark"] as const) {
  test(`axe finds no serious violations in the side-by-side results (${theme})`, async ({ page }) => {
    await openPlayground(page, "/playground/#p=relation-joins");
    await waitForEditors(page);
    await chooseTheme(page, theme);
    expect(await run(page)).toBe("done");
    expect(await seriousViolations(page)).toEqual([]);
  });
}
