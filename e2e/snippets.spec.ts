import { expect, test } from "@playwright/test";
import { expectedPaths, repoFile } from "./site.ts";

/** Expressive Code stores the copy text with newlines as U+007F. */
const copyText = (dataCode: string): string => dataCode.replaceAll("\u007f", "\n");

for (const path of expectedPaths) {
  test(`every snippet on ${path} shows and copies exactly its source file`, async ({ page }) => {
    await page.goto(path);
    const snippets = await page.locator("[data-source]").evaluateAll((elements) =>
      elements.map((element) => ({
        source: element.getAttribute("data-source") ?? "",
        line: element.getAttribute("data-line"),
        copy: element.querySelector("button[data-code]")?.getAttribute("data-code") ?? null,
        shown: [...element.querySelectorAll(".ec-line")].map((line) => (line.textContent ?? "").replace(/\n$/, "")).join("\n"),
      })),
    );
    for (const snippet of snippets) {
      const file = repoFile(snippet.source);
      expect(snippet.copy, `copy button of ${snippet.source}`).not.toBeNull();
      if (snippet.line === null) {
        expect(copyText(snippet.copy!), `copy text of ${snippet.source}`).toBe(file);
        expect(`${snippet.shown}\n`, `displayed text of ${snippet.source}`).toBe(file);
      } else {
        // A quoted line: the first line of the file containing the given text, unindented.
        const quoted = file.split("\n").find((candidate) => candidate.includes(snippet.line!))?.trim();
        expect(quoted, `${snippet.source} still has a line with "${snippet.line}"`).toBeDefined();
        expect(copyText(snippet.copy!), `copy text of a line of ${snippet.source}`).toBe(quoted);
        expect(snippet.shown, `displayed line of ${snippet.source}`).toBe(quoted);
      }
    }
  });
}

test("the pages show every schema and example file, so none goes unchecked", async ({ page }) => {
  const shown = new Set<string>();
  for (const path of expectedPaths) {
    await page.goto(path);
    for (const source of await page.locator("[data-source]").evaluateAll((elements) => elements.map((element) => element.getAttribute("data-source")))) {
      if (source) shown.add(source);
    }
  }
  for (const database of ["sqlite", "postgresql", "mysql"]) {
    expect(shown).toContain(`packages/adapter-prisma/schemas/reference.${database}.prisma`);
    expect(shown).toContain(`packages/adapter-prisma/schemas/renamed.${database}.prisma`);
  }
  expect([...shown].filter((source) => source.startsWith("examples/")).length).toBeGreaterThanOrEqual(10);
});

test("the copy button puts the exact schema on the clipboard", async ({ page, context, browserName }) => {
  test.skip(browserName !== "chromium", "clipboard permissions are granted the Chromium way");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/reference/");
  const schemas = page.locator(".sl-heading-wrapper:has(#prisma-schema) ~ starlight-tabs").first();
  for (const [tab, database] of [["SQLite", "sqlite"], ["PostgreSQL", "postgresql"], ["MySQL / MariaDB", "mysql"]] as const) {
    await schemas.getByRole("tab", { name: tab }).click();
    const snippet = schemas.locator(`[data-source="packages/adapter-prisma/schemas/reference.${database}.prisma"]`);
    await expect(snippet).toBeVisible();
    await snippet.hover();
    await snippet.getByRole("button", { name: "Copy to clipboard" }).click();
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toBe(repoFile(`packages/adapter-prisma/schemas/reference.${database}.prisma`));
  }
});

test("Open in playground links point at the playground with the snippet's own source", async ({ page }) => {
  await page.goto("/reference/");
  const links = page.locator("[data-playground-link]");
  expect(await links.count()).toBeGreaterThan(0);
  for (const link of await links.all()) {
    const source = await link.evaluate((anchor) => anchor.closest("[data-source]")?.getAttribute("data-source"));
    expect(await link.getAttribute("href")).toBe(`/playground/?example=${encodeURIComponent(source ?? "")}`);
  }
});
