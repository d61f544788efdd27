import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run"] });
for (let i = 0; i < 3; i++) {
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const errors = [];
page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`); });
page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
await page.goto("http://127.0.0.1:4399/playground/");
await page.waitForSelector("#playground[data-ready]", { timeout: 30000 });
await page.click("#pg-run");
await page.waitForFunction(() => document.querySelector("#pg-status")?.textContent?.startsWith("Done"), null, { timeout: 20000 });
console.log(await page.evaluate(() => performance.getEntriesByType("mark").map(m => `${m.name}=${Math.round(m.startTime)}`).join(" ") + " | dcl=" + Math.round(performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd) + " | " + performance.getEntriesByType("resource").filter(r => r.transferSize > 100000 || r.name.includes("worker")).map(r => `${r.name.split("/").pop().slice(0,25)} ${Math.round(r.startTime)}-${Math.round(r.responseEnd)} ${Math.round(r.encodedBodySize/1000)}k`).join(", ")));
if (errors.length) console.log(errors.join("\n"));
await context.close();
}
await browser.close();
