import { expect, test } from "@playwright/test";
import { expectedPaths } from "./site.ts";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });

for (const path of expectedPaths) {
  test(`${path} fits a phone screen without sideways scrolling`, async ({ page }) => {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test("the menu button opens the navigation on a phone", async ({ page }) => {
  await page.goto("/reference/");
  const sidebarLink = page.locator("#starlight__sidebar").getByRole("link", { name: "Custom model names" });
  await expect(sidebarLink).toBeHidden();
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(sidebarLink).toBeVisible();
  await sidebarLink.click();
  await expect(page).toHaveURL(/\/guides\/custom-model-names\/$/);
});

for (const theme of ["light", "dark"] as const) {
  test(`the reference page looks as approved on a phone, ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto("/reference/");
    await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
    await page.evaluate(() => document.fonts.ready);
    await expect(page).toHaveScreenshot(`reference-phone-${theme}.png`);
  });
}
