/** The Database switch rewrites only the datasource's provider, and reads the one written. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { databasesOf, withProvider, writtenProvider } from "../database.ts";

const schema = `generator client {
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

describe("withProvider", () => {
  test("changes the datasource's provider and nothing else", () => {
    const switched = withProvider(schema, "postgresql");
    assert.equal(switched, schema.replace('provider = "sqlite"', 'provider = "postgresql"'));
    assert.match(switched, /provider = "prisma-client"/);
    assert.equal(withProvider(switched, "sqlite"), schema);
  });

  test("leaves a datasource for another database alone (the compiler replaces it, with a notice)", () => {
    const mysql = schema.replace('"sqlite"', '"mysql"');
    assert.equal(withProvider(mysql, "postgresql"), mysql);
  });
});

describe("writtenProvider", () => {
  test("reads the datasource's provider, not the generator's", () => {
    assert.equal(writtenProvider(schema), "sqlite");
    assert.equal(writtenProvider(withProvider(schema, "postgresql")), "postgresql");
  });

  test("is undefined without a datasource or for another database", () => {
    assert.equal(writtenProvider("model A {\n  id Int @id\n}\n"), undefined);
    assert.equal(writtenProvider(schema.replace('"sqlite"', '"mysql"')), undefined);
  });
});

test("compare runs SQLite first, then PostgreSQL", () => {
  assert.deepEqual(databasesOf("compare"), ["sqlite", "postgresql"]);
  assert.deepEqual(databasesOf("postgresql"), ["postgresql"]);
});
