/**
 * The playground's sandbox in Chromium: whatever one run's code leaves behind (timers, globals,
 * prototype patches, listeners, pending writes) never reaches a later run; floods of output cannot
 * freeze the page; a run is stopped when its code stops answering, after 30 s, or on Stop, and
 * never while it is slow but alive; a link cannot hang the tab; and the code can reach nothing
 * outside its worker.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { deflateRawSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { defaultPreset, openPlayground, output, permalink, queries, replaceEditorText, run, tables, waitForEditors } from "./playground.ts";
import { watchForErrors } from "./site.ts";

const header = 'import { PrismaClient } from "@prisma/client";\nconst client = new PrismaClient();\n';
/** Reader code that waits, so that anything an earlier run left running would have time to show up. */
const waitThen = (ms: number, then: string) => `await new Promise((resolve) => setTimeout(resolve, ${ms}));\n${then}\n`;

let errors: string[];
test.beforeEach(({ page }) => {
  errors = watchForErrors(page);
});
test.afterEach(() => {
  expect(errors).toEqual([]);
});

/** Runs `code` in the playground, already open, as the reader would: paste it, press Run. */
async function runCode(page: Page, code: string): Promise<string> {
  await replaceEditorText(page, "Code", code);
  return run(page);
}

/** The default preset's statement count and output on a fresh page. */
async function freshDefaultRun(page: Page): Promise<{ statements: number; output: string }> {
  await openPlayground(page);
  expect(await run(page)).toBe("done");
  return { statements: await queries(page).count(), output: withoutIds(await output(page).innerText()) };
}

/** Lucia's ids are random: 15 characters of a-z and 0-9. */
const withoutIds = (text: string) => text.replace(/\b[a-z0-9]{15}\b/g, "<id>");

test.describe("nothing a run leaves behind reaches a later run", () => {
  test("a timer left running prints nothing into later runs", async ({ page }) => {
    await openPlayground(page, await permalink({ code: 'setInterval(() => console.log("ghost"), 50);\nconsole.log("first run");\n' }));
    expect(await run(page)).toBe("done");
    await expect(output(page)).toContainText("first run");
    await waitForEditors(page);
    expect(await runCode(page, waitThen(400, 'console.log("second run");'))).toBe("done");
    await expect(output(page)).toContainText("second run");
    await expect(output(page)).not.toContainText("ghost");
  });

  test("a global set by one run is gone in the next", async ({ page }) => {
    await openPlayground(page, await permalink({ code: "Reflect.set(globalThis, \"leftover\", 42);\nconsole.log(\"set\");\n" }));
    expect(await run(page)).toBe("done");
    await waitForEditors(page);
    expect(await runCode(page, 'console.log("leftover is", typeof Reflect.get(globalThis, "leftover"));\n')).toBe("done");
    await expect(output(page)).toContainText("leftover is undefined");
  });

  test("a listener left behind hears nothing of later runs", async ({ page }) => {
    await openPlayground(page, await permalink({ code: 'self.addEventListener("message", () => console.log("heard a message"));\nconsole.log("listening");\n' }));
    expect(await run(page)).toBe("done");
    await waitForEditors(page);
    expect(await runCode(page, waitThen(300, 'console.log("second run");'))).toBe("done");
    await expect(output(page)).toContainText("second run");
    await expect(output(page)).not.toContainText("heard a message");
  });

  test("after a prototype patch, the default preset gives what it gives on a fresh page", async ({ page, browser }) => {
    const fresh = await freshDefaultRun(await browser.newPage());
    expect(fresh.statements).toBeGreaterThan(5);
    await openPlayground(page, await permalink({ code: "Array.prototype.map = () => [];\nPromise.prototype.then = function () { return this; };\nconsole.log(\"patched\");\n" }));
    await run(page);
    await waitForEditors(page);
    await page.getByLabel("Preset").selectOption("default");
    expect(await run(page)).toBe("done");
    await expect(queries(page)).toHaveCount(fresh.statements);
    await expect(page.getByRole("status")).toContainText(`${fresh.statements} SQL statements`);
    expect(withoutIds(await output(page).innerText())).toBe(fresh.output);
  });

  test("a forgotten await: the end says what was still pending, and none of it shows up later", async ({ page }) => {
    const forgetful = `${defaultPreset.code.split("// Sign up")[0]}
auth.createUser({ key: { providerId: "github", providerUserId: "late", password: null }, attributes: {} });
console.log("returned without waiting");
`;
    await openPlayground(page, await permalink({ code: forgetful }));
    expect(await run(page)).toBe("done");
    await expect(output(page)).toContainText("returned without waiting");
    await expect(output(page)).toContainText(/2 Prisma queries were still pending when the code returned/);
    await waitForEditors(page);
    expect(await runCode(page, header + waitThen(300, 'console.log("users:", await client.user.count());'))).toBe("done");
    await expect(output(page)).toContainText("users: 0");
    await expect(queries(page).filter({ hasText: "createUser" })).toHaveCount(0);
    await expect(tables(page).getByRole("table", { name: /^User/ })).toContainText("0 rows");
  });
});

test.describe("floods of output cannot freeze the page", () => {
  test("200,000 console lines: the first 1,000 are shown, and the count of the rest", async ({ page }) => {
    await openPlayground(page, await permalink({ code: 'for (let i = 0; i < 200000; i++) console.log("line", i);\n' }));
    expect(await run(page)).toBe("done");
    await expect(output(page).getByText("… 199,000 more lines not shown")).toBeVisible();
    await expect(output(page).locator('.pg-output-line[data-level="log"]')).toHaveCount(1000);
    await expect(output(page).locator('.pg-output-line[data-level="log"]').last()).toContainText("line 999");
  });

  test("20,000 statements: the first 2,000 are shown, and the count stays exact", async ({ page }) => {
    await openPlayground(page, await permalink({ code: `${header}for (let i = 0; i < 20000; i++) await client.$executeRawUnsafe("SELECT " + i);\n` }));
    expect(await run(page)).toBe("done");
    await expect(page.getByRole("status")).toContainText("20,000 SQL statements");
    await expect(page.getByRole("region", { name: "Queries" }).getByText("20,000 statements")).toBeVisible();
    await expect(page.getByRole("region", { name: "Queries" }).getByText("… 18,000 more statements not shown")).toBeVisible();
    await expect(queries(page)).toHaveCount(2000);
  });
});

test.describe("stopping", () => {
  test("Stop ends a run that waits, and says so", async ({ page }) => {
    await openPlayground(page, await permalink({ code: 'console.log("waiting");\nawait new Promise((resolve) => setTimeout(resolve, 600000));\n' }));
    await expect(page.getByRole("button", { name: "Stop" })).toBeHidden();
    const ended = run(page, async () => {
      await page.getByRole("button", { name: "Run", exact: true }).click();
      await expect(output(page)).toContainText("waiting");
      await page.getByRole("button", { name: "Stop" }).click();
    });
    expect(await ended).toBe("stopped");
    await expect(output(page)).toContainText("Stopped: you pressed Stop.");
    await expect(page.getByRole("button", { name: "Stop" })).toBeHidden();
    await waitForEditors(page);
    await page.getByLabel("Preset").selectOption("default");
    expect(await run(page)).toBe("done");
  });

  for (const [kind, loop] of [
    ["a synchronous loop", "while (true) {}"],
    ["an endless chain of promises", "while (true) await Promise.resolve();"],
  ] as const) {
    test(`${kind} is stopped once it has not answered for 2 s`, async ({ page }) => {
      await openPlayground(page, await permalink({ code: `console.log("looping");\n${loop}\n` }));
      expect(await run(page)).toBe("unresponsive");
      await expect(output(page)).toContainText("looping");
      await expect(output(page)).toContainText("Stopped: the code did not answer for 2 s");
      await waitForEditors(page);
      await page.getByLabel("Preset").selectOption("default");
      expect(await run(page)).toBe("done");
      await expect(output(page)).toContainText("after sign-out");
    });
  }

  test("a loop over timers answers, and is stopped after 30 s", async ({ page }) => {
    test.setTimeout(90_000);
    await openPlayground(page, await permalink({ code: 'console.log("looping");\nwhile (true) await new Promise((resolve) => setTimeout(resolve, 10));\n' }));
    expect(await run(page)).toBe("time-limit");
    await expect(output(page)).toContainText("Stopped after 30 s");
  });

  test("a slow run that is alive is never stopped", async ({ page }) => {
    await openPlayground(page, await permalink({ code: waitThen(6000, 'console.log("slow but done");') }));
    expect(await run(page)).toBe("done");
    await expect(output(page)).toContainText("slow but done");
  });

  test("a memory bomb is stopped without taking the page down", async ({ page }) => {
    await openPlayground(page, await permalink({ code: "const kept = [];\nwhile (true) kept.push(new Float64Array(1 << 24));\n" }));
    // The worker runs out of memory (its allocation throws, or it dies) or stops answering first.
    expect(["done", "crashed", "unresponsive"]).toContain(await run(page));
    await expect(output(page)).toContainText(/RangeError|Stopped: the code did not answer|The run ended unexpectedly/);
    await waitForEditors(page);
    await page.getByLabel("Preset").selectOption("default");
    expect(await run(page)).toBe("done");
    await expect(output(page)).toContainText("after sign-out");
  });
});

test("a link whose payload inflates past 1 MB opens its base with a notice", async ({ page }) => {
  // About 150 KB of link that would inflate to 150 MB of code.
  const payload = deflateRawSync(Buffer.from(JSON.stringify({ c: "x".repeat(150_000_000) }))).toString("base64url");
  await openPlayground(page, `/playground/#p=default&z=${payload}`);
  await expect(output(page)).toContainText("This link holds more than the playground accepts");
  expect(await run(page)).toBe("done");
  await expect(output(page)).toContainText("after sign-out");
});

test.describe("the code reaches nothing outside its worker", () => {
  test("WebSocket, EventSource, beacons, imports, importScripts, nested workers and no-cors fetches are refused", async ({ page }) => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      response.writeHead(200, { "access-control-allow-origin": "*", "content-type": "text/javascript" }).end("export const secret = 1;");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const code = `const attempts = {
  WebSocket: () => new Promise((resolve, reject) => { const socket = new WebSocket("${origin.replace("http", "ws")}/"); socket.onopen = resolve; socket.onerror = () => reject(new Error("error event")); }),
  EventSource: () => new Promise((resolve, reject) => { const source = new EventSource("${origin}/events"); source.onopen = resolve; source.onerror = () => reject(new Error("error event")); }),
  sendBeacon: async () => { if (!navigator.sendBeacon("${origin}/beacon", "x")) throw new Error("not sent"); },
  import: () => import("${origin}/module.js"),
  importScripts: async () => importScripts("${origin}/script.js"),
  Worker: async () => { new Worker(URL.createObjectURL(new Blob(['fetch("${origin}/nested")']))); },
  "no-cors fetch": () => fetch("${origin}/no-cors", { mode: "no-cors" }),
};
for (const [name, attempt] of Object.entries(attempts)) {
  try {
    await attempt();
    console.log(name, "got through");
  } catch (error) {
    console.log(name, "refused");
  }
}
`;
    try {
      await openPlayground(page, await permalink({ code }));
      expect(await run(page)).toBe("done");
      for (const name of ["WebSocket", "EventSource", "sendBeacon", "import", "importScripts", "Worker", "no-cors fetch"]) {
        await expect(output(page)).toContainText(`${name} refused`);
      }
      await expect(output(page)).not.toContainText("got through");
      expect(requests).toBe(0);
      // The browser reports each refused connection on the console and as a failed request
      // (blocked by the policy): that is the policy working.
      errors = errors.filter((error) => !error.includes("Content Security Policy") && !(error.startsWith(`request failed: ${origin}/`) && error.endsWith(" csp")));
    } finally {
      server.close();
    }
  });

  test("HTML in console output, errors, SQL and table values is shown as text", async ({ page }) => {
    const html = "<img src=x onerror=\"document.body.dataset.injected='yes'\">";
    const code = `${header}console.log(${JSON.stringify(html)});
await client.user.create({ data: { id: ${JSON.stringify(html)} } });
await client.$queryRawUnsafe("SELECT '" + ${JSON.stringify(html)} + "' AS markup");
throw new Error(${JSON.stringify(html)});
`;
    await openPlayground(page, await permalink({ code }));
    expect(await run(page)).toBe("done");
    await expect(output(page)).toContainText(html);
    await expect(queries(page).filter({ hasText: html }).first()).toBeVisible();
    // Table values are shown as literals: a string in double quotes.
    await expect(tables(page)).toContainText(JSON.stringify(html));
    await expect(page.locator("#playground img")).toHaveCount(0);
    expect(await page.evaluate(() => document.body.dataset["injected"])).toBeUndefined();
  });

  test("messages the code forges to the page are ignored", async ({ page }) => {
    const forged = (runId: number) =>
      `self.postMessage({ type: "console", runId: ${runId}, level: "log", text: "forged line" });\n` +
      `self.postMessage({ type: "done", runId: ${runId}, durationMs: 1 });\n`;
    const code = `${[1, 2, 3].map(forged).join("")}${waitThen(200, 'console.log("real end");')}`;
    await openPlayground(page, await permalink({ code }));
    expect(await run(page)).toBe("done");
    await expect(output(page)).toContainText("real end");
    await expect(output(page)).not.toContainText("forged line");
  });
});

test.describe("PostgreSQL outlives the code", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a stopped run does not restart PostgreSQL, and the next run works", async ({ page }) => {
    await openPlayground(page, await permalink({ code: 'console.log("looping");\nwhile (true) {}\n', database: "postgresql" }));
    expect(await run(page)).toBe("unresponsive");
    await waitForEditors(page);
    await page.getByLabel("Preset").selectOption("default");
    await page.getByLabel("Database").selectOption("postgresql");
    expect(await run(page)).toBe("done");
    await expect(output(page)).toContainText("after sign-out");
    await expect(page.locator("#playground")).toHaveAttribute("data-postgresql-starts", "1");
  });

  test("a run that changes the cluster itself leaves the next run a fresh one", async ({ page }) => {
    const hostile = `${header}await client.$executeRawUnsafe(\`CREATE FUNCTION pg_catalog.block_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'blocked'; END $$\`);
await client.$executeRawUnsafe("CREATE EVENT TRIGGER block_ddl ON ddl_command_start EXECUTE FUNCTION pg_catalog.block_ddl()");
await client.$executeRawUnsafe("CREATE ROLE intruder");
console.log("cluster changed");
`;
    await openPlayground(page, await permalink({ code: hostile, database: "postgresql" }));
    expect(await run(page)).toBe("done");
    await expect(output(page)).toContainText("cluster changed");
    await waitForEditors(page);
    const intruders = 'console.log("intruders:", await client.$queryRawUnsafe("SELECT count(*)::int AS n FROM pg_roles WHERE rolname = \'intruder\'"));\n';
    await replaceEditorText(page, "Code", defaultPreset.code + intruders);
    expect(await run(page)).toBe("done");
    await expect(output(page)).toContainText("intruders: [{ n: 0 }]");
    await expect(output(page)).toContainText("after sign-out");
  });
});
