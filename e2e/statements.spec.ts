import { expect, test } from "@playwright/test";
import { repoFile } from "./site.ts";

type Captured = Record<string, Record<string, { sql: string; args: unknown[] }[]>>;

const labels: Record<string, string> = { sqlite: "SQLite", postgresql: "PostgreSQL", mysql: "MySQL / MariaDB" };

test("the SQL on the database page is exactly the recorded SQL, for every operation and database", async ({ page }) => {
  const captured = JSON.parse(repoFile("content/data/statements.json")) as Captured;
  await page.goto("/queries/");
  const operations = await page.locator("h2").evaluateAll((headings) => headings.map((heading) => heading.textContent?.trim() ?? ""));
  for (const [database, byOperation] of Object.entries(captured)) {
    expect(Object.keys(labels)).toContain(database);
    for (const operation of Object.keys(byOperation)) {
      expect(operations, `the page has a section for ${operation}`).toContain(operation);
    }
    for (const operation of operations.filter((name) => name !== "On this page")) {
      const list = page.locator(`ol.statements[data-operation="${operation}"][data-database="${database}"]`);
      const expected = byOperation[operation] ?? [];
      if (expected.length === 0) {
        await expect(list).toHaveCount(0);
        continue;
      }
      const shown = await list.locator(":scope > li").evaluateAll((items) =>
        items.map((item) => item.querySelector("button[data-code]")?.getAttribute("data-code")?.replaceAll("\u007f", "\n") ?? ""),
      );
      expect(shown, `${database} / ${operation}`).toEqual(expected.map((statement) => statement.sql.split("\n").map((line) => line.trimEnd()).join("\n").trim()));
    }
  }
});
