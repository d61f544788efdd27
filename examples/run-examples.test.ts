import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { applyDdl, ddlFromSchema } from "@internal/test-kit";
import { generateClient } from "./generate-clients.ts";
import { exampleProjects, repoRoot, type ExampleProject } from "./projects.ts";

/**
 * Runs the sign-up examples shown on the site against real SQLite databases whose tables come
 * from the same schema, so the error handling the docs recommend is proven, not just typed.
 */
async function prepare(dir: ExampleProject["dir"]): Promise<void> {
  const project = exampleProjects.find((candidate) => candidate.dir === dir)!;
  generateClient(project);
  const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), "example-db-")), "dev.db")}`;
  await applyDdl(databaseUrl, await ddlFromSchema(join(repoRoot, project.schema), "sqlite"));
  // Each example's src/db.ts reads DATABASE_URL once, when it is first imported.
  process.env["DATABASE_URL"] = databaseUrl;
}

describe("examples/sqlite/src/sign-up.ts", () => {
  let example: typeof import("./sqlite/src/sign-up.ts");
  before(async () => {
    await prepare("examples/sqlite");
    example = await import("./sqlite/src/sign-up.ts");
  });

  test("signs a user up, opens a session and validates it", async () => {
    const session = await example.signUp("ada", "correct horse");
    assert.ok(session);
    const again = await example.currentSession(session.sessionId);
    assert.equal(again?.user.userId, session.user.userId);
  });

  test("returns null for a taken username (AUTH_DUPLICATE_KEY_ID)", async () => {
    assert.ok(await example.signUp("grace", "first"));
    assert.equal(await example.signUp("grace", "second"), null);
  });

  test("signs in with the right password; null for a wrong password or an unknown username", async () => {
    assert.ok(await example.signUp("hedy", "frequency hopping"));
    const session = await example.signIn("hedy", "frequency hopping");
    assert.equal((await example.currentSession(session!.sessionId))?.user.userId, session!.user.userId);
    assert.equal(await example.signIn("hedy", "wrong"), null);
    assert.equal(await example.signIn("nobody", "frequency hopping"), null);
  });

  test("returns null for an unknown session id (AUTH_INVALID_SESSION_ID)", async () => {
    assert.equal(await example.currentSession("x".repeat(40)), null);
  });
});

describe("examples/renamed/src/sign-up.ts", () => {
  let example: typeof import("./renamed/src/sign-up.ts");
  before(async () => {
    await prepare("examples/renamed");
    example = await import("./renamed/src/sign-up.ts");
  });

  test("stores user and session attributes and reads them back", async () => {
    const session = await example.signUp("ada", "correct horse", "NL");
    assert.ok(session);
    assert.equal(await example.describeSession(session.sessionId), "ada from NL");
    const user = await example.changeEmail(session.user.userId, "ada@example.com");
    assert.equal(user.email, "ada@example.com");
  });

  test("returns null for a taken username", async () => {
    assert.ok(await example.signUp("grace", "first", null));
    assert.equal(await example.signUp("grace", "second", null), null);
  });

  test("a taken username reaches the app as Prisma's P2002 on AuthUser, as the errors page says", async () => {
    const { auth } = await import("./renamed/src/auth.ts");
    const { Prisma } = await import("./renamed/src/generated/prisma/client.ts");
    const key = (name: string) => ({ providerId: "username", providerUserId: name, password: null });
    await auth.createUser({ key: key("linus"), attributes: { username: "linus", email: null } });
    await assert.rejects(
      auth.createUser({ key: key("linus"), attributes: { username: "linus", email: null } }),
      (error: unknown) =>
        error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && error.meta?.["modelName"] === "AuthUser",
    );
  });
});
