import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { datasourceProvider, normaliseSchema, withBrowserProvider } from "../src/normalise-schema.ts";

const model = "model User {\n  id String @id\n}\n";

describe("normaliseSchema", () => {
  test("models alone get a SQLite datasource appended, keeping the reader's line numbers", () => {
    const result = normaliseSchema(model);
    assert.ok(result.ok);
    assert.equal(result.text, `${model}\ndatasource db {\n  provider = "sqlite"\n}\n`);
    assert.equal(result.provider, "sqlite");
    assert.deepEqual(result.notices.map((notice) => notice.code), ["datasource-added"]);
  });

  test("models alone get a PostgreSQL datasource when PostgreSQL is asked for", () => {
    const result = normaliseSchema(model, { provider: "postgresql" });
    assert.ok(result.ok);
    assert.equal(result.text, `${model}\ndatasource db {\n  provider = "postgresql"\n}\n`);
    assert.equal(result.provider, "postgresql");
    assert.match(result.notices[0]?.message ?? "", /provider = "postgresql" \}` was added/);
  });

  test("a SQLite datasource with only a provider is kept as it is, with no notice", () => {
    const text = `datasource mine {\n  provider = "sqlite" // local\n}\n\n${model}`;
    assert.deepEqual(normaliseSchema(text), { ok: true, text, provider: "sqlite", notices: [] });
  });

  test("a PostgreSQL datasource with only a provider is kept as it is, with no notice", () => {
    const text = `datasource db {\n  provider = "postgresql"\n}\n\n${model}`;
    assert.deepEqual(normaliseSchema(text), { ok: true, text, provider: "postgresql", notices: [] });
  });

  test("asking for the other database replaces the datasource's provider, and a notice says so", () => {
    const text = `datasource db {\n  provider = "postgresql"\n}\n\n${model}`;
    const result = normaliseSchema(text, { provider: "sqlite" });
    assert.ok(result.ok);
    assert.equal(result.text, text.replace('"postgresql"', '"sqlite"'));
    assert.equal(result.provider, "sqlite");
    assert.match(result.notices[0]?.message ?? "", /replaced by `provider = "sqlite"`: it is for postgresql/);
    const back = normaliseSchema(result.text, { provider: "postgresql" });
    assert.ok(back.ok);
    assert.equal(back.text, text);
  });

  test("a PostgreSQL datasource with a url keeps PostgreSQL in as many lines without the url, and a notice says why", () => {
    const text = `generator client {\n  provider = "prisma-client-js"\n}\n\ndatasource db {\n  provider  = "postgresql"\n  url       = env("DATABASE_URL")\n  directUrl = env("DIRECT_URL")\n}\n\n${model}`;
    const result = normaliseSchema(text);
    assert.ok(result.ok);
    assert.equal(result.text.split("\n").length, text.split("\n").length);
    assert.equal(result.text.split("\n")[10], "model User {");
    assert.match(result.text, /datasource db \{\n  provider = "postgresql"\n\n\n\}/);
    assert.equal(result.provider, "postgresql");
    assert.equal(result.notices.length, 1);
    assert.equal(result.notices[0]?.code, "datasource-replaced");
    assert.equal(result.notices[0]?.line, 5);
    assert.match(result.notices[0]?.message ?? "", /^The datasource `db` was replaced by `provider = "postgresql"`: its `url`, `directUrl` have no meaning/);
  });

  test("a SQLite datasource with a url loses the url, and a notice says so", () => {
    const result = normaliseSchema(`datasource db {\n  provider = "sqlite"\n  url      = "file:./dev.db"\n}\n${model}`);
    assert.ok(result.ok);
    assert.doesNotMatch(result.text, /url/);
    assert.match(result.notices[0]?.message ?? "", /`url` has no meaning for a database in your browser/);
  });

  test("MySQL is replaced by SQLite, which runs its models", () => {
    const result = normaliseSchema(`datasource db {\n  provider = "mysql"\n}\n${model}`);
    assert.ok(result.ok);
    assert.match(result.text, /provider = "sqlite"/);
    assert.equal(result.provider, "sqlite");
    assert.match(result.notices[0]?.message ?? "", /it is for mysql/);
  });

  test("MongoDB cannot be replaced: a clear message instead", () => {
    const result = normaliseSchema(`datasource db {\n  provider = "mongodb"\n}\n${model}`);
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.line, 1);
    assert.match(result.message, /mongodb, which client-from-schema cannot run/);
  });

  test("blocks other than datasource are left alone, braces in them included", () => {
    const text = `model Doc {\n  id   Int    @id\n  json String @default("{}")\n}\n\ndatasource db {\n  provider = "sqlite"\n}\n`;
    assert.deepEqual(normaliseSchema(text), { ok: true, text, provider: "sqlite", notices: [] });
  });
});

const switchable = `generator client {
  provider = "prisma-client"
}

datasource db {
  // the database
  provider = "sqlite"
}

model User {
  provider String @id
}
`;

describe("withBrowserProvider", () => {
  test("changes the datasource's provider and nothing else", () => {
    const switched = withBrowserProvider(switchable, "postgresql");
    assert.equal(switched, switchable.replace('provider = "sqlite"', 'provider = "postgresql"'));
    assert.match(switched, /provider = "prisma-client"/);
    assert.equal(withBrowserProvider(switched, "sqlite"), switchable);
  });

  test("leaves a datasource for another database alone (the compiler replaces it, with a notice)", () => {
    const mysql = switchable.replace('"sqlite"', '"mysql"');
    assert.equal(withBrowserProvider(mysql, "postgresql"), mysql);
  });
});

describe("datasourceProvider", () => {
  test("reads the datasource's provider, not the generator's", () => {
    assert.equal(datasourceProvider(switchable), "sqlite");
    assert.equal(datasourceProvider(withBrowserProvider(switchable, "postgresql")), "postgresql");
  });

  test("is undefined without a datasource or for another database", () => {
    assert.equal(datasourceProvider("model A {\n  id Int @id\n}\n"), undefined);
    assert.equal(datasourceProvider(switchable.replace('"sqlite"', '"mysql"')), undefined);
  });
});
