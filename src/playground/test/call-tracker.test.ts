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

test("numbers each outermost Lucia call; Lucia calling itself is part of the call, and onSettled is awaited", async () => {
  const settled: string[] = [];
  const tracker = new CallTracker({
    calledByReader: () => false,
    onSettled: async ({ call, luciaMethod, outcome }) => {
      await Promise.resolve();
      settled.push(`${call} ${luciaMethod} ${outcome}`);
    },
  });
  const seen: (number | null)[] = [];
  const auth = tracker.instrument(
    {
      validateSession: async () => {
        seen.push(tracker.luciaCall);
        await auth.getSession();
      },
      getSession: async () => {
        seen.push(tracker.luciaCall);
      },
      getUser: async () => Promise.reject(new Error("AUTH_INVALID_USER_ID")),
    },
    "lucia",
  );
  await auth.validateSession();
  assert.deepEqual(settled, ["1 validateSession ok"], "the call's promise settles once onSettled is done");
  await assert.rejects(auth.getUser(), /AUTH_INVALID_USER_ID/);
  assert.deepEqual(settled, ["1 validateSession ok", "2 getUser error"]);
  assert.deepEqual(seen, [1, 1]);
  assert.equal(tracker.calls, 2);
  assert.equal(tracker.luciaCall, null);
});

test("calls the reader makes side by side (Promise.all) are each a call of their own", async () => {
  const settled: number[] = [];
  // As the worker does: the direct caller (the stack's second frame) is the reader's code, here `readerCode`.
  const tracker = new CallTracker({
    calledByReader: (stack) => stack?.split("\n").filter((line) => line.trimStart().startsWith("at "))[1]?.includes("readerCode") ?? false,
    onSettled: ({ call }) => void settled.push(call),
  });
  const auth = tracker.instrument(
    {
      createSession: async () => {
        // Lucia's own nested call, made synchronously inside the outer one.
        await auth.getUser();
      },
      getUser: async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
      },
    },
    "lucia",
  );
  async function readerCode() {
    await Promise.all([auth.createSession(), auth.createSession()]);
  }
  await readerCode();
  assert.equal(tracker.calls, 2, "the nested getUser calls are not counted");
  assert.deepEqual(settled.sort(), [1, 2]);
});
