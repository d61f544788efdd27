import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { chooseTheme, expectedPaths, sitePaths, waitForCodeBlocksToSettle, watchForErrors } from "./site.ts";

test("the sitemap lists every page of the site", async ({ request }) => {
  expect(await sitePaths(request)).toEqual(expectedPaths);
});

for (const path of expectedPaths) {
  test.describe(`page ${path}`, () => {
    test("loads without console errors and has a title, a description and a social image", async ({ page }) => {
      const errors = watchForErrors(page);
      const response = await page.goto(path, { waitUntil: "networkidle" });
      expect(response?.status()).toBe(200);
      await expect(page.locator("h1")).toHaveCount(1);
      expect((await page.title()).length).toBeGreaterThan(10);
      const description = await page.locator('meta[name="description"]').getAttribute("content");
      expect(description?.length ?? 0).toBeGreaterThan(50);
      const socialImage = await page.locator('meta[property="og:image"]').getAttribute("content");
      expect(socialImage).toMatch(/\/social\.png$/);
      expect(errors).toEqual([]);
    });

    for (const theme of ["light", "dark"] as const) {
      test(`has no serious or critical accessibility violation in the ${theme} theme`, async ({ page }) => {
        await page.goto(path);
        await chooseTheme(page, theme);
        await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
        await waitForCodeBlocksToSettle(page);
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        const blocking = results.violations
          .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
          .map((violation) => ({
            rule: violation.id,
            impact: violation.impact,
            help: violation.help,
            nodes: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
          }));
        expect(blocking).toEqual([]);
      });
    }
  });
}

test("an unknown address gets the 404 page", async ({ page }) => {
  const errors = watchForErrors(page);
  const response = await page.goto("/no-such-page/");
  expect(response?.status()).toBe(404);
  await expect(page.locator("h1")).toContainText("404");
  await expect(page.getByRole("link", { name: "prisma() reference" })).toHaveAttribute("href", "/reference/");
  // The 404 response itself is reported by Chromium as a console error; nothing else may be.
  expect(errors.filter((error) => !error.includes("404 (Not Found)"))).toEqual([]);
});
