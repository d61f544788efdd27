/** What the Database menu's choices run on. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { databasesOf } from "../database.ts";

test("compare runs SQLite first, then PostgreSQL", () => {
  assert.deepEqual(databasesOf("compare"), ["sqlite", "postgresql"]);
  assert.deepEqual(databasesOf("postgresql"), ["postgresql"]);
});
