import { expect, test } from "@playwright/test";

test('search finds the prisma() reference by "userRelationKey"', async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Search" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.locator("input.pagefind-ui__search-input").fill("userRelationKey");
  const results = dialog.locator(".pagefind-ui__result-link");
  await expect(results.first()).toBeVisible();
  const hrefs = await results.evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(hrefs.some((href) => href?.startsWith("/reference/"))).toBe(true);
  await results.filter({ hasText: "prisma()" }).first().click();
  await expect(page).toHaveURL(/\/reference\/$/);
});
