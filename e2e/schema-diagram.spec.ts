/**
 * The schema diagram in the playground: closed until opened, then the preset's models with their
 * Lucia roles and the userRelationKey on SQLite and PostgreSQL, redrawn as the schema is edited,
 * marked out of date while Prisma rejects it, and accessible in both themes.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { openPlayground, postgresqlReady, presets, replaceEditorText, seriousViolations, waitForEditors, type PresetText } from "./playground.ts";
import { chooseTheme, watchForErrors } from "./site.ts";

let errors: string[];
test.beforeEach(({ page }) => {
  errors = watchForErrors(page);
});
test.afterEach(() => {
  expect(errors).toEqual([]);
});

const figure = (page: Page): Locator => page.locator("#pg-diagram-figure");
const diagram = (page: Page): Locator => figure(page).getByRole("img");
const box = (page: Page, model: string): Locator => figure(page).locator(`.pg-diagram-box[data-model="${model}"]`);

async function openDiagram(page: Page): Promise<void> {
  await page.getByText("Diagram", { exact: true }).click();
  await expect(diagram(page)).toBeVisible();
}

/** The models each preset gives Lucia, and the session's relation to the user. */
function luciaModelsOf(preset: PresetText): { user: string; session: string; key: string; relation: string } {
  return preset.id === "custom-model-names"
    ? { user: "AuthUser", session: "AuthSession", key: "AuthKey", relation: "owner" }
    : { user: "User", session: "Session", key: "Key", relation: "user" };
}

async function expectPresetDrawn(page: Page, preset: PresetText, database: "sqlite" | "postgresql"): Promise<void> {
  const lucia = luciaModelsOf(preset);
  await expect(figure(page), `${preset.id} on ${database}`).toHaveAttribute("data-database", database);
  const models = [...preset.schema.matchAll(/^model (\w+) \{/gm)].map((match) => match[1]!);
  await expect(figure(page).locator(".pg-diagram-box")).toHaveCount(models.length);
  for (const model of models) await expect(box(page, model).locator(".pg-diagram-model")).toHaveText(model);
  for (const role of ["user", "session", "key"] as const) await expect(box(page, lucia[role]).locator(".pg-diagram-role"), preset.id).toHaveText(role);
  const label = `userRelationKey: "${lucia.relation}"`;
  await expect(figure(page).locator(`.pg-diagram-user-relation[data-from="${lucia.session}"][data-field="${lucia.relation}"][data-to="${lucia.user}"]`)).toHaveCount(1);
  await expect(figure(page).locator(".pg-diagram-label")).toHaveText(label);
  await expect(diagram(page)).toHaveAccessibleName(
    new RegExp(`^${models.length} models: .*${lucia.session} \\(session\\).*; relations: .*${lucia.session}\\.${lucia.relation} → ${lucia.user} \\(userRelationKey\\)`),
  );
}

test("the diagram is closed until opened, and loads nothing before that", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  await openPlayground(page);
  await expect(page.locator("#pg-diagram")).not.toHaveAttribute("open");
  await expect(figure(page)).toBeHidden();
  expect(requested.filter((url) => url.includes("diagram"))).toEqual([]);
  await openDiagram(page);
  expect(requested.some((url) => url.includes("diagram"))).toBe(true);
});

test("every preset, on SQLite and on PostgreSQL: its models, their roles and the userRelationKey", async ({ page }) => {
  // PostgreSQL loads in the background once chosen; the diagram does not wait for it.
  test.setTimeout(120_000);
  await openPlayground(page);
  await openDiagram(page);
  for (const preset of presets) {
    await page.getByLabel("Preset").selectOption(preset.id);
    await page.getByLabel("Database").selectOption("sqlite");
    await expectPresetDrawn(page, preset, "sqlite");
    await page.getByLabel("Database").selectOption("postgresql");
    await expectPresetDrawn(page, preset, "postgresql");
  }
  // Let PostgreSQL finish starting, so no request is cut off when the page closes.
  await postgresqlReady(page);
});

test("an edit redraws it; a schema Prisma rejects leaves the last diagram, marked out of date", async ({ page }) => {
  test.setTimeout(90_000);
  await openPlayground(page);
  await waitForEditors(page);
  await openDiagram(page);
  await expect(box(page, "Key").locator(".pg-diagram-role")).toHaveText("key");
  const schema = presets[0]!.schema;

  const renamed = schema.replace("model Key {", "model Credential {").replace("Key[]", "Credential[]").replace("id           String    @id @unique", "id           String    @id @unique\n  nickname     String?");
  await replaceEditorText(page, "Prisma schema", renamed);
  await expect(box(page, "Credential").locator(".pg-diagram-role")).toHaveText("key", { timeout: 30_000 });
  await expect(box(page, "Key")).toHaveCount(0);
  await expect(box(page, "User")).toContainText("nicknameString?");
  await expect(box(page, "User")).toContainText("auth_keyCredential[]");
  await expect(diagram(page)).toHaveAccessibleName(/Credential \(key\).*Credential\.user → User/);
  await expect(page.locator("#pg-diagram-status")).not.toContainText("Out of date");

  await replaceEditorText(page, "Prisma schema", `${renamed}\nmodel Broken {\n  id Nothing\n}\n`);
  await expect(page.locator("#pg-diagram-status")).toContainText("Out of date", { timeout: 30_000 });
  await expect(figure(page)).toHaveAttribute("data-stale");
  await expect(box(page, "Credential")).toBeVisible();
});

for (const theme of ["light", "dark"] as const) {
  test(`axe finds no serious violations with the diagram open (${theme})`, async ({ page }) => {
    await openPlayground(page, "/playground/#p=custom-model-names");
    await chooseTheme(page, theme);
    await openDiagram(page);
    await expect(box(page, "AuthUser")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
