/** Which Lucia call and adapter method a statement belongs to. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { CallTracker } from "../runner/call-tracker.ts";

test("labels with the outermost Lucia call and the innermost adapter method, while they run", async () => {
  const tracker = new CallTracker();
  const seen: (string | null)[][] = [];
  const adapter = tracker.instrument(
    {
      getSessionAndUser: async () => {
        await Promise.resolve();
        seen.push([tracker.luciaMethod, tracker.adapterMethod]);
      },
    },
    "adapter",
  );
  const auth = tracker.instrument(
    {
      validateSession: async () => auth.getSession(),
      getSession: async () => adapter.getSessionAndUser(),
    },
    "lucia",
    ["validateSession", "getSession"],
  );
  await auth.validateSession();
  assert.deepEqual(seen, [["validateSession", "getSessionAndUser"]]);
  assert.deepEqual([tracker.luciaMethod, tracker.adapterMethod], [null, null]);
});

test("a call that throws is no longer running", async () => {
  const tracker = new CallTracker();
  const adapter = tracker.instrument({ setUser: async () => Promise.reject(new Error("no")), deleteUser: () => { throw new Error("sync"); } }, "adapter");
  await assert.rejects(adapter.setUser(), /no/);
  assert.throws(() => adapter.deleteUser(), /sync/);
  assert.equal(tracker.adapterMethod, null);
});
