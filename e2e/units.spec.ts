/** Unit tests of the site's build-time helpers; no browser needed, run by Playwright with the rest. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { commitDateOf, newestCommitDates } from "../src/utils/git-dates.ts";
import { installCommand, installSpec, tarballFileName, tarballUrl } from "../src/utils/install-commands.ts";
import { headersFile } from "../src/integrations/static-host-files.ts";
import { withBase } from "../src/utils/rehype-base-links.ts";
import { playgroundHref } from "../src/utils/playground-link.ts";
import { formatArgs, statementsFor } from "../src/utils/statements.ts";

test.describe("playgroundHref", () => {
  test("gives no link for a file the playground has no adaptation of", () => {
    expect(playgroundHref("examples/sqlite/src/db.ts", ["examples/sqlite/src/auth.ts"])).toBeNull();
  });
  test("links to the playground with the snippet's source", () => {
    expect(playgroundHref("examples/sqlite/src/auth.ts", ["examples/sqlite/src/auth.ts"])).toBe("/playground/?example=examples%2Fsqlite%2Fsrc%2Fauth.ts");
  });
  test("puts the site's base in front", () => {
    expect(playgroundHref("examples/sqlite/src/auth.ts", ["examples/sqlite/src/auth.ts"], "/lucia-prisma/")).toBe(
      "/lucia-prisma/playground/?example=examples%2Fsqlite%2Fsrc%2Fauth.ts",
    );
  });
});

test.describe("links under a base", () => {
  test("withBase prefixes root-relative links once and leaves the others", () => {
    expect(withBase("/errors/#configuration-errors", "/lucia-prisma/")).toBe("/lucia-prisma/errors/#configuration-errors");
    expect(withBase("/lucia-prisma/errors/", "/lucia-prisma/")).toBe("/lucia-prisma/errors/");
    expect(withBase("/errors/", "/")).toBe("/errors/");
    for (const other of ["#top", "https://v2.lucia-auth.com/", "//cdn.example/x.js", "../schema/"]) {
      expect(withBase(other, "/lucia-prisma/")).toBe(other);
    }
  });
  test("headersFile writes Netlify/Cloudflare rules with the base in every path", () => {
    const text = headersFile("/docs/", ["_astro/a.wasm"]);
    expect(text).toContain("/docs/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n");
    expect(text).toContain("/docs/playground/*\n  Content-Security-Policy: ");
    expect(text).toContain("/docs/_astro/a.wasm\n  Content-Type: application/wasm\n");
  });
});

test.describe("statementsFor", () => {
  const data = { sqlite: { useKey: [{ sql: "SELECT 1", args: ["k"] }] }, postgresql: {} };
  test("returns the recorded statements of one operation", () => {
    expect(statementsFor("sqlite", "useKey", data)).toEqual([{ sql: "SELECT 1", args: ["k"] }]);
  });
  test("returns an empty list for an operation or database not recorded yet", () => {
    expect(statementsFor("postgresql", "useKey", data)).toEqual([]);
    expect(statementsFor("mysql", "useKey", data)).toEqual([]);
  });
  test("fails the build on a malformed file instead of showing wrong SQL", () => {
    expect(() => statementsFor("sqlite", "useKey", { sqlite: { useKey: [{ sql: 1 }] } })).toThrow(/list of \{ sql, args \}/);
    expect(() => statementsFor("sqlite", "useKey", { sqlite: "nope" })).toThrow(/must be an object/);
  });
  test("formats bound values as JSON", () => {
    expect(formatArgs(["user-1", -1, "0", null])).toBe('["user-1", -1, "0", null]');
  });
});

test("installCommand writes one line per dependency kind for each package manager", () => {
  expect(installCommand("npm", ["a", "b"], ["c"])).toBe("npm i a b\nnpm i -D c");
  expect(installCommand("pnpm", ["a"])).toBe("pnpm add a");
  expect(installCommand("yarn", [], ["c"])).toBe("yarn add -D --ignore-engines c");
});

test("installCommand lets pnpm run the install scripts the packages bring, and gives Yarn 1 --ignore-engines for Prisma's CLI", () => {
  expect(installCommand("pnpm", ["prisma@7.10.0", "tsx@4"])).toBe(
    "pnpm add --allow-build=prisma --allow-build=@prisma/engines --allow-build=esbuild prisma@7.10.0 tsx@4",
  );
  expect(installCommand("yarn", ["lucia"], ["prisma"])).toBe("yarn add --ignore-engines lucia@2\nyarn add -D --ignore-engines prisma@7");
  expect(installCommand("npm", ["prisma", "@prisma/adapter-better-sqlite3"])).toBe("npm i prisma@7 @prisma/adapter-better-sqlite3@7");
});

test.describe("install specs", () => {
  const adapter = { name: "@lucia-auth/adapter-prisma", version: "3.1.0" };
  const url = tarballUrl(adapter, "https://docs.example.org", "/lucia-prisma/");
  test("a served package installs from its tarball URL under the base", () => {
    expect(tarballFileName(adapter.name, adapter.version)).toBe("lucia-auth-adapter-prisma-3.1.0.tgz");
    expect(url).toBe("https://docs.example.org/lucia-prisma/packages/lucia-auth-adapter-prisma-3.1.0.tgz");
    expect(tarballUrl(adapter, "http://localhost:4321", "/")).toBe("http://localhost:4321/packages/lucia-auth-adapter-prisma-3.1.0.tgz");
    const tarballs = new Map([[adapter.name, url]]);
    expect(installSpec("@lucia-auth/adapter-prisma", tarballs)).toBe(url);
    expect(installSpec("@lucia-auth/adapter-prisma@3.1.0", tarballs)).toBe(url);
  });
  test("bare names the docs are tested with get their major; explicit versions stay", () => {
    const none = new Map<string, string>();
    expect(installSpec("lucia", none)).toBe("lucia@2");
    expect(installSpec("@prisma/adapter-pg", none)).toBe("@prisma/adapter-pg@7");
    expect(installSpec("prisma@6.19.3", none)).toBe("prisma@6.19.3");
    expect(installSpec("tsx", none)).toBe("tsx");
  });
});

test("newestCommitDates gives each file the date of its newest commit", () => {
  const repo = mkdtempSync(join(tmpdir(), "git-dates-"));
  const git = (args: string[], date: string) =>
    execFileSync("git", args, {
      cwd: repo,
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" },
    });
  git(["init", "-q"], "2024-01-01T00:00:00Z");
  execFileSync("mkdir", ["-p", join(repo, "docs")]);
  writeFileSync(join(repo, "docs", "a.md"), "a");
  writeFileSync(join(repo, "docs", "b.md"), "b");
  git(["add", "."], "2024-01-01T00:00:00Z");
  git(["commit", "-q", "-m", "first"], "2024-01-01T00:00:00Z");
  writeFileSync(join(repo, "docs", "b.md"), "b2");
  git(["commit", "-q", "-am", "second"], "2024-02-01T00:00:00Z");
  writeFileSync(join(repo, "docs", "c.md"), "never committed");

  const dates = newestCommitDates(repo, join(repo, "docs"));
  expect(commitDateOf(dates, repo, "docs/a.md")?.toISOString()).toBe("2024-01-01T00:00:00.000Z");
  expect(commitDateOf(dates, repo, join(repo, "docs", "b.md"))?.toISOString()).toBe("2024-02-01T00:00:00.000Z");
  expect(commitDateOf(dates, repo, "docs/c.md")).toBeUndefined();
});
