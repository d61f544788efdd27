import { expect, test } from "@playwright/test";
import { chooseTheme } from "./site.ts";

test("the theme toggle switches between light and dark and the choice survives a reload", async ({ page }) => {
  await page.goto("/reference/");
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-theme", "light");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const lightBackground = await background();

  await chooseTheme(page, "dark");
  await expect(html).toHaveAttribute("data-theme", "dark");
  expect(await background()).not.toBe(lightBackground);

  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");

  await chooseTheme(page, "light");
  await expect(html).toHaveAttribute("data-theme", "light");
  expect(await background()).toBe(lightBackground);
});

test('"auto" follows the system colour scheme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await chooseTheme(page, "auto");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.emulateMedia({ colorScheme: "light" });
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
});
