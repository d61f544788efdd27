/**
 * `npm run budgets`: builds the site, serves it with `astro preview`, loads the reference page in
 * Chromium and prints the figures the docs issue budgets, each with its limit:
 *   - gzipped JavaScript of the reference page  ≤ 60 KB
 *   - cumulative layout shift                    = 0 (reported as measured)
 *   - load time on localhost (median of cold loads) < 1 s
 *   - duration of the whole `astro build`        < 2 min
 * Figures, not a test: exits non-zero only when a budget is exceeded.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { chromiumLaunchOptions } from "@internal/test-kit/chromium";

const root = fileURLToPath(new URL("..", import.meta.url));
const astro = `${root}node_modules/astro/astro.js`;
const page = "/reference/";
const coldLoads = 5;

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, ...args], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`astro ${args.join(" ")} exited with ${code}`))));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function startPreview(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [astro, "preview", "--host", "127.0.0.1", "--port", String(port)], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes(`127.0.0.1:${port}`)) resolve();
    });
    child.on("exit", (code) => reject(new Error(`astro preview exited with ${code}`)));
  });
  return child;
}

interface PageFigures {
  scriptFiles: number;
  externalGzip: number;
  inlineGzip: number;
  layoutShift: number;
  loadMs: number;
}

async function measure(browser: Browser, url: string): Promise<PageFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  const scripts: Promise<Buffer>[] = [];
  tab.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.body());
  });
  await tab.addInitScript(() => {
    const shifts = { total: 0 };
    (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) shifts.total += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await tab.goto(url, { waitUntil: "networkidle" });
  const { loadMs, layoutShift, inline } = await tab.evaluate(() => {
    const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    return {
      loadMs: navigation ? navigation.loadEventEnd - navigation.startTime : Number.NaN,
      layoutShift: (window as unknown as { __shifts: { total: number } }).__shifts.total,
      inline: [...document.querySelectorAll("script:not([src])")]
        .filter((script) => !script.getAttribute("type") || script.getAttribute("type") === "module")
        .map((script) => script.textContent ?? ""),
    };
  });
  const bodies = await Promise.all(scripts);
  await context.close();
  return {
    scriptFiles: bodies.length,
    externalGzip: bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0),
    inlineGzip: inline.reduce((sum, text) => sum + gzipSync(text, { level: 9 }).length, 0),
    layoutShift,
    loadMs,
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const buildStart = performance.now();
await run(["build"]);
const buildSeconds = (performance.now() - buildStart) / 1000;

const port = await freePort();
const preview = await startPreview(port);
const browser = await chromium.launch(chromiumLaunchOptions);
const runs: PageFigures[] = [];
try {
  for (let i = 0; i < coldLoads; i += 1) runs.push(await measure(browser, `http://127.0.0.1:${port}${page}`));
} finally {
  await browser.close();
  preview.kill();
}

const first = runs[0]!;
const jsKb = (first.externalGzip + first.inlineGzip) / 1024;
const loadMs = median(runs.map((figures) => figures.loadMs));
const shift = Math.max(...runs.map((figures) => figures.layoutShift));
const rows: [string, string, string, boolean][] = [
  [`gzipped JS on ${page}`, `${jsKb.toFixed(1)} KB (${first.scriptFiles} files ${(first.externalGzip / 1024).toFixed(1)} KB + inline ${(first.inlineGzip / 1024).toFixed(1)} KB)`, "≤ 60 KB", jsKb <= 60],
  ["cumulative layout shift", `${shift.toFixed(4)} (worst of ${runs.length} loads)`, "0", shift === 0],
  ["load time, localhost", `${loadMs.toFixed(0)} ms (median of ${runs.length} cold loads: ${runs.map((figures) => figures.loadMs.toFixed(0)).join(", ")})`, "< 1000 ms", loadMs < 1000],
  ["astro build", `${buildSeconds.toFixed(1)} s`, "< 120 s", buildSeconds < 120],
];
for (const [name, value, limit, ok] of rows) {
  console.log(`${ok ? "ok  " : "OVER"}  ${name.padEnd(26)} ${value}   (budget ${limit})`);
}
process.exitCode = rows.every(([, , , ok]) => ok) ? 0 : 1;
