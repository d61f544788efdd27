/** Console arguments as the Output pane shows them. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatConsoleArguments, inspect } from "../runner/inspect.ts";

test("strings print as they are at the top level and quoted inside values", () => {
  assert.equal(formatConsoleArguments(["signed in:", "u1", { id: "u1" }]), "signed in: u1 { id: 'u1' }");
});

test("bigints, dates, errors, maps, sets and bytes print readably", () => {
  assert.equal(inspect(9007199254740993n), "9007199254740993n");
  assert.equal(inspect(new Date(Date.UTC(2026, 0, 2))), "2026-01-02T00:00:00.000Z");
  assert.equal(inspect(new TypeError("bad")), "TypeError: bad");
  assert.equal(inspect(new Map([["a", 1]])), "Map(1) { 'a' => 1 }");
  assert.equal(inspect(new Set([1, 2])), "Set(2) { 1, 2 }");
  assert.equal(inspect(new Uint8Array([1, 2])), "Uint8Array(2) [1, 2]");
  assert.equal(inspect([undefined, null, () => {}]), "[undefined, null, [Function (anonymous)]]");
});

test("long objects break over lines; cycles do not loop", () => {
  const session = { sessionId: "0uwsfz3sgjhayd6amvehp2u9befkdjufrphh3ys5", user: { userId: "esxwerov9z09no6" }, state: "active", fresh: true };
  assert.equal(inspect(session), "{\n  sessionId: '0uwsfz3sgjhayd6amvehp2u9befkdjufrphh3ys5',\n  user: { userId: 'esxwerov9z09no6' },\n  state: 'active',\n  fresh: true\n}");
  const cycle: Record<string, unknown> = { name: "a" };
  cycle["self"] = cycle;
  assert.equal(inspect(cycle), "{ name: 'a', self: [Circular] }");
});
