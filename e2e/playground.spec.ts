/** The playground in Chromium: presets, edits, errors, runaway code, isolation, permalinks, phones. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { decodeState } from "../src/playground/engine/url-state.ts";
import { defaultPreset, openPlayground, openThenGoOffline, seriousViolations, output, permalink, presets, queries, replaceEditorText, run, tables, waitForEditors } from "./playground.ts";
import { chooseTheme, sitePaths, watchForErrors } from "./site.ts";

const preset = (id: string) => presets.find((candidate) => candidate.id === id)!;
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((line) => line.includes(needle)) + 1;

let errors: string[];
test.beforeEach(({ page }) => {
  errors = watchForErrors(page);
});
test.afterEach(() => {
  expect(errors).toEqual([]);
});

test.describe("presets", () => {
  test("default mode: sign-up, session, one adapter call per validation, sign-out", async ({ page }) => {
    await openPlayground(page);
    expect(await run(page)).toBe("done");
    await expect(output(page)).toContainText("after sign-out: AUTH_INVALID_SESSION_ID");
    const validations = queries(page).filter({ hasText: "validateSession → getSessionAndUser" });
    // SQLite: the session and its user in one Prisma call, two SELECTs; after sign-out the
    // session is not found, so the second validation stops after one.
    await expect(validations.filter({ hasText: "SELECT" })).toHaveCount(3);
    await expect(queries(page).first()).toContainText("createUser → setUser");
    await expect(queries(page).first()).toContainText("BEGIN");
    await expect(tables(page).getByRole("table")).toHaveCount(3);
    await expect(tables(page)).toContainText("github:1234");
  });

  test("custom model names: the SQL names the mapped tables", async ({ page }) => {
    await openPlayground(page, "/playground/#p=custom-model-names");
    expect(await run(page)).toBe("done");
    await expect(queries(page).filter({ hasText: "`user_session`" }).first()).toBeVisible();
    await expect(queries(page).filter({ hasText: "`auth_user`" }).first()).toBeVisible();
    await expect(output(page)).toContainText("username: 'ann'");
  });

  test("attributes: written, read back and updated", async ({ page }) => {
    await openPlayground(page, "/playground/#p=attributes");
    expect(await run(page)).toBe("done");
    await expect(output(page)).toContainText("ann <ann@example.com> from NZ");
    await expect(output(page)).toContainText("ann@example.org");
    await expect(queries(page).filter({ hasText: "updateUserAttributes → updateUser" })).toHaveCount(1);
  });

  test("the 3.0.x call form runs, with one adapter call per validation", async ({ page }) => {
    await openPlayground(page, "/playground/#p=call-form-3x");
    expect(await run(page)).toBe("done");
    await expect(queries(page).filter({ hasText: "validateSession → getSessionAndUser" })).toHaveCount(2);
    await expect(output(page)).toContainText("state: 'active'");
  });

  test("a duplicate sign-up is AUTH_DUPLICATE_KEY_ID and leaves no user behind", async ({ page }) => {
    await openPlayground(page, "/playground/#p=duplicate-key");
    expect(await run(page)).toBe("done");
    await expect(output(page)).toContainText('"ann" is taken');
    await expect(output(page)).toContainText("users: 1");
    await expect(queries(page).filter({ hasText: "UniqueConstraintViolation" })).toHaveCount(1);
    await expect(queries(page).filter({ hasText: "ROLLBACK" })).toHaveCount(1);
    await expect(tables(page).getByRole("table", { name: /^User/ }).getByRole("row")).toHaveCount(2);
  });

  test("a wrong model name fails at start-up, naming it, at the line that called prisma()", async ({ page }) => {
    const wrong = preset("wrong-model-name");
    await openPlayground(page, "/playground/#p=wrong-model-name");
    expect(await run(page)).toBe("done");
    await expect(output(page)).toContainText("PrismaAdapterConfigurationError");
    await expect(output(page)).toContainText('"users"');
    await expect(output(page).getByRole("button", { name: `Show line ${lineOf(wrong.code, "adapter: prisma({")} in the Code editor` })).toBeVisible();
    await expect(queries(page)).toHaveCount(0);
  });
});

test("renamed models and edited modelNames and userRelationKey run against the renamed tables", async ({ page }) => {
  const schema = defaultPreset.schema
    .replace("model Session {", "model LoginSession {")
    .replace("auth_session Session[]", "auth_session LoginSession[]")
    // The session's relation (the key's comes later, spaced differently).
    .replace("  user           User   @relation", "  account        User   @relation")
    .replace("  @@index([user_id])\n}\n\nmodel Key", '  @@index([user_id])\n  @@map("login_sessions")\n}\n\nmodel Key');
  expect(schema).toContain('@@map("login_sessions")');
  expect(schema).toContain("account        User");
  const code = defaultPreset.code.replace(
    'prisma({ client, mode: "default" })',
    'prisma({ client, modelNames: { user: "user", session: "loginSession", key: "key" }, userRelationKey: "account" })',
  );
  await openPlayground(page, await permalink({ schema, code }));
  expect(await run(page)).toBe("done");
  await expect(queries(page).filter({ hasText: "`login_sessions`" }).first()).toBeVisible();
  await expect(output(page)).toContainText("after sign-out: AUTH_INVALID_SESSION_ID");
  await expect(tables(page).getByRole("table", { name: /^login_sessions/ })).toBeVisible();
});

test("a schema that does not validate shows Prisma's report at its line, and nothing runs", async ({ page }) => {
  const schema = defaultPreset.schema.replace("id           String    @id @unique", "id           Strin     @id @unique");
  const line = lineOf(schema, "Strin ");
  await openPlayground(page, await permalink({ schema }));
  expect(await run(page)).toBe("rejected");
  await expect(output(page)).toContainText(`schema.prisma:${line}`);
  await expect(output(page)).toContainText('Type "Strin" is neither a built-in type');
  await expect(queries(page)).toHaveCount(0);
  await waitForEditors(page);
  await expect(page.locator("#pg-schema-editor .squiggly-error").first()).toBeVisible({ timeout: 15_000 });
});

// Runaway code (loops that never wait, endless promise chains, loops over timers) is covered by
// playground-sandbox.spec.ts.

test.describe("isolation", () => {
  test("a fetch to another origin fails in Output and never leaves the browser", async ({ page }) => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      response.writeHead(200, { "access-control-allow-origin": "*" }).end("secret");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await openPlayground(page, await permalink({ code: `const response = await fetch("http://127.0.0.1:${port}/steal");\nconsole.log(await response.text());\n` }));
      expect(await run(page)).toBe("done");
      await expect(output(page)).toContainText("TypeError: Failed to fetch");
      expect(requests).toBe(0);
      // The browser reports the refused connection on the console: that is the policy working.
      errors = errors.filter((error) => !error.includes("violates the following Content Security Policy directive: \"connect-src 'self'\""));
    } finally {
      server.close();
    }
  });

  test("user code has no page to touch and cannot evaluate strings", async ({ page }) => {
    await openPlayground(page, await permalink({ code: 'console.log(typeof document, typeof window);\nconsole.log(eval("1 + 1"));\n' }));
    expect(await run(page)).toBe("done");
    await expect(output(page)).toContainText("undefined undefined");
    await expect(output(page)).toContainText("EvalError");
    errors = errors.filter((error) => !error.includes("unsafe-eval"));
  });

  test("the page's policy allows no eval and no other origin", async ({ request }) => {
    const html = await (await request.get("/playground/")).text();
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain("'unsafe-eval'");
  });
});

test("once loaded, the playground works offline: an edited schema compiles and runs", async ({ page, context }) => {
  await openThenGoOffline(page, context);
  const schema = defaultPreset.schema.replace("model Key {", "model Key {\n  created_at      DateTime @default(now())");
  await replaceEditorText(page, "Prisma schema", schema);
  expect(await run(page)).toBe("done");
  await expect(output(page)).toContainText("after sign-out");
  await expect(tables(page).getByRole("table", { name: /^Key/ })).toContainText("created_at");
  await context.setOffline(false);
  // The browser asks for the site's icon again on its own; that is not the playground.
  errors = errors.filter((error) => !error.includes("/favicon.svg"));
});

test("offline, a runaway run is stopped and the next Run works (every worker is made from what the page holds)", async ({ page, context }) => {
  await openThenGoOffline(page, context);
  await replaceEditorText(page, "Code", 'console.log("looping");\nwhile (true) {}\n');
  expect(await run(page)).toBe("unresponsive");
  await replaceEditorText(page, "Code", defaultPreset.code);
  expect(await run(page)).toBe("done");
  await expect(output(page)).toContainText("after sign-out");
  await context.setOffline(false);
  errors = errors.filter((error) => !error.includes("/favicon.svg"));
});

test("offline, runaway runs one after another are each stopped, and the next Run still works", async ({ page, context }) => {
  test.setTimeout(90_000);
  await openThenGoOffline(page, context);
  await replaceEditorText(page, "Code", "while (true) {}\n");
  for (let attempt = 0; attempt < 3; attempt++) expect(await run(page)).toBe("unresponsive");
  await replaceEditorText(page, "Code", defaultPreset.code);
  expect(await run(page)).toBe("done");
  await expect(output(page)).toContainText("after sign-out");
  await context.setOffline(false);
  errors = errors.filter((error) => !error.includes("/favicon.svg"));
});

test.describe("the URL is the state", () => {
  test("an edit reaches the address bar, and that link restores and runs it in a new page", async ({ page, context }) => {
    await openPlayground(page);
    await waitForEditors(page);
    const code = `${defaultPreset.code}console.log("shared edit ✓");\n`;
    await replaceEditorText(page, "Code", code);
    await expect(page).toHaveURL(/#p=default&z=/);
    const link = page.url();
    const restored = await decodeState(new URL(link), () => defaultPreset);
    expect(restored?.code).toBe(code);

    const other = await context.newPage();
    const otherErrors = watchForErrors(other);
    await openPlayground(other, link);
    expect(await run(other)).toBe("done");
    await expect(output(other)).toContainText("shared edit ✓");
    expect(otherErrors).toEqual([]);
  });

  test("the default preset's permalink is short; Reset returns to the preset; Share copies the link", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await openPlayground(page, await permalink({ code: "console.log(1);\n" }));
    await waitForEditors(page);
    await page.getByRole("button", { name: "Reset" }).click();
    await expect(page).toHaveURL(/\/playground\/#p=default$/);
    await page.getByRole("button", { name: "Share" }).click();
    await expect(page.getByRole("status")).toContainText("Link copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    expect(new URL(page.url()).hash).toBe("#p=default");
  });

  test("Format schema writes Prisma's formatting into the schema", async ({ page }) => {
    const schema = defaultPreset.schema.replace("  id           String    @id @unique", "id String @id @unique");
    await openPlayground(page, await permalink({ schema }));
    await waitForEditors(page);
    await page.getByRole("button", { name: "Format schema" }).click();
    await expect(async () => {
      const state = await decodeState(new URL(page.url()), () => defaultPreset);
      // Prisma aligns the columns of each group of lines; `id` is a group of its own.
      expect(state?.schema).toContain("model User {\n  id String @id @unique\n\n  auth_session Session[]\n");
    }).toPass({ timeout: 15_000 });
  });
});

test("every Open in playground link on the docs runs", async ({ page, request }) => {
  test.setTimeout(180_000);
  const hrefs = new Set<string>();
  for (const path of await sitePaths(request)) {
    await page.goto(path);
    for (const href of await page.locator("[data-playground-link]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""))) hrefs.add(href);
  }
  expect(hrefs.size).toBeGreaterThanOrEqual(5);
  // Leaving each playground while its background downloads are still going aborts them.
  const notAborted = () => errors.filter((error) => !error.endsWith("net::ERR_ABORTED"));
  for (const href of hrefs) {
    await openPlayground(page, href);
    expect(await run(page), href).toBe("done");
    await expect(output(page).locator('[data-level="error"]'), href).toHaveCount(0);
    expect(await queries(page).count(), href).toBeGreaterThan(0);
  }
  errors = notAborted();
});

test.describe("editors", () => {
  test("are named, follow the theme, and let keyboard users leave", async ({ page }) => {
    await openPlayground(page);
    await waitForEditors(page);
    await chooseTheme(page, "dark");
    await expect(page.locator("#pg-code-editor .monaco-editor")).toHaveClass(/vs-dark/);
    await chooseTheme(page, "light");
    await expect(page.locator("#pg-code-editor .monaco-editor")).not.toHaveClass(/vs-dark/);

    await page.getByRole("textbox", { name: "Code" }).focus();
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest(".monaco-editor") === null)).toBe(true);
  });

  test("Ctrl+Enter runs from the code editor", async ({ page }) => {
    await openPlayground(page);
    await waitForEditors(page);
    await page.getByRole("textbox", { name: "Code" }).focus();
    expect(await run(page, () => page.keyboard.press("Control+Enter"))).toBe("done");
  });

  test("modelNames complete from the schema, and follow it when it changes", async ({ page }) => {
    // TypeScript's service and Prisma's schema tools load in the background first.
    test.setTimeout(90_000);
    const renamed = preset("custom-model-names");
    const code = renamed.code.replace('user: "authUser"', 'user: ""');
    await openPlayground(page, await permalink({ code }, renamed));
    await waitForEditors(page);
    const completionsAt = async () => {
      const line = lineOf(code, 'user: ""');
      const column = code.split("\n")[line - 1]!.indexOf('""') + 1;
      await page.getByRole("textbox", { name: "Code" }).focus();
      await page.keyboard.press("ControlOrMeta+Home");
      for (let index = 1; index < line; index++) await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Home");
      await page.keyboard.press("Home");
      for (let index = 0; index < column; index++) await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Control+Space");
      const suggestions = page.locator("#pg-code-editor .suggest-widget .monaco-list-row");
      await expect(suggestions.first()).toBeVisible({ timeout: 20_000 });
      const labels = await suggestions.evaluateAll((rows) => rows.map((row) => row.getAttribute("aria-label") ?? ""));
      await page.keyboard.press("Escape");
      return labels.join(" ");
    };
    // Until TypeScript has loaded, Monaco offers the file's words; then the schema's delegates.
    await expect(async () => expect(await completionsAt()).toMatch(/authUser.*authSession|authSession.*authUser/s)).toPass({ timeout: 30_000 });
    expect(await completionsAt()).toContain("authKey");

    const schema = renamed.schema.replaceAll("AuthKey", "Credential");
    await replaceEditorText(page, "Prisma schema", schema);
    await expect(async () => expect(await completionsAt()).toContain("credential")).toPass({ timeout: 20_000 });
  });
});

test("on a phone, tabs switch between the editors and the results, and Run shows the results", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlayground(page);
  const tabs = page.getByRole("tablist", { name: "Playground panels" });
  await expect(tabs).toBeVisible();
  await expect(page.locator("#pg-schema-panel")).toBeVisible();
  await expect(page.locator("#pg-results-panel")).toBeHidden();
  expect(await run(page)).toBe("done");
  await expect(tabs.getByRole("tab", { name: "Results" })).toHaveAttribute("aria-selected", "true");
  await expect(queries(page).first()).toBeVisible();
  await tabs.getByRole("tab", { name: "Code" }).click();
  await expect(page.locator("#pg-code-panel")).toBeVisible();
  await expect(page.locator("#pg-schema-panel")).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test.describe("accessibility", () => {
  for (const theme of ["light", "dark"] as const) {
    test(`axe finds no serious violations after a run (${theme})`, async ({ page }) => {
      await openPlayground(page);
      await waitForEditors(page);
      await chooseTheme(page, theme);
      expect(await run(page)).toBe("done");
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
