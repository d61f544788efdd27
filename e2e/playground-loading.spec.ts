/**
 * What the playground loads, and when: the editors' previews at first paint, Run before Monaco,
 * Monaco taking over without anything moving (caret, selection and scroll carried over), and
 * Prisma's schema tools at the first edit where the page must not fetch ahead. The reader's
 * "save data" setting is what tells the page not to fetch ahead here; on a phone it is the same.
 */
import { expect, test, type Page, type Route } from "@playwright/test";
import { defaultPreset, openPlayground, output, queries, run, seriousViolations, waitForEditors } from "./playground.ts";
import { chooseTheme, watchForErrors } from "./site.ts";

const editorsChunk = /\/_astro\/editors-ui\.[\w-]+\.js$/;
const schemaTools = /prisma_schema_build_bg\.[\w-]+\.wasm$|schema_engine_bg\.[\w-]+\.wasm$/;
const typeScriptWorker = /ts\.worker-[\w-]+\.js$/;

let errors: string[];
test.beforeEach(({ page }) => {
  errors = watchForErrors(page);
});
test.afterEach(() => {
  expect(errors).toEqual([]);
});

/** The reader's browser asks to save data (navigator.connection.saveData, as Chrome's setting gives it). */
async function saveData(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, "connection", { configurable: true, value: { saveData: true, effectiveType: "4g" } });
  });
}

/** Holds the editors' chunk until `release()`: Monaco cannot mount before then. */
async function holdEditors(page: Page): Promise<{ release(): void; requested: Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let requested!: () => void;
  const wasRequested = new Promise<void>((resolve) => (requested = resolve));
  await page.route(editorsChunk, async (route: Route) => {
    requested();
    await released;
    await route.continue();
  });
  return { release, requested: wasRequested };
}

/** Every URL the page has requested so far. */
function requestLog(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

const monacoIn = (page: Page, box: "schema" | "code") => page.locator(`#pg-${box}-editor .monaco-editor`);

test("the first paint holds the preset's text, highlighted, in textboxes with the editors' names", async ({ page }) => {
  await saveData(page);
  await holdEditors(page);
  await page.goto("/playground/");
  // Before any script: the HTML itself holds the highlighted text and the named textboxes.
  const schema = page.getByRole("textbox", { name: "Prisma schema" });
  await expect(schema).toHaveValue(defaultPreset.schema);
  await expect(page.getByRole("textbox", { name: "Code" })).toHaveValue(defaultPreset.code);
  await expect(page.locator('#pg-schema-editor .pg-preview-text span[style*="--shiki-light"]').first()).toBeAttached();
  expect((await page.locator("#pg-schema-editor .pg-preview-text").innerText()).trimEnd()).toBe(defaultPreset.schema.trimEnd());
  await expect(monacoIn(page, "schema")).toHaveCount(0);
  for (const theme of ["light", "dark"] as const) {
    await chooseTheme(page, theme);
    expect(await seriousViolations(page)).toEqual([]);
  }
});

test("Run runs before Monaco has loaded, and nothing heavy is fetched for it", async ({ page }) => {
  await saveData(page);
  const requests = requestLog(page);
  const editors = await holdEditors(page);
  await openPlayground(page);
  expect(await run(page)).toBe("done");
  await expect(queries(page).first()).toBeVisible();
  await expect(output(page)).toContainText("signed in:");
  await expect(monacoIn(page, "schema")).toHaveCount(0);
  expect(requests.filter((url) => schemaTools.test(url) || typeScriptWorker.test(url))).toEqual([]);
  // The first result is in: the page asks for the editor when it is idle.
  await editors.requested;
  editors.release();
  await expect(monacoIn(page, "schema")).toBeVisible();
  await expect(monacoIn(page, "code")).toBeVisible();
});

test("an edit before Monaco is what Run runs", async ({ page }) => {
  await saveData(page);
  await holdEditors(page);
  await openPlayground(page);
  const code = page.getByRole("textbox", { name: "Code" });
  await code.focus();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type('\nconsole.log("typed before Monaco");');
  expect(await run(page)).toBe("done");
  await expect(output(page)).toContainText("typed before Monaco");
});

test("Monaco takes the preview's place with nothing moving, when the page is idle after the first result", async ({ page }) => {
  await saveData(page);
  await page.addInitScript(() => {
    const record = { shifts: [] as string[] };
    Object.assign(window, { __shifts: record });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources?: { node?: Node }[] })[]) {
        const moved = (entry.sources ?? []).map((source) => (source.node instanceof Element ? `#${source.node.id}` : String(source.node?.nodeName)));
        record.shifts.push(`${entry.value.toFixed(4)}: ${moved.join(" ")}`);
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  const editors = await holdEditors(page);
  await openPlayground(page);
  const boxes = () =>
    page.evaluate(() =>
      ["pg-schema-editor", "pg-code-editor", "pg-results-panel", "pg-status"].map((id) => {
        const { x, y, width, height } = document.getElementById(id)!.getBoundingClientRect();
        return { id, x, y, width, height };
      }),
    );
  expect(await run(page)).toBe("done");
  await expect(output(page)).toContainText("after sign-out:");
  // The page asks for the editor once idle after the result; it arrives after this measure.
  await editors.requested;
  const before = await boxes();
  const shiftsBefore = await page.evaluate(() => (window as unknown as { __shifts: { shifts: string[] } }).__shifts.shifts.length);
  editors.release();
  await expect(monacoIn(page, "schema")).toBeVisible();
  await expect(monacoIn(page, "code")).toBeVisible();
  await expect(page.locator("#pg-schema-editor .view-line").first()).toContainText("generator client");
  expect(await boxes()).toEqual(before);
  expect(await page.evaluate(() => (window as unknown as { __shifts: { shifts: string[] } }).__shifts.shifts)).toEqual([]);
  expect(shiftsBefore).toBe(0);
});

test("the caret, the selection and the scroll position carry over into Monaco, and keys typed meanwhile are kept", async ({ page }) => {
  await saveData(page);
  const editors = await holdEditors(page);
  await openPlayground(page);
  const schema = page.getByRole("textbox", { name: "Prisma schema" });
  await schema.focus();
  // Focusing the editor asks for Monaco; until it arrives, the textbox edits as a textarea does.
  await editors.requested;
  await expect(page.locator("#pg-status")).toHaveText("Loading the editor…");
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("\n// carried over");
  for (let index = 0; index < "carried over".length; index++) await page.keyboard.press("Shift+ArrowLeft");
  expect(await schema.evaluate((input: HTMLTextAreaElement) => input.scrollTop)).toBeGreaterThan(0);
  editors.release();
  await expect(monacoIn(page, "schema")).toBeVisible();
  // Typing replaces the selection, at the end of the schema, which is still in view.
  await page.keyboard.type("kept");
  const lastLine = page.locator("#pg-schema-editor .view-line").filter({ hasText: "// kept" });
  await expect(lastLine).toBeVisible();
  await expect(lastLine).toHaveText("// kept");
  await expect(page.locator("#pg-status")).not.toHaveText("Loading the editor…");
});

test("Prisma's schema tools load at the first edit, and the status line says so while they do", async ({ page }) => {
  await saveData(page);
  const requests = requestLog(page);
  await holdEditors(page);
  let releaseTools!: () => void;
  const toolsHeld = new Promise<void>((resolve) => (releaseTools = resolve));
  await page.route(schemaTools, async (route) => {
    await toolsHeld;
    await route.continue();
  });
  await openPlayground(page);
  expect(await run(page)).toBe("done");
  expect(requests.filter((url) => schemaTools.test(url))).toEqual([]);
  const schema = page.getByRole("textbox", { name: "Prisma schema" });
  await schema.focus();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("\nmodel Extra {\n  id String @id\n}");
  await expect(page.locator("#pg-status")).toHaveText("Loading Prisma's schema tools to check your schema…");
  await expect.poll(() => requests.some((url) => schemaTools.test(url))).toBe(true);
  releaseTools();
  await expect(page.locator("#pg-status")).not.toHaveText("Loading Prisma's schema tools to check your schema…", { timeout: 30_000 });
  // The edited schema is compiled by those tools and runs.
  expect(await run(page)).toBe("done");
  await expect(output(page)).toContainText("signed in:");
});

test("on a phone, nothing but what Run needs loads ahead: Monaco waits for the first result, the tools for an edit", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const pageErrors = watchForErrors(page);
  const requests = requestLog(page);
  await openPlayground(page);
  await expect(monacoIn(page, "schema")).toHaveCount(0);
  expect(await run(page)).toBe("done");
  await expect(page.locator("#pg-schema-editor .monaco-editor")).toBeAttached();
  expect(requests.filter((url) => schemaTools.test(url) || typeScriptWorker.test(url))).toEqual([]);
  expect(pageErrors).toEqual([]);
  await context.close();
});

test("on a fast desktop connection the editor and the schema tools load by themselves once the page is idle", async ({ page }) => {
  await openPlayground(page);
  await waitForEditors(page);
  await expect(page.locator("#playground[data-complete]")).toBeAttached({ timeout: 60_000 });
});
