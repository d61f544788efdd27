/**
 * The whole pipeline in headless Chromium, in a Web Worker, under a Content Security Policy without
 * 'unsafe-eval': schema text → DDL → PrismaClient → queries over sql.js, for the reference schema and
 * the renamed one, checked against the SQL the adapter's query hook saw.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import type { Browser } from "@playwright/test";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { buildProofPage, launchChromium, runProof, serveProofPage, type Proof } from "../browser/harness.ts";
import type { SchemaReport } from "../browser/protocol.ts";
import { loadSchemaCompiler } from "../src/index.ts";
import { nodeWasmSource } from "../src/node.ts";
import { compileOrThrow, repoSchemas } from "./helpers.ts";

let server: Awaited<ReturnType<typeof serveProofPage>>;
let browser: Browser;
let fromText: { proof: Proof; consoleErrors: string[] };

before(async () => {
  await buildProofPage();
  server = await serveProofPage();
  browser = await launchChromium();
  fromText = await runProof(browser, server.url);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function report(label: string): SchemaReport {
  const found = fromText.proof.reports.find((candidate) => candidate.label === label);
  assert.ok(found, `no report for ${label}; failures: ${fromText.proof.failures.join("; ")}`);
  return found;
}

/** The statements the hook saw, as `[T] VERB table` lines (T: inside a transaction). */
function statementOutline(schemaReport: SchemaReport): string[] {
  return schemaReport.statements.map((statement) => {
    const table = /(?:INTO|FROM|UPDATE) `main`\.`(\w+)`/.exec(statement.sql)?.[1];
    const verb = statement.sql.split(" ")[0];
    return `${statement.inTransaction ? "T " : ""}${verb}${table ? ` ${table}` : ""}${statement.error ? ` !${statement.error}` : ""}`;
  });
}

describe("client from schema text in Chromium (Web Worker, CSP without 'unsafe-eval')", () => {
  test("both schemas ran with no failure and no console error", () => {
    assert.deepEqual(fromText.proof.failures, []);
    assert.deepEqual(fromText.consoleErrors, []);
    assert.deepEqual(fromText.proof.reports.map((schemaReport) => [schemaReport.label, schemaReport.fromText]), [
      ["reference", true],
      ["renamed", true],
    ]);
  });

  test("the CSP forbade eval in the page and in the worker, and blocked nothing else", () => {
    assert.equal(fromText.proof.evalBlockedInPage, true);
    assert.equal(fromText.proof.evalBlockedInWorker, true);
    // The only violations are the page's own eval probe.
    assert.deepEqual([...new Set(fromText.proof.cspViolations)], ["script-src eval"]);
  });

  test("the DDL made in the browser equals the DDL made in Node", async () => {
    const compiler = await loadSchemaCompiler(nodeWasmSource());
    for (const label of ["reference", "renamed"]) {
      const schema = compileOrThrow(compiler, await readFile(new URL(`${label}.sqlite.prisma`, repoSchemas), "utf8"));
      assert.equal(report(label).migrationScript, await compiler.migrationScript(schema, new PrismaBetterSqlite3({ url: ":memory:" })));
    }
  });

  test("the clients have the delegates their schema names", () => {
    assert.deepEqual(report("reference").delegates, ["user", "session", "key"]);
    assert.deepEqual(report("renamed").delegates, ["authUser", "authSession", "authKey"]);
  });

  for (const [label, tables] of [
    ["reference", { user: "User", session: "Session", key: "Key" }],
    ["renamed", { user: "auth_user", session: "user_session", key: "auth_key" }],
  ] as const) {
    test(`${label}: the query hook saw the expected SQL, transactions and the failed insert`, () => {
      assert.deepEqual(statementOutline(report(label)), [
        `INSERT ${tables.user}`,
        `INSERT ${tables.session}`,
        "T BEGIN",
        `T INSERT ${tables.key}`,
        `T SELECT ${tables.key}`,
        "T COMMIT",
        "T BEGIN",
        `T INSERT ${tables.session}`,
        "T ROLLBACK",
        `SELECT ${tables.session}`,
        `SELECT ${tables.user}`,
        `INSERT ${tables.key} !UniqueConstraintViolation`,
        `DELETE ${tables.session}`,
      ]);
    });
  }

  test("results: BigInt exact beyond 2^53, relations included by the schema's field name, Prisma error codes", () => {
    const reference = report("reference").steps;
    const renamed = report("renamed").steps;
    assert.deepEqual(reference["session and user"], {
      id: "s1",
      user_id: "u1",
      active_expires: "9007199254740993n",
      idle_expires: "1700000000000n",
      user: { id: "u1" },
    });
    assert.deepEqual((renamed["session and user"] as { owner: unknown }).owner, { id: "u1", username: "ann", email: null });
    for (const steps of [reference, renamed]) {
      assert.equal(steps["duplicate key"], "error P2002");
      assert.equal(steps["interactive transaction rolled back"], "error rolled back on purpose");
      assert.deepEqual(steps["delete sessions"], { count: 1 });
    }
  });

  test("a schema compiled at build time runs too, and a schema from text after it", async () => {
    const { proof, consoleErrors } = await runProof(browser, `${server.url}?first=precompiled`);
    assert.deepEqual(proof.failures, []);
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(proof.reports.map((schemaReport) => [schemaReport.label, schemaReport.fromText]), [
      ["reference", false],
      ["renamed", true],
    ]);
    assert.deepEqual(proof.reports[0]?.steps, report("reference").steps);
  });
});
