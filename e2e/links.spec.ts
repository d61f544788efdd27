import { expect, test } from "@playwright/test";
import { presetFiles } from "../src/playground/presets.ts";
import { expectedPaths } from "./site.ts";

test("every internal link and fragment on every page resolves", async ({ page, request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  /** target path → fragments linked to on it */
  const targets = new Map<string, Set<string>>();
  for (const path of expectedPaths) {
    await page.goto(path);
    const hrefs = await page.locator("a[href]").evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin) continue;
      const fragments = targets.get(url.pathname) ?? new Set<string>();
      if (url.hash.length > 1) fragments.add(decodeURIComponent(url.hash.slice(1)));
      targets.set(url.pathname, fragments);
    }
  }
  expect(targets.size).toBeGreaterThanOrEqual(expectedPaths.length);

  const broken: string[] = [];
  for (const [path, fragments] of targets) {
    const response = await request.get(path);
    if (response.status() !== 200) {
      broken.push(`${path} → HTTP ${response.status()}`);
      continue;
    }
    if (fragments.size === 0 || !(response.headers()["content-type"] ?? "").includes("text/html")) continue;
    const html = await response.text();
    for (const fragment of fragments) {
      if (fragment === "_top") continue; // Starlight's "back to top" link
      // The playground's hash is its state: `p=` names a preset.
      const preset = /^p=([\w-]+)$/.exec(fragment)?.[1];
      if (path.endsWith("/playground/") && preset !== undefined) {
        if (!presetFiles.some((candidate) => candidate.id === preset)) broken.push(`${path}#${fragment} → no preset "${preset}"`);
        continue;
      }
      if (!html.includes(`id="${fragment}"`)) broken.push(`${path}#${fragment} → no element with that id`);
    }
  }
  expect(broken).toEqual([]);
});

test("no two headings on a page share a title, so every anchor says where it goes", async ({ page }) => {
  const duplicates: string[] = [];
  for (const path of expectedPaths) {
    await page.goto(path);
    const titles = await page.locator(".sl-markdown-content :is(h2, h3, h4)").allTextContents();
    const seen = new Set<string>();
    for (const title of titles.map((text) => text.trim())) {
      if (seen.has(title)) duplicates.push(`${path}: "${title}"`);
      seen.add(title);
    }
  }
  expect(duplicates).toEqual([]);
});
