import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run"] });
for (let i = 0; i < 3; i++) {
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await context.addInitScript(() => { window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(`${Math.round(e.startTime)}+${Math.round(e.duration)}`); }).observe({ type: "longtask", buffered: true }); });
const page = await context.newPage();
await page.goto("http://127.0.0.1:4399/playground/");
await page.waitForSelector("#playground[data-ready]", { timeout: 30000 });
await page.waitForTimeout(3000);
console.log(await page.evaluate(() => performance.getEntriesByType("mark").map(m => `${m.name}=${Math.round(m.startTime)}`).join(" ") + " long: " + window.__long.join(" ")));
await context.close();
}
await browser.close();
