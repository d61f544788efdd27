/**
 * The whole pipeline in headless Chromium, in a Web Worker, under a Content Security Policy without
 * 'unsafe-eval': schema text → DDL → PrismaClient → queries over sql.js, and on PostgreSQL over
 * PGlite, for the reference schema and the renamed one, checked against the SQL the adapter's
 * query hook saw.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import type { Browser } from "@playwright/test";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "@lucia-prisma/adapter-pglite";
import { buildProofPage, launchChromium, runProof, serveProofPage, type ProofRun } from "../browser/harness.ts";
import type { SchemaReport } from "../browser/protocol.ts";
import { loadSchemaCompiler, migrationScript } from "../src/index.ts";
import { nodeWasmSource } from "../src/node.ts";
import { compileOrThrow, repoSchemas } from "./helpers.ts";

let server: Awaited<ReturnType<typeof serveProofPage>>;
let browser: Browser;
let fromText: ProofRun;
let onPostgres: ProofRun;

before(async () => {
  await buildProofPage();
  server = await serveProofPage();
  browser = await launchChromium();
  fromText = await runProof(browser, server.url);
  onPostgres = await runProof(browser, `${server.url}?database=postgresql`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function report(label: string, run: ProofRun = fromText): SchemaReport {
  const found = run.proof.reports.find((candidate) => candidate.label === label);
  assert.ok(found, `no report for ${label}; failures: ${run.proof.failures.join("; ")}`);
  return found;
}

/** The statements the hook saw, as `[T] VERB table` lines (T: inside a transaction). */
function statementOutline(schemaReport: SchemaReport): string[] {
  return schemaReport.statements.map((statement) => {
    const table = /(?:INTO|FROM|UPDATE) (?:`main`\.`(\w+)`|"public"\."(\w+)")/.exec(statement.sql)?.slice(1).find(Boolean);
    const verb = statement.sql.split(" ")[0];
    return `${statement.inTransaction ? "T " : ""}${verb}${table ? ` ${table}` : ""}${statement.error ? ` !${statement.error}` : ""}`;
  });
}


/** The tables of the reference and renamed schemas. */
const schemaTables = [
  ["reference", { user: "User", session: "Session", key: "Key" }],
  ["renamed", { user: "auth_user", session: "user_session", key: "auth_key" }],
] as const;

/** The statements the proof's steps send, as `statementOutline` writes them, on either database. */
function expectedOutline(tables: (typeof schemaTables)[number][1]): string[] {
  return [
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
  ];
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

  test("a SQLite page fetches nothing of PostgreSQL: no PGlite, no PostgreSQL query compiler", () => {
    assert.ok(fromText.requests.some((url) => /query_compiler_small_bg\.sqlite-[\w-]+\.wasm$/.test(url)), "the request log sees the worker's fetches");
    assert.deepEqual(fromText.requests.filter((url) => /postgresql|pglite|initdb/.test(url)), []);
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
      assert.equal(report(label).migrationScript, await migrationScript(schema, new PrismaBetterSqlite3({ url: ":memory:" }), nodeWasmSource()));
    }
  });

  test("the clients have the delegates their schema names", () => {
    assert.deepEqual(report("reference").delegates, ["user", "session", "key"]);
    assert.deepEqual(report("renamed").delegates, ["authUser", "authSession", "authKey"]);
  });

  for (const [label, tables] of schemaTables) {
    test(`${label}: the query hook saw the expected SQL, transactions and the failed insert`, () => {
      assert.deepEqual(statementOutline(report(label)), expectedOutline(tables));
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

describe("client from schema text on PostgreSQL (PGlite) in Chromium (Web Worker, CSP without 'unsafe-eval')", () => {
  test("both schemas ran with no failure and no console error, and nothing but eval was blocked", () => {
    assert.deepEqual(onPostgres.proof.failures, []);
    assert.deepEqual(onPostgres.consoleErrors, []);
    assert.equal(onPostgres.proof.database, "postgresql");
    assert.deepEqual(onPostgres.proof.reports.map((schemaReport) => [schemaReport.label, schemaReport.fromText]), [
      ["reference", true],
      ["renamed", true],
    ]);
    assert.equal(onPostgres.proof.evalBlockedInPage, true);
    assert.equal(onPostgres.proof.evalBlockedInWorker, true);
    assert.deepEqual([...new Set(onPostgres.proof.cspViolations)], ["script-src eval"]);
  });

  test("the worker fetched PostgreSQL's query compiler and PGlite, and not SQLite's", () => {
    const fetched = (pattern: RegExp) => onPostgres.requests.some((url) => pattern.test(url));
    assert.ok(fetched(/query_compiler_small_bg\.postgresql-[\w-]+\.wasm$/));
    assert.ok(fetched(/pglite-[\w-]+\.wasm$/) && fetched(/pglite-[\w-]+\.data$/));
    assert.equal(fetched(/query_compiler_small_bg\.sqlite-[\w-]+\.wasm$/) || fetched(/sql-wasm-browser-[\w-]+\.wasm$/), false);
  });

  test("the DDL made in the browser through PGlite equals the DDL made in Node", async () => {
    const compiler = await loadSchemaCompiler(nodeWasmSource());
    const db = await PGlite.create();
    try {
      for (const label of ["reference", "renamed"]) {
        const schema = compileOrThrow(compiler, await readFile(new URL(`${label}.postgresql.prisma`, repoSchemas), "utf8"));
        assert.equal(report(label, onPostgres).migrationScript, await migrationScript(schema, new PrismaPGlite(db), nodeWasmSource()));
      }
    } finally {
      await db.close();
    }
  });

  for (const [label, tables] of schemaTables) {
    test(`${label}: the query hook saw BEGIN, COMMIT, ROLLBACK and the failed insert`, () => {
      assert.deepEqual(statementOutline(report(label, onPostgres)), expectedOutline(tables));
    });
  }

  test("results equal SQLite's: BigInt exact beyond 2^53, relations by the schema's field name, Prisma error codes", () => {
    for (const label of ["reference", "renamed"]) {
      assert.deepEqual(report(label, onPostgres).steps, report(label).steps);
    }
  });
});
