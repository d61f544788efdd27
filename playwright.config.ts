import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "@internal/test-kit/chromium";

const port = Number(process.env["E2E_PORT"] ?? 4391);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * End-to-end tests of the documentation site: `astro build`, then `astro preview`
 * serves dist/ and the tests drive Chromium against it.
 */
export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  snapshotPathTemplate: "{testDir}/__screenshots__/{testFilePath}/{arg}{ext}",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env["CI"]),
  retries: 0,
  timeout: 30_000,
  expect: {
    toHaveScreenshot: { animations: "disabled", caret: "hide", maxDiffPixelRatio: 0.002 },
  },
  use: {
    baseURL,
    ...devices["Desktop Chrome"],
    viewport: { width: 1280, height: 800 },
    colorScheme: "light",
    reducedMotion: "reduce",
    locale: "en-US",
    timezoneId: "UTC",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: "chromium" }],
  webServer: {
    command: `npx astro build && npx astro preview --host 127.0.0.1 --port ${port}`,
    url: baseURL,
    timeout: 420_000,
    // Always a fresh build, so the tests see the current content; set E2E_REUSE_SERVER=1
    // to test a preview server you already started on the same port.
    reuseExistingServer: process.env["E2E_REUSE_SERVER"] === "1",
    stdout: "ignore",
    stderr: "pipe",
  },
});
