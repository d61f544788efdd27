/**
 * The Timeline region in Chromium: a run stepped through one Lucia call at a time, on SQLite and
 * PostgreSQL, by the buttons and by the keyboard, with the changed rows marked in words, the
 * current step announced, and the last step matching the Tables region for every preset.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { openPlayground, postgresqlReady, presets, run, seriousViolations, tables, waitForEditors } from "./playground.ts";
import { chooseTheme, watchForErrors } from "./site.ts";

// PostgreSQL loads and starts in each new page: seconds, more on a busy machine.
test.describe.configure({ timeout: 120_000 });

let errors: string[];
test.beforeEach(({ page }) => {
  errors = watchForErrors(page);
});
test.afterEach(() => {
  expect(errors).toEqual([]);
});

const timeline = (page: Page): Locator => page.getByRole("region", { name: "Timeline" });
const stepList = (page: Page): Locator => timeline(page).getByRole("listbox", { name: /^Steps/ });
const summary = (page: Page): Locator => timeline(page).locator(".pg-timeline-summary");
/** A table of the step shown, by its name. */
const stepTable = (page: Page, name: string): Locator => timeline(page).getByRole("table", { name: new RegExp(`^${name} \\(`) });
const marked = (table: Locator, mark: string): Locator => table.getByRole("row").filter({ has: table.page().getByRole("cell", { name: mark, exact: true }) });

/** The tables under `region` as text: caption, header and rows, without the timeline's change column and deleted rows. */
function tableTexts(region: Locator, { timelineStep }: { timelineStep: boolean }) {
  return region.getByRole("table").evaluateAll(
    (elements, skip) =>
      elements.map((table) => ({
        caption: (table as HTMLTableElement).caption?.textContent?.replace(/, \d+ deleted\)$/, ")"),
        rows: [...(table as HTMLTableElement).rows]
          .filter((row) => row.dataset["change"] !== "deleted")
          .map((row) => [...row.cells].slice(skip ? 1 : 0).map((cell) => cell.textContent)),
      })),
    timelineStep,
  );
}

async function choosePostgresql(page: Page): Promise<void> {
  await page.getByLabel("Database").selectOption("postgresql");
  await postgresqlReady(page);
}

for (const database of ["sqlite", "postgresql"] as const) {
  test(`the default preset on ${database}, step by step: createUser, createSession, invalidateSession`, async ({ page }) => {
    await openPlayground(page);
    if (database === "postgresql") await choosePostgresql(page);
    expect(await run(page)).toBe("done");
    const steps = stepList(page);
    await expect(steps.getByRole("option")).toHaveText(["1. createUser", "2. createSession", "3. validateSession", "4. invalidateSession", "5. validateSession (rejected)", "6. end of run"]);
    await expect(summary(page)).toHaveAttribute("aria-live", "polite");

    await expect(summary(page)).toHaveText("Step 1 of 6: createUser — 1 row inserted in User; 1 row inserted in Key");
    await expect(marked(stepTable(page, "User"), "+ inserted")).toHaveCount(1);
    await expect(marked(stepTable(page, "Key"), "+ inserted")).toContainText("github:1234");
    await expect(stepTable(page, "Session")).toContainText("0 rows");
    await expect(timeline(page).locator(".pg-timeline-statements summary")).toHaveText("4 statements");
    const previous = timeline(page).getByRole("button", { name: "Previous" });
    await expect(previous).toBeDisabled();

    const next = timeline(page).getByRole("button", { name: "Next" });
    await next.click();
    await expect(summary(page)).toHaveText("Step 2 of 6: createSession — 1 row inserted in Session");
    await expect(marked(stepTable(page, "Session"), "+ inserted")).toHaveCount(1);
    await expect(marked(stepTable(page, "User"), "+ inserted")).toHaveCount(0);
    await next.click();
    await expect(summary(page)).toHaveText("Step 3 of 6: validateSession — no rows changed");
    await next.click();
    await expect(summary(page)).toHaveText("Step 4 of 6: invalidateSession — 1 row deleted in Session");
    const deleted = marked(stepTable(page, "Session"), "− deleted");
    await expect(deleted).toHaveCount(1);
    await expect(deleted.getByRole("cell").nth(1)).toHaveCSS("text-decoration-line", "line-through");
    await expect(stepTable(page, "Session")).toContainText("0 rows, 1 deleted");

    // The keyboard: Tab reaches the buttons and the list; arrow keys step in the list.
    await previous.focus();
    await page.keyboard.press("Tab");
    await expect(next).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(steps).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(summary(page)).toHaveText("Step 5 of 6: validateSession — no rows changed");
    await expect(timeline(page)).toContainText("validateSession rejected.");
    await page.keyboard.press("ArrowDown");
    await expect(summary(page)).toHaveText("Step 6 of 6: end of run — no rows changed");
    await expect(next).toBeDisabled();
    await page.keyboard.press("ArrowUp");
    await expect(summary(page)).toHaveText(/^Step 5 of 6/);
    await page.keyboard.press("ArrowDown");

    expect(await tableTexts(timeline(page), { timelineStep: true })).toEqual(await tableTexts(tables(page), { timelineStep: false }));
  });
}

test("every preset on both databases: a timeline each, whose last step matches the Tables region", async ({ page }) => {
  test.setTimeout(300_000);
  await openPlayground(page);
  for (const preset of presets) {
    await page.getByLabel("Preset").selectOption(preset.id);
    await expect(page.getByLabel("Database"), preset.id).toHaveValue(preset.database);
    // Compare mode runs the preset on SQLite and PostgreSQL side by side.
    await page.getByLabel("Database").selectOption("compare");
    await postgresqlReady(page);
    expect(await run(page), preset.id).toBe("done");
    const lists = timeline(page).getByRole("listbox");
    await expect(lists, preset.id).toHaveCount(2);
    for (const list of await lists.all()) {
      const count = await list.getByRole("option").count();
      // A preset whose adapter is refused before any Lucia call has the end of the run only.
      expect(count, preset.id).toBeGreaterThan(0);
      await list.selectOption(String(count - 1));
      await expect(list.locator("xpath=ancestor::div[@class='pg-timeline']").locator(".pg-timeline-summary"), preset.id).toHaveText(new RegExp(`Step ${count} of ${count}: end of run`));
    }
    expect(await tableTexts(timeline(page), { timelineStep: true }), preset.id).toEqual(await tableTexts(tables(page), { timelineStep: false }));
  }
});

test("statements are grouped under the Lucia call that sent them", async ({ page }) => {
  await openPlayground(page);
  expect(await run(page)).toBe("done");
  const groups = page.getByRole("region", { name: "Queries" }).getByRole("heading", { level: 4 });
  await expect(groups.first()).toHaveText("createUser · 4 statements");
  await expect(groups.nth(1)).toHaveText(/^createSession · \d+ statements?$/);
  await expect(groups.filter({ hasText: /^validateSession/ })).toHaveCount(2);
});

test.describe("accessibility", () => {
  for (const theme of ["light", "dark"] as const) {
    test(`axe finds no serious violations with the timeline open (${theme})`, async ({ page }) => {
      await openPlayground(page);
      await waitForEditors(page);
      await chooseTheme(page, theme);
      expect(await run(page)).toBe("done");
      // Inserted rows, then deleted ones.
      await expect(summary(page)).toHaveText(/^Step 1 of 6/);
      expect(await seriousViolations(page)).toEqual([]);
      await stepList(page).selectOption("3");
      await expect(summary(page)).toHaveText(/^Step 4 of 6/);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
