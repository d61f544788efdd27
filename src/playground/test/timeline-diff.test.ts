/** The timeline's pure parts: what changed between two table snapshots, statements grouped by call, and the steps. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { QueryItem, TableRows } from "../protocol.ts";
import { groupTitle, sameGroup } from "../page/panes/query-groups.ts";
import { describeChanges, diffTables, keyColumn } from "../page/timeline/table-diff.ts";
import { timelineSteps, unrecordedCalls } from "../page/timeline/steps.ts";

const users = (rows: string[][]): TableRows => ({ name: "User", columns: ["id", "name"], rows });
const sessions = (rows: string[][]): TableRows => ({ name: "Session", columns: ["user_id", "id", "expires"], rows });

test("rows are matched by id, else by the first column", () => {
  assert.equal(keyColumn(["user_id", "id"]), 1);
  assert.equal(keyColumn(["key", "value"]), 0);
});

test("the first step compares with empty tables: every row is inserted", () => {
  const [diff] = diffTables(undefined, [users([["u1", "Ada"]])]);
  assert.deepEqual(diff!.rows, [{ cells: ["u1", "Ada"], change: "inserted", changedColumns: [] }]);
  assert.deepEqual(diff!.deleted, []);
});

test("inserted, updated (with the cells that changed), unchanged and deleted rows", () => {
  const before = [users([["u1", "Ada"], ["u2", "Bo"], ["u3", "Cy"]]), sessions([["u1", "s1", "10"]])];
  const after = [users([["u1", "Ada"], ["u2", "Bob"], ["u4", "Di"]]), sessions([["u1", "s1", "20"]])];
  const [user, session] = diffTables(before, after);
  assert.deepEqual(
    user!.rows.map((row) => [row.cells[0], row.change, row.changedColumns]),
    [
      ["u1", "unchanged", []],
      ["u2", "updated", [1]],
      ["u4", "inserted", []],
    ],
  );
  assert.deepEqual(user!.deleted, [["u3", "Cy"]]);
  // Session's key is `id`, its second column.
  assert.deepEqual(session!.rows.map((row) => [row.change, row.changedColumns]), [["updated", [2]]]);
  assert.equal(describeChanges([user!, session!]), "1 row inserted, 1 updated, 1 deleted in User; 1 row updated in Session");
});

test("a table the run dropped has every row deleted; nothing changed says so", () => {
  const dropped = diffTables([users([["u1", "Ada"]])], []);
  assert.deepEqual(dropped.map((diff) => [diff.name, diff.deleted.length]), [["User", 1]]);
  assert.equal(describeChanges(diffTables([users([["u1", "Ada"]])], [users([["u1", "Ada"]])])), "no rows changed");
  assert.equal(describeChanges(dropped), "1 row deleted in User");
});

const query = (sql: string, luciaCall: number | null, luciaMethod: string | null = luciaCall === null ? null : "createUser"): QueryItem => ({
  sql,
  args: [],
  durationMs: 0,
  inTransaction: false,
  adapterMethod: null,
  luciaMethod,
  luciaCall,
});

/** The Queries pane's rule, applied to a whole list at once. */
function groupQueries(queries: readonly QueryItem[]): { call: number | null; title: string; queries: QueryItem[] }[] {
  const groups: { call: number | null; title: string; queries: QueryItem[] }[] = [];
  queries.forEach((item, index) => {
    if (!sameGroup(queries[index - 1], item)) groups.push({ call: item.luciaCall, title: groupTitle(item), queries: [] });
    groups.at(-1)!.queries.push(item);
  });
  return groups;
}

test("statements are grouped per Lucia call invocation, in order; statements outside any call form their own groups", () => {
  const queries = [query("SELECT 0", null), query("BEGIN", 1), query("INSERT", 1), query("INSERT", 2, "createSession"), query("SELECT", 3, "createSession"), query("SELECT 1", null), query("SELECT 2", null)];
  assert.deepEqual(
    groupQueries(queries).map((group) => [group.call, group.title, group.queries.map((item) => item.sql)]),
    [
      [null, "direct Prisma call", ["SELECT 0"]],
      [1, "createUser", ["BEGIN", "INSERT"]],
      [2, "createSession", ["INSERT"]],
      [3, "createSession", ["SELECT"]],
      [null, "direct Prisma call", ["SELECT 1", "SELECT 2"]],
    ],
  );
});

test("the steps: each call's own statements, then the end of the run with the final tables", () => {
  const queries = [query("INSERT user", 1), query("SELECT other", 2, "getUser"), query("INSERT key", 1), query("DELETE", null)];
  const record = {
    queries,
    steps: [
      { call: 2, luciaMethod: "getUser", outcome: "error" as const, statements: { first: 2, last: 2 }, tables: [] },
      { call: 1, luciaMethod: "createUser", outcome: "ok" as const, statements: { first: 1, last: 3 }, tables: [users([["u1", "Ada"]])] },
    ],
    calls: 5,
    tables: [users([])],
  };
  const steps = timelineSteps(record);
  assert.deepEqual(
    steps.map((step) => [step.title, step.outcome, step.queries.map((item) => item.sql)]),
    [
      ["getUser", "error", ["SELECT other"]],
      ["createUser", "ok", ["INSERT user", "INSERT key"]],
      ["end of run", "end", ["DELETE"]],
    ],
  );
  assert.deepEqual(steps.at(-1)!.tables, record.tables);
  assert.equal(unrecordedCalls(record), 3);
  assert.equal(timelineSteps({ queries: [], steps: [] }).length, 0, "a stopped run has no end step");
});
