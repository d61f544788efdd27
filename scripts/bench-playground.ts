/**
 * `npm run bench:playground`: the playground's speed in headless Chromium on localhost, each
 * figure printed beside its target. Cold cache every round (a new browser context). Prints, never
 * asserts. Builds the site first unless BENCH_REUSE_DIST=1; BENCH_ROUNDS sets the rounds (5).
 *
 * The site is served gzip-compressed by a plain static server, so transfer sizes are what a
 * compressing host sends. Figures:
 * - interactive: navigation start → Run usable (`playground:interactive`);
 * - first query: the Run click (the pointer event's own time) → the first SQL statement shown;
 * - transfer before the first result: bytes over the wire, page and workers, until then, on a
 *   desktop and on a phone (a touch-first screen, where the page fetches nothing ahead);
 * - re-run after a schema edit, once the page has been open 3 s: click → first statement;
 * - Run after a runaway run was stopped (2 s without an answer): click → first statement;
 * - Run after a hostile run (prototypes patched, a timer left running): click → first statement;
 * - the page's slowest answer while a run prints 200,000 lines (the longest gap between ticks
 *   of a 10 ms timer on the page, minus those 10 ms), and how long that run took;
 * - PostgreSQL: from choosing it in the Database menu (page open, Run usable) to ready
 *   (`playground:postgresql-chosen` → `playground:postgresql-ready`), the bytes that loaded after
 *   the choice, and click → first statement for the first run, for later runs there, and for a
 *   run after a schema edit (the database worker computes its DDL), once the page has loaded
 *   everything, and for a run after a runaway run there was stopped (PostgreSQL keeps running);
 * - Lighthouse's mobile audit (`lighthouse.ts`) of the playground and two docs pages: scores,
 *   largest contentful paint, total blocking time, layout shift, the largest file fetched before
 *   that paint. BENCH_PARTS=playground or BENCH_PARTS=lighthouse runs one part.
 */
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Page, type Request } from "@playwright/test";
import { chromiumLaunchOptions } from "@internal/test-kit/chromium";
import { encodeState } from "../src/playground/engine/url-state.ts";
import { presetFiles } from "../src/playground/presets.ts";
import { serveGzipped } from "./static-server.ts";
import { audit, type LighthouseFigures } from "./lighthouse.ts";
import { version as lighthouseVersion } from "lighthouse/package.json" with { type: "json" };

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const rounds = Number(process.env["BENCH_ROUNDS"] ?? 5);
/** BENCH_PARTS=playground or =lighthouse runs one part; both run by default. */
const parts = new Set((process.env["BENCH_PARTS"] ?? "playground,lighthouse").split(","));

/** Clicks Run and returns the time from the click to the first statement of that run on `database` (ms). */
async function clickToFirstQuery(page: Page, database: "sqlite" | "postgresql" = "sqlite"): Promise<number> {
  const runs = Number((await page.locator("#playground").getAttribute("data-runs")) ?? "0");
  await page.evaluate((listId) => {
    const state = window as unknown as { benchClick?: number; benchFirstQuery?: number };
    delete state.benchClick;
    delete state.benchFirstQuery;
    document.getElementById("pg-run")!.addEventListener("pointerdown", (event) => (state.benchClick = event.timeStamp), { capture: true, once: true });
    new MutationObserver((_records, observer) => {
      if (document.querySelector(`#${listId} li`) !== null) {
        state.benchFirstQuery = performance.now();
        observer.disconnect();
      }
    }).observe(document.getElementById(listId)!, { childList: true });
  }, `pg-queries-${database}`);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await page.locator(`#playground[data-runs="${runs + 1}"]`).waitFor({ state: "attached", timeout: 60_000 });
  return page.evaluate(() => {
    const state = window as unknown as { benchClick: number; benchFirstQuery: number };
    return state.benchFirstQuery - state.benchClick;
  });
}

/** Replaces the schema editor's text as a reader pasting it would. */
const pasteSchema = (page: Page, text: string) => paste(page, "Prisma schema", text);
const pasteCode = (page: Page, text: string) => paste(page, "Code", text);

async function paste(page: Page, editor: "Prisma schema" | "Code", text: string): Promise<void> {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.getByRole("textbox", { name: editor }).focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
}

/** Bytes over the wire (bodies as sent, and headers) of the requests done by `time` (epoch ms). */
async function bytesUntil(requests: Request[], time: number): Promise<number> {
  let bytes = 0;
  for (const request of requests) {
    const timing = request.timing();
    if (timing.startTime + timing.responseEnd > time) continue;
    const sizes = await request.sizes();
    bytes += sizes.responseBodySize + sizes.responseHeadersSize;
  }
  return bytes;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

if (process.env["BENCH_REUSE_DIST"] !== "1") {
  console.log("Building the site (BENCH_REUSE_DIST=1 skips this)…");
  execFileSync(process.execPath, [join(root, "node_modules/astro/astro.js"), "build"], { cwd: root, stdio: "ignore" });
}

const server = await serveGzipped(dist);
const browser = await chromium.launch(chromiumLaunchOptions);
const figures = {
  interactive: [] as number[],
  firstQuery: [] as number[],
  transfer: [] as number[],
  phoneTransfer: [] as number[],
  rerun: [] as number[],
  afterRunaway: [] as number[],
  afterHostile: [] as number[],
  floodAnswer: [] as number[],
  floodRun: [] as number[],
  postgresqlReady: [] as number[],
  postgresqlFiles: [] as number[],
  postgresqlBytes: [] as number[],
  postgresqlFirstRun: [] as number[],
  postgresqlLaterRun: [] as number[],
  postgresqlRerun: [] as number[],
  postgresqlAfterRunaway: [] as number[],
};
const defaultPreset = presetFiles[0]!;
const defaultState = {
  schema: await readFile(join(root, defaultPreset.schemaFile), "utf8"),
  code: await readFile(join(root, defaultPreset.codeFile), "utf8"),
  database: "sqlite" as const,
};

try {
  for (let round = 1; round <= (parts.has("playground") ? rounds : 0); round++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await context.newPage();
    const requests: Request[] = [];
    page.on("requestfinished", (request) => requests.push(request));
    await page.goto(`${server.origin}/playground/`);
    await page.locator("#playground[data-ready]").waitFor({ state: "attached", timeout: 30_000 });
    figures.interactive.push(await page.evaluate(() => performance.getEntriesByName("playground:interactive")[0]!.startTime));
    figures.firstQuery.push(await clickToFirstQuery(page));
    const firstQueryAt = await page.evaluate(() => performance.timeOrigin + performance.getEntriesByName("playground:first-query")[0]!.startTime);
    figures.transfer.push(await bytesUntil(requests, firstQueryAt));

    // A schema edit once the page has been open 3 s: the tools have loaded in the background.
    const openFor = await page.evaluate(() => performance.now());
    if (openFor < 3000) await page.waitForTimeout(3000 - openFor);
    await pasteSchema(page, defaultState.schema.replace("model User {", `model User {\n  nickname${round} String?`));
    figures.rerun.push(await clickToFirstQuery(page));
    await context.close();

    // A phone (touch-first, so the page fetches nothing ahead): bytes until the first result.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phonePage = await phone.newPage();
    const phoneRequests: Request[] = [];
    phonePage.on("requestfinished", (request) => phoneRequests.push(request));
    await phonePage.goto(`${server.origin}/playground/`);
    await phonePage.locator("#playground[data-ready]").waitFor({ state: "attached", timeout: 30_000 });
    await clickToFirstQuery(phonePage);
    const phoneFirstQueryAt = await phonePage.evaluate(() => performance.timeOrigin + performance.getEntriesByName("playground:first-query")[0]!.startTime);
    figures.phoneTransfer.push(await bytesUntil(phoneRequests, phoneFirstQueryAt));
    await phone.close();

    // Runaway code, stopped once it has not answered for 2 s; then the default preset. And the
    // same after code that patched prototypes and left a timer running.
    for (const [code, figure] of [
      ["while (true) {}\n", figures.afterRunaway],
      ['Array.prototype.map = () => [];\nsetInterval(() => console.log("ghost"), 10);\n', figures.afterHostile],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const hash = await encodeState({ base: "default", schema: defaultState.schema, code, database: "sqlite" }, defaultState);
      await page.goto(`${server.origin}/playground/${hash}`);
      await page.locator("#playground[data-ready]").waitFor({ state: "attached", timeout: 30_000 });
      await clickToFirstQuery(page).catch(() => 0);
      await page.getByLabel("Preset").selectOption("default");
      figure.push(await clickToFirstQuery(page));
      await context.close();
    }

    // 200,000 console lines: how late the page's own timer gets while they arrive.
    const flood = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const floodPage = await flood.newPage();
    const floodHash = await encodeState({ base: "default", schema: defaultState.schema, code: 'for (let i = 0; i < 200000; i++) console.log("line", i);\n', database: "sqlite" }, defaultState);
    await floodPage.goto(`${server.origin}/playground/${floodHash}`);
    // Once the page has settled (editors mounted, tools loaded), so only the flood is measured.
    await floodPage.locator("#playground[data-complete]").waitFor({ state: "attached", timeout: 60_000 });
    await floodPage.evaluate(() => {
      const state = window as unknown as { benchLag: number };
      state.benchLag = 0;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        state.benchLag = Math.max(state.benchLag, now - last - 10);
        last = now;
      }, 10);
    });
    const floodStarted = Date.now();
    await floodPage.getByRole("button", { name: "Run", exact: true }).click();
    await floodPage.locator('#playground[data-runs="1"]').waitFor({ state: "attached", timeout: 60_000 });
    await floodPage.getByText(/more lines not shown/).waitFor({ timeout: 60_000 });
    figures.floodRun.push(Date.now() - floodStarted);
    figures.floodAnswer.push(await floodPage.evaluate(() => (window as unknown as { benchLag: number }).benchLag));
    await flood.close();

    // PostgreSQL, chosen once Run is usable on a cold cache: ready, bytes, then three runs.
    const postgresql = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await postgresql.grantPermissions(["clipboard-read", "clipboard-write"]);
    const postgresqlPage = await postgresql.newPage();
    await postgresqlPage.goto(`${server.origin}/playground/`);
    await postgresqlPage.locator("#playground[data-ready]").waitFor({ state: "attached", timeout: 30_000 });
    const afterChoice: Request[] = [];
    postgresqlPage.on("requestfinished", (request) => afterChoice.push(request));
    await postgresqlPage.getByLabel("Database").selectOption("postgresql");
    await postgresqlPage.locator('#playground[data-postgresql="ready"]').waitFor({ state: "attached", timeout: 120_000 });
    const since = (mark: string) =>
      postgresqlPage.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime - performance.getEntriesByName("playground:postgresql-chosen")[0]!.startTime, mark);
    figures.postgresqlReady.push(await since("playground:postgresql-ready"));
    figures.postgresqlFiles.push(await since("playground:postgresql-files"));
    let postgresqlBytes = 0;
    // What only PostgreSQL's readers download, each file once (the schema engine is not counted:
    // the schema tools load it for every reader).
    const counted = new Set<string>();
    for (const request of afterChoice) {
      if (!/pglite|initdb|postgresql/.test(request.url()) || counted.has(request.url())) continue;
      counted.add(request.url());
      const sizes = await request.sizes();
      postgresqlBytes += sizes.responseBodySize + sizes.responseHeadersSize;
    }
    figures.postgresqlBytes.push(postgresqlBytes);
    figures.postgresqlFirstRun.push(await clickToFirstQuery(postgresqlPage, "postgresql"));
    figures.postgresqlLaterRun.push(await clickToFirstQuery(postgresqlPage, "postgresql"), await clickToFirstQuery(postgresqlPage, "postgresql"));
    // A schema the build did not compile: the runner computes its DDL with the schema engine.
    await postgresqlPage.locator("#playground[data-complete]").waitFor({ state: "attached", timeout: 60_000 });
    await pasteSchema(postgresqlPage, defaultState.schema.replace('provider = "sqlite"', 'provider = "postgresql"').replace("model User {", `model User {\n  nickname${round} String?`));
    figures.postgresqlRerun.push(await clickToFirstQuery(postgresqlPage, "postgresql"));
    // A runaway run, stopped; PostgreSQL keeps running, so the next run does not wait for it.
    await pasteCode(postgresqlPage, "while (true) {}\n");
    await clickToFirstQuery(postgresqlPage, "postgresql").catch(() => 0);
    await pasteCode(postgresqlPage, defaultState.code);
    figures.postgresqlAfterRunaway.push(await clickToFirstQuery(postgresqlPage, "postgresql"));
    await postgresql.close();
    console.log(`round ${round}/${rounds} done`);
  }
} finally {
  await browser.close();
}

if (parts.has("playground")) {
  const rows: [label: string, values: number[], target: number, unit: "ms" | "MB"][] = [
    ["interactive (Run usable) after navigation", figures.interactive, 1500, "ms"],
    ["first Run: click → first query shown", figures.firstQuery, 500, "ms"],
    ["re-run after a schema edit (page open 3 s)", figures.rerun, 300, "ms"],
    ["Run after a runaway run was stopped", figures.afterRunaway, 500, "ms"],
    ["Run after a hostile run (prototypes patched, a timer left)", figures.afterHostile, 500, "ms"],
    ["slowest page answer while 200,000 lines print", figures.floodAnswer, 100, "ms"],
    ["  and that run, click → its end shown", figures.floodRun, 10_000, "ms"],
    ["transferred before the first result (gzip)", figures.transfer.map((bytes) => bytes / 1e6), 3, "MB"],
    ["  on a phone (nothing fetched ahead)", figures.phoneTransfer.map((bytes) => bytes / 1e6), 1.5, "MB"],
    ["PostgreSQL: chosen → ready (cold cache)", figures.postgresqlReady, 2500, "ms"],
    ["  of which: files downloaded and compiled", figures.postgresqlFiles, 2500, "ms"],
    ["PostgreSQL: first run, click → first query", figures.postgresqlFirstRun, 500, "ms"],
    ["PostgreSQL: later runs, click → first query", figures.postgresqlLaterRun, 500, "ms"],
    ["PostgreSQL: re-run after a schema edit", figures.postgresqlRerun, 500, "ms"],
    ["PostgreSQL: Run after a runaway run was stopped", figures.postgresqlAfterRunaway, 500, "ms"],
  ];
  console.log(`\nPlayground, ${rounds} cold rounds, medians (every round in brackets):`);
  for (const [label, values, target, unit] of rows) {
    const shown = (number: number) => (unit === "MB" ? number.toFixed(2) : String(Math.round(number)));
    const value = median(values);
    console.log(`  ${value <= target ? "met    " : "NOT MET"}  ${label}: ${shown(value)} ${unit} (target ≤ ${target} ${unit}) [${values.map(shown).join(", ")}]`);
  }
  const extra = figures.postgresqlBytes.map((bytes) => (bytes / 1e6).toFixed(2));
  console.log(`  (no target)  PostgreSQL's extra bytes, gzip (PGlite, its data, the cluster snapshot, Prisma's PostgreSQL compiler): ${(median(figures.postgresqlBytes) / 1e6).toFixed(2)} MB [${extra.join(", ")}]`);
}

// Lighthouse's mobile audit: the playground and two docs pages, the median of three audits each.
if (parts.has("lighthouse")) {
  const pages = [
    { path: "/playground/", name: "playground", performance: 90 },
    { path: "/reference/", name: "reference", performance: 95 },
    { path: "/quick-start/", name: "quick start", performance: 95 },
  ];
  const audits = 3;
  console.log(`\nLighthouse ${lighthouseVersion}, mobile (simulated slow 4G, 4× CPU), gzip static server, median of ${audits}:`);
  for (const page of pages) {
    const results: LighthouseFigures[] = [];
    for (let round = 0; round < audits; round++) results.push(await audit(`${server.origin}${page.path}`));
    const of = (pick: (figures: LighthouseFigures) => number) => median(results.map(pick));
    const row = (label: string, value: number, meets: boolean, target: string, unit = "") =>
      console.log(`  ${meets ? "met    " : "NOT MET"}  ${page.name}: ${label} ${value}${unit} (target ${target})`);
    row("performance", of((figures) => figures.performance), of((figures) => figures.performance) >= page.performance, `≥ ${page.performance}`);
    row("accessibility", of((figures) => figures.accessibility), of((figures) => figures.accessibility) === 100, "100");
    row("best practices", of((figures) => figures.bestPractices), of((figures) => figures.bestPractices) === 100, "100");
    if (page.name !== "playground") continue;
    const ms = (value: number) => Math.round(value);
    row("largest contentful paint", ms(of((figures) => figures.largestContentfulPaint)), of((figures) => figures.largestContentfulPaint) <= 2500, "≤ 2500 ms", " ms");
    row("total blocking time", ms(of((figures) => figures.totalBlockingTime)), of((figures) => figures.totalBlockingTime) <= 200, "≤ 200 ms", " ms");
    row("cumulative layout shift", of((figures) => figures.cumulativeLayoutShift), of((figures) => figures.cumulativeLayoutShift) === 0, "0");
    const largest = results.map((figures) => figures.largestBeforePaint?.bytes ?? 0);
    row("largest file fetched before that paint", Math.round(median(largest) / 1e3), median(largest) <= 100_000, "≤ 100 KB", " KB");
    const before = results.find((figures) => figures.largestBeforePaint !== undefined)?.largestBeforePaint;
    console.log(`  (no target)  playground: first contentful paint ${ms(of((figures) => figures.firstContentfulPaint))} ms, speed index ${ms(of((figures) => figures.speedIndex))} ms, transferred ${(of((figures) => figures.transferred) / 1e6).toFixed(2)} MB${before ? `; largest before the paint: ${new URL(before.url).pathname}` : ""}`);
  }
}
server.close();
