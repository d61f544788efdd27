import { expect, test } from "@playwright/test";
import { expectedPaths } from "./site.ts";

// Starlight puts both sidebars before <main>; a paint while the HTML was still streaming laid
// them out without the main column and then moved them (CLS up to 0.42 on some cold loads of
// the reference page). The head now holds rendering until the page title (#_top) is parsed.

for (const path of expectedPaths) {
  test(`${path} holds its first paint until the element its render-blocking link expects`, async ({ page }) => {
    await page.goto(path);
    const expected = await page.locator('link[rel="expect"][blocking="render"]').getAttribute("href");
    expect(expected).toBe("#_top");
    await expect(page.locator("#_top")).toHaveCount(1);
  });
}

test("the reference page loads without any layout shift, on every one of 12 cold loads", async ({ browser }) => {
  // Each cold load waits for the network to be idle for 500 ms: 12 of them outlast the default
  // 30 s on a busy machine.
  test.setTimeout(120_000);
  const shifts: number[] = [];
  for (let load = 0; load < 12; load += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const record = { total: 0 };
      Object.assign(window, { __layoutShift: record });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) record.total += entry.value;
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto("/reference/", { waitUntil: "networkidle" });
    shifts.push(await page.evaluate(() => (window as unknown as { __layoutShift: { total: number } }).__layoutShift.total));
    await context.close();
  }
  expect(shifts).toEqual(shifts.map(() => 0));
});
