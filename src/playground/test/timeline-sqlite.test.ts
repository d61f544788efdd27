/**
 * The timeline's steps on real sql.js with the genuine Prisma Client of the reference schema and
 * the real Lucia and adapter, wired as the code worker wires them: one step per outermost Lucia
 * call, with its statements and the tables as the call left them.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import initSqlJs from "sql.js";
import { PrismaSqlJs, type QueryEvent } from "@lucia-prisma/adapter-sqljs";
import { createClient, loadSchemaCompiler, migrationScript, type RuntimePrismaClient } from "@lucia-prisma/client-from-schema";
import { nodeWasmSource } from "@lucia-prisma/client-from-schema/node";
import type { RunStep } from "../protocol.ts";
import { CallTracker } from "../runner/call-tracker.ts";
import { createRunModules } from "../runner/modules.ts";
import { openSqlite } from "../runner/run-database.ts";
import { StepRecorder } from "../runner/step-recorder.ts";
import { diffTables, describeChanges } from "../page/timeline/table-diff.ts";

const reference = fileURLToPath(new URL("../../../packages/adapter-prisma/schemas/reference.sqlite.prisma", import.meta.url));

interface Auth {
  createUser(options: object): Promise<{ userId: string }>;
  createSession(options: object): Promise<{ sessionId: string }>;
  validateSession(id: string): Promise<unknown>;
  invalidateSession(id: string): Promise<void>;
}

test("the default preset's calls on sql.js: a step per Lucia call, as it left the tables", async () => {
  const wasm = nodeWasmSource();
  const SQL = await initSqlJs();
  const compiled = (await loadSchemaCompiler(wasm)).compile(await readFile(reference, "utf8"));
  assert.ok(compiled.ok);
  const script = await migrationScript(compiled.schema, new PrismaSqlJs(new SQL.Database()), wasm);

  const steps: RunStep[] = [];
  let statements = 0;
  const database = await openSqlite(SQL, script, () => {
    statements += 1;
    recorder.statement(tracker.luciaCall, statements);
  });
  const recorder = new StepRecorder(() => database.readTables(), (step) => steps.push(step));
  const tracker = new CallTracker({ onSettled: (call) => recorder.settled(call) });
  const modules = createRunModules(tracker, () => createClient<RuntimePrismaClient>(compiled.schema, wasm, { adapter: database.factory }));
  const { lucia } = modules.require("lucia") as { lucia(options: object): Auth };
  const { prisma } = modules.require("@lucia-auth/adapter-prisma") as { prisma(options: object): unknown };
  const { PrismaClient } = modules.require("@prisma/client") as { PrismaClient: new () => object };
  const auth = lucia({ env: "DEV", adapter: prisma({ client: new PrismaClient(), mode: "default" }) });

  const user = await auth.createUser({ key: { providerId: "github", providerUserId: "1234", password: null }, attributes: {} });
  const session = await auth.createSession({ userId: user.userId, attributes: {} });
  await auth.validateSession(session.sessionId);
  await auth.invalidateSession(session.sessionId);
  await assert.rejects(auth.validateSession(session.sessionId), /AUTH_INVALID_SESSION_ID/);
  recorder.stop();
  const final = await database.end();

  assert.deepEqual(
    steps.map((step) => [step.call, step.luciaMethod, step.outcome]),
    [
      [1, "createUser", "ok"],
      [2, "createSession", "ok"],
      [3, "validateSession", "ok"],
      [4, "invalidateSession", "ok"],
      [5, "validateSession", "error"],
    ],
    "validateSession's own getSession is not a step",
  );
  assert.deepEqual(steps[0]!.statements, { first: 1, last: 4 }, "createUser: BEGIN, two INSERTs, COMMIT");
  const changes = steps.map((step, index) => describeChanges(diffTables(steps[index - 1]?.tables, step.tables)));
  assert.deepEqual(changes, ["1 row inserted in User; 1 row inserted in Key", "1 row inserted in Session", "no rows changed", "1 row deleted in Session", "no rows changed"]);
  assert.deepEqual(steps.at(-1)!.tables, final, "the last step's tables are the Tables region's");
});
