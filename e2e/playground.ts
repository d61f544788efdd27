/** Shared by the playground's end-to-end tests: permalinks, running, reading the panes. */
import AxeBuilder from "@axe-core/playwright";
import { expect, type BrowserContext, type Locator, type Page } from "@playwright/test";
import type { DatabaseChoice } from "../src/playground/database.ts";
import { presetFiles } from "../src/playground/presets.ts";
import { encodeState } from "../src/playground/engine/url-state.ts";
import { repoFile } from "./site.ts";

export interface PresetText {
  id: string;
  title: string;
  schema: string;
  code: string;
  database: DatabaseChoice;
}

export const presets: PresetText[] = presetFiles.map((preset) => ({
  id: preset.id,
  title: preset.title,
  schema: repoFile(preset.schemaFile),
  code: repoFile(preset.codeFile),
  database: preset.database ?? "sqlite",
}));

export const defaultPreset = presets[0]!;

/** The playground's URL for a state edited from a preset (the same encoding the page writes). */
export async function permalink(edit: { schema?: string; code?: string; database?: DatabaseChoice }, base: PresetText = defaultPreset): Promise<string> {
  const state = { base: base.id, schema: edit.schema ?? base.schema, code: edit.code ?? base.code, database: edit.database ?? base.database };
  return `/playground/${await encodeState(state, base)}`;
}

/** Opens the playground and waits until Run is usable. */
export async function openPlayground(page: Page, path = "/playground/"): Promise<void> {
  await page.goto(path);
  await expect(page.locator("#playground[data-ready]")).toBeAttached({ timeout: 20_000 });
}

/**
 * Opens the playground, waits until it has everything it needs in the browser (PostgreSQL's files
 * and spare runner too, with `postgresql`), then takes the browser offline.
 */
export async function openThenGoOffline(page: Page, context: BrowserContext, path = "/playground/", { postgresql = false } = {}): Promise<void> {
  await openPlayground(page, path);
  await waitForEditors(page);
  // The schema tools, TypeScript and the spare runners load in the background; the page marks when they are in.
  const complete = postgresql ? '#playground[data-complete][data-postgresql-complete][data-postgresql="ready"]' : "#playground[data-complete]";
  await expect(page.locator(complete)).toBeAttached({ timeout: 60_000 });
  await context.setOffline(true);
}

/** Waits until PostgreSQL has started in the page's runner (it loads and starts in each new page: seconds). */
export async function postgresqlReady(page: Page): Promise<void> {
  await expect(page.locator('#playground[data-postgresql="ready"]')).toBeAttached({ timeout: 60_000 });
}

/** Waits until Monaco has taken the previews' place (by itself once the page is idle, on a desktop). */
export async function waitForEditors(page: Page): Promise<void> {
  await expect(page.locator("#pg-schema-editor .monaco-editor")).toBeAttached({ timeout: 20_000 });
  await expect(page.locator("#pg-code-editor .monaco-editor")).toBeAttached();
}

/** Presses Run and waits for that run to end; returns how it ended. */
export async function run(page: Page, trigger: () => Promise<void> = () => page.getByRole("button", { name: "Run", exact: true }).click()): Promise<string> {
  const before = Number((await page.locator("#playground").getAttribute("data-runs")) ?? "0");
  await trigger();
  const playground = page.locator(`#playground[data-runs="${before + 1}"]`);
  // A run on PostgreSQL first waits for it to load and start (seconds on a busy machine).
  await expect(playground).toBeAttached({ timeout: 60_000 });
  return (await playground.getAttribute("data-outcome")) ?? "";
}

export const queries = (page: Page): Locator => page.getByRole("region", { name: "Queries" }).getByRole("listitem");
/** The statements one database ran, in its column of the Queries region. */
export const queriesOn = (page: Page, database: "SQLite (sql.js)" | "PostgreSQL (PGlite)"): Locator =>
  page.getByRole("region", { name: "Queries" }).getByRole("list", { name: database }).getByRole("listitem");
export const output = (page: Page): Locator => page.getByRole("region", { name: "Output" });
export const tables = (page: Page): Locator => page.getByRole("region", { name: "Tables" });

/** Replaces an editor's whole text the way a reader would: select all, then paste. */
export async function replaceEditorText(page: Page, name: "Prisma schema" | "Code", text: string): Promise<void> {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.getByRole("textbox", { name }).focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
}

/** axe's serious and critical violations inside the playground, one line per element. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include("#playground").analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  return serious.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}: ${node.failureSummary ?? ""}`));
}
