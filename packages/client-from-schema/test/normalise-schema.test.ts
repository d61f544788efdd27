import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { normaliseSchema } from "../src/normalise-schema.ts";

const model = "model User {\n  id String @id\n}\n";

describe("normaliseSchema", () => {
  test("models alone get a SQLite datasource appended, keeping the reader's line numbers", () => {
    const result = normaliseSchema(model);
    assert.ok(result.ok);
    assert.equal(result.text, `${model}\ndatasource db {\n  provider = "sqlite"\n}\n`);
    assert.deepEqual(result.notices.map((notice) => notice.code), ["datasource-added"]);
  });

  test("a SQLite datasource with only a provider is kept as it is, with no notice", () => {
    const text = `datasource mine {\n  provider = "sqlite" // local\n}\n\n${model}`;
    assert.deepEqual(normaliseSchema(text), { ok: true, text, notices: [] });
  });

  test("a PostgreSQL datasource with a url is replaced by SQLite in as many lines, and a notice says why", () => {
    const text = `generator client {\n  provider = "prisma-client-js"\n}\n\ndatasource db {\n  provider  = "postgresql"\n  url       = env("DATABASE_URL")\n  directUrl = env("DIRECT_URL")\n}\n\n${model}`;
    const result = normaliseSchema(text);
    assert.ok(result.ok);
    assert.equal(result.text.split("\n").length, text.split("\n").length);
    assert.equal(result.text.split("\n")[10], "model User {");
    assert.match(result.text, /datasource db \{\n  provider = "sqlite"\n\n\n\}/);
    assert.equal(result.notices.length, 1);
    assert.equal(result.notices[0]?.code, "datasource-replaced");
    assert.equal(result.notices[0]?.line, 5);
    assert.match(result.notices[0]?.message ?? "", /for postgresql.*`url`, `directUrl` have no meaning/);
  });

  test("a SQLite datasource with a url loses the url, and a notice says so", () => {
    const result = normaliseSchema(`datasource db {\n  provider = "sqlite"\n  url      = "file:./dev.db"\n}\n${model}`);
    assert.ok(result.ok);
    assert.doesNotMatch(result.text, /url/);
    assert.match(result.notices[0]?.message ?? "", /`url` has no meaning for a database in your browser/);
  });

  test("MySQL is replaced too", () => {
    const result = normaliseSchema(`datasource db {\n  provider = "mysql"\n}\n${model}`);
    assert.ok(result.ok);
    assert.match(result.text, /provider = "sqlite"/);
    assert.match(result.notices[0]?.message ?? "", /it is for mysql/);
  });

  test("MongoDB cannot be replaced: a clear message instead", () => {
    const result = normaliseSchema(`datasource db {\n  provider = "mongodb"\n}\n${model}`);
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.line, 1);
    assert.match(result.message, /mongodb, which cannot run in the browser/);
  });

  test("blocks other than datasource are left alone, braces in them included", () => {
    const text = `model Doc {\n  id   Int    @id\n  json String @default("{}")\n}\n\ndatasource db {\n  provider = "sqlite"\n}\n`;
    assert.deepEqual(normaliseSchema(text), { ok: true, text, notices: [] });
  });
});
