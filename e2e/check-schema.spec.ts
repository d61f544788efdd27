/** The "Check your schema" page: the build's verdict, the reader's schema checked in the browser, Apply and Copy. */
import { expect, test, type Page } from "@playwright/test";
import { repoFile, watchForErrors } from "./site.ts";

const renamed = repoFile("packages/adapter-prisma/schemas/renamed.sqlite.prisma");
const result = (page: Page) => page.getByRole("region", { name: "Result" });
const schema = (page: Page) => page.getByRole("textbox", { name: "Your Prisma schema" });

let errors: string[];
test.beforeEach(({ page }) => {
  errors = watchForErrors(page);
});
test.afterEach(() => {
  expect(errors).toEqual([]);
});

test("the example's findings are in the page as built, before any script runs", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/check-schema/");
  await expect(result(page)).toContainText("No call fits yet");
  await expect(result(page).getByRole("listitem").filter({ hasText: 'Model Session lacks the field "idle_expires"' })).toHaveCount(1);
  await expect(result(page).getByRole("button", { name: /^Apply: / }).first()).toBeVisible();
  await context.close();
});

test("applying every fix makes the example fit default mode, and Copy copies the call", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/check-schema/");
  const applied: string[] = [];
  for (let round = 0; round < 12; round++) {
    const apply = result(page).locator('[data-severity="error"], [data-severity="warning"]').getByRole("button", { name: /^Apply: / });
    if ((await apply.count()) === 0) break;
    const title = (await apply.first().innerText()).trim();
    applied.push(title);
    await apply.first().click();
    // The fixed text is checked again in the worker; the finding it fixed is gone after.
    await expect(page.getByRole("status")).toHaveText(/^Checked: /, { timeout: 20_000 });
    await expect(result(page).getByRole("button", { name: title, exact: true })).toHaveCount(0);
  }
  expect(applied.length).toBeGreaterThanOrEqual(5);
  await expect(result(page)).toContainText("This schema works with the adapter");
  await expect(result(page).locator("pre").first()).toHaveText('prisma({ client, mode: "default" })');
  await result(page).getByRole("button", { name: "Copy the call" }).click();
  await expect(page.getByRole("status")).toHaveText("Copied the call.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('prisma({ client, mode: "default" })');
  await expect(schema(page)).toHaveValue(/idle_expires\s+BigInt/);
});

test("a pasted schema with its own names gets its modelNames and userRelationKey", async ({ page }) => {
  await page.goto("/check-schema/");
  await schema(page).fill(renamed);
  await expect(result(page).locator("pre").first()).toHaveText(
    'prisma({ client, modelNames: { user: "authUser", session: "authSession", key: "authKey" }, userRelationKey: "owner" })',
    { timeout: 20_000 },
  );
  await expect(result(page)).toContainText("Model AuthSession is mapped");
});

test("a schema Prisma rejects gets Prisma's own words, with the line", async ({ page }) => {
  await page.goto("/check-schema/");
  await schema(page).fill(renamed.replace("String        @id @unique", "Strin        @id @unique"));
  await expect(result(page)).toContainText("Prisma rejects this schema", { timeout: 20_000 });
  await expect(result(page)).toContainText(/Line \d+: Type "Strin" is neither a built-in type/);
});
