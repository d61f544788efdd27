/**
 * The schema doctor in the playground: the Adapter note, the findings as markers with quick
 * fixes in the schema editor, the code's prisma() options checked, and the fitting call written
 * into the code by a code action or the note's button.
 */
import { expect, test, type Page } from "@playwright/test";
import { decodeState } from "../src/playground/engine/url-state.ts";
import { openPlayground, output, permalink, presets, run, waitForEditors } from "./playground.ts";
import { repoFile, watchForErrors } from "./site.ts";

const preset = (id: string) => presets.find((candidate) => candidate.id === id)!;
const note = (page: Page) => page.locator(".pg-adapter");
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const useInCode = (page: Page) => page.getByRole("button", { name: "Use in code" });

/** One of each kind of problem the quick fixes resolve (the example of the "Check your schema" page). */
const brokenSchema = repoFile("src/schema-doctor/example.prisma");

let errors: string[];
test.beforeEach(({ page }) => {
  errors = watchForErrors(page);
});
test.afterEach(() => {
  expect(errors).toEqual([]);
});

/**
 * Ctrl+. at the caret. Monaco answers with the action list or, when it had not computed the
 * actions yet, "No code actions available"; only then is the key pressed again (pressing it while
 * the list is still opening would close it).
 */
async function openQuickFix(page: Page): Promise<void> {
  const list = page.locator(".action-widget:not(.action-list-submenu-panel)");
  const none = page.locator(".monaco-editor-overlaymessage", { hasText: "No code actions" });
  await expect(async () => {
    if (!(await list.isVisible())) await page.keyboard.press("ControlOrMeta+.");
    await expect(list.or(none).first()).toBeVisible({ timeout: 5000 });
    if (await none.isVisible()) {
      await page.keyboard.press("Escape");
      throw new Error("Monaco had no code actions at the caret yet");
    }
    await expect(list.locator(".focused")).toBeVisible({ timeout: 5000 });
  }).toPass({ timeout: 20_000 });
}

/** The state the address bar holds (written shortly after an edit). */
const stateOf = (page: Page) => decodeState(new URL(page.url()), (base) => presets.find((candidate) => candidate.id === base));

test("an edit in the preview, before the editor loads, is checked too", async ({ page }) => {
  await openPlayground(page, "/playground/#p=custom-model-names");
  // Typing into the preview: the textarea Monaco has not replaced yet (it mounts on focus, but
  // the first keys land in the preview).
  await page.evaluate(() => {
    const area = document.querySelector<HTMLTextAreaElement>("#pg-schema-editor textarea")!;
    area.value = area.value.replace("hashed_password String?", "hashed_password String ");
    area.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await expect(note(page)).toContainText("Not usable by the adapter yet: 1 problem", { timeout: 20_000 });
});

test("the default preset fits default mode, before the editor or Prisma's tools load", async ({ page }) => {
  await openPlayground(page);
  await expect(note(page)).toHaveText(/Adapter\s+Fits prisma\(\{ client, mode: "default" \}\)\./);
  await expect(useInCode(page)).toBeHidden();
});

test("custom model names: the note gives the modelNames and userRelationKey the code passes", async ({ page }) => {
  await openPlayground(page, "/playground/#p=custom-model-names");
  await expect(note(page)).toContainText('Fits prisma({ client, modelNames: { user: "authUser", session: "authSession", key: "authKey" }, userRelationKey: "owner" })');
  await expect(note(page)).toContainText("notes in the schema");
  await expect(useInCode(page)).toBeHidden();
});

test.describe("a wrong model name", () => {
  test("shows both: the wrong name marked in the code, the call that fits in the note", async ({ page }) => {
    await openPlayground(page, "/playground/#p=wrong-model-name");
    await expect(note(page)).toContainText('Fits prisma({ client, mode: "default" })');
    await expect(useInCode(page)).toBeVisible();
    await waitForEditors(page);
    const marked = page.locator("#pg-code-editor .squiggly-error");
    await expect(marked).toHaveCount(1, { timeout: 15_000 });
    await page.getByRole("textbox", { name: "Code" }).focus();
    await page.keyboard.press("F8");
    await expect(page.locator(".marker-widget")).toContainText('modelNames.user is "users", but the Prisma client has no such model');
  });

  test("the code action writes the fitting call, and the run succeeds", async ({ page }) => {
    await openPlayground(page, "/playground/#p=wrong-model-name");
    await waitForEditors(page);
    await expect(page.locator("#pg-code-editor .squiggly-error")).toHaveCount(1, { timeout: 15_000 });
    const code = page.getByRole("textbox", { name: "Code" });
    await code.focus();
    // Onto the marked literal, then Quick Fix.
    await page.keyboard.press("F8");
    await page.keyboard.press("Escape");
    await openQuickFix(page);
    await expect(page.locator(".action-widget .focused")).toHaveText(/Pass the options that fit the schema/);
    await page.keyboard.press("Enter");
    await expect(page.locator("#pg-code-editor .squiggly-error")).toHaveCount(0);
    await expect(useInCode(page)).toBeHidden();
    expect(await run(page)).toBe("done");
    await expect(output(page)).toContainText("not reached");
    await expect.poll(async () => (await stateOf(page))?.code ?? "").toContain('prisma({ client, mode: "default" })');
  });

  test("Use in code does the same before the editor loads", async ({ page }) => {
    await openPlayground(page, "/playground/#p=wrong-model-name");
    await useInCode(page).click();
    await expect(useInCode(page)).toBeHidden();
    expect(await run(page)).toBe("done");
    await expect(output(page)).not.toContainText("PrismaAdapterConfigurationError");
    await expect.poll(async () => (await stateOf(page))?.code ?? "").toContain('prisma({ client, mode: "default" })');
  });
});

test("each finding's marker starts at the model or field it is about", async ({ page }) => {
  await openPlayground(page, await permalink({ schema: brokenSchema }));
  await waitForEditors(page);
  await expect(page.locator("#pg-schema-editor").locator(".squiggly-error, .squiggly-warning")).toHaveCount(5, { timeout: 15_000 });
  const schema = page.getByRole("textbox", { name: "Prisma schema" });
  const caret = "¤";
  const found: [string, string][] = [];
  for (let index = 0; index < 5; index++) {
    await schema.focus();
    await page.keyboard.press("ControlOrMeta+Home");
    // F8 with the widget open goes on to the next marker; index + 1 presses reach this one.
    for (let press = 0; press <= index; press++) {
      await page.keyboard.press("F8");
      await expect(page.locator(".marker-widget")).toBeVisible();
    }
    const message = (await page.locator(".marker-widget").innerText()).trim().split("\n")[0]!;
    await page.keyboard.press("Escape");
    // A character typed at the caret F8 left there shows, in the address bar's state, where the marker starts.
    await page.keyboard.type(caret);
    let marked = "";
    await expect
      .poll(async () => (marked = (await stateOf(page))?.schema.split("\n").find((line) => line.includes(caret)) ?? ""))
      .not.toBe("");
    found.push([message, marked.trim().replace(/\s+/g, " ")]);
    await page.keyboard.press("ControlOrMeta+Z");
    await expect.poll(async () => (await stateOf(page))?.schema ?? caret).not.toContain(caret);
  }
  // Monaco goes through errors first, then warnings, each in the order of the text.
  expect(found.map(([message, line]) => [message.split(" ").slice(0, 3).join(" "), line])).toEqual([
    ["Model Session lacks", "model ¤Session {"],
    ["Key.hashed_password is required,", "¤hashed_password String"],
    ["Session.active_expires is an", "¤active_expires Int"],
    ["Session.user has onDelete:", "¤user User @relation(references: [id], fields: [user_id])"],
    ["Model Key has", "¤user_id String"],
  ]);
});

test("applying every quick fix to a broken schema gives one that runs the default preset's flow", async ({ page }) => {
  // A dozen rounds of edit, check and re-check: slower than most tests on a busy machine.
  test.slow();
  await openPlayground(page, await permalink({ schema: brokenSchema }));
  await waitForEditors(page);
  await expect(note(page)).toContainText("Not usable by the adapter yet: 2 problems, 3 warnings", { timeout: 15_000 });
  // The adapter refuses it at start-up with the doctor's own words (for what a client's pruned
  // data model shows: the missing field, not the required hashed_password).
  await run(page);
  await expect(output(page)).toContainText('PrismaAdapterConfigurationError: Model Session lacks the field "idle_expires"');

  const schema = page.getByRole("textbox", { name: "Prisma schema" });
  const applied: string[] = [];
  for (let round = 0; round < 12; round++) {
    const remaining = page.locator("#pg-schema-editor").locator(".squiggly-error, .squiggly-warning");
    await schema.focus();
    await page.keyboard.press("ControlOrMeta+Home");
    // Go to the next problem: its message, then its quick fix. Monaco draws the markers a frame
    // after the report that set them, so a squiggle can outlive the last marker for a moment
    // (F8 then finds none): the squiggles are counted again on each try.
    let fixed = false;
    await expect(async () => {
      fixed = (await remaining.count()) === 0;
      if (fixed) return;
      await page.keyboard.press("F8");
      await expect(page.locator(".marker-widget")).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 10_000 });
    if (fixed) break;
    const message = (await page.locator(".marker-widget").innerText()).trim();
    await page.keyboard.press("Escape");
    expect(message).toContain("Quick fix:");
    const before = await note(page).innerText();
    await openQuickFix(page);
    applied.push((await page.locator(".action-widget .focused").innerText()).trim());
    await page.keyboard.press("Enter");
    // The note says "Not checked … yet" until the fixed schema's report is in.
    await expect(note(page)).not.toHaveText(new RegExp(`^(${escapeRegExp(before)}|.*Not checked for Lucia yet.*)$`), { timeout: 15_000 });
  }
  expect(applied.length).toBeGreaterThanOrEqual(5);
  await expect(note(page)).toContainText('Fits prisma({ client, mode: "default" })');
  expect(await run(page)).toBe("done");
  await expect(output(page)).toContainText("after sign-out: AUTH_INVALID_SESSION_ID");
});
