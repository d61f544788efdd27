import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { APIRequestContext, Page } from "@playwright/test";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/** A file of this repository, as text. */
export function repoFile(path: string): string {
  return readFileSync(`${repoRoot}${path}`, "utf8");
}

/** Every page of the site, as paths ("/", "/reference/", …), read from the sitemap Astro wrote. */
export async function sitePaths(request: APIRequestContext): Promise<string[]> {
  const index = await (await request.get("/sitemap-index.xml")).text();
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  const paths: string[] = [];
  for (const sitemap of sitemaps) {
    const xml = await (await request.get(sitemap)).text();
    paths.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname));
  }
  return paths.sort();
}

/** The pages the site is expected to have; the sitemap must list exactly these. */
export const expectedPaths = [
  "/",
  "/check-schema/",
  "/errors/",
  "/guides/attributes/",
  "/guides/custom-model-names/",
  "/guides/migrating-from-3/",
  "/guides/prisma-7/",
  "/playground/",
  "/queries/",
  "/quick-start/",
  "/reference/",
  "/schema/",
  "/terms/",
];

/** Collects console errors and uncaught exceptions while a page is open. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  page.on("requestfailed", (request) => errors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ""}`));
  return errors;
}

/** Switches Starlight's theme through its own select, as a reader would. */
export async function chooseTheme(page: Page, theme: "light" | "dark" | "auto"): Promise<void> {
  await page.locator("starlight-theme-select select").first().selectOption(theme);
}

/**
 * Expressive Code makes a code block keyboard-focusable once it sees, in an idle callback after
 * layout, that the block scrolls sideways. Waits until every scrolling block has been handled.
 */
export async function waitForCodeBlocksToSettle(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll(".expressive-code pre")].every(
      (pre) => pre.scrollWidth <= pre.clientWidth || pre.getAttribute("tabindex") === "0",
    ),
  );
}
