/** The URL holds the playground's state: short for an unchanged preset, and only what changed. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { decodeState, encodeState } from "../page/url-state.ts";

const preset = { schema: "model User {\n  id String @id\n}\n", code: 'console.log("hello");\n' };
const lookup = (base: string) => (base === "default" ? preset : base === "example:examples/a.ts" ? { schema: "s", code: "c" } : undefined);
const at = (hash: string, search = "") => ({ hash, search });

describe("encodeState", () => {
  test("an unchanged preset is its name alone", async () => {
    assert.equal(await encodeState({ base: "default", ...preset }, preset), "#p=default");
  });

  test("an edit round-trips, and the unchanged part is left out", async () => {
    const code = `${preset.code}// edited ✓ with "quotes" & symbols\n`;
    const hash = await encodeState({ base: "default", schema: preset.schema, code }, preset);
    assert.match(hash, /^#p=default&z=[\w-]+$/);
    assert.deepEqual(await decodeState(at(hash), lookup), { base: "default", schema: preset.schema, code });
    const both = await encodeState({ base: "default", schema: "x", code }, preset);
    assert.ok(both.length > hash.length);
  });

  test("compresses: a long edit gives a shorter link than its text", async () => {
    const code = `${preset.code}${"await auth.validateSession(session.sessionId);\n".repeat(40)}`;
    const hash = await encodeState({ base: "default", schema: preset.schema, code }, preset);
    assert.ok(hash.length < code.length / 4, `${hash.length} characters for ${code.length}`);
  });
});

describe("decodeState", () => {
  test("names no state without a hash or an example", async () => {
    assert.equal(await decodeState(at(""), lookup), undefined);
  });

  test("opens a docs example from ?example=", async () => {
    assert.deepEqual(await decodeState(at("", "?example=examples%2Fa.ts"), lookup), { base: "example:examples/a.ts", schema: "s", code: "c" });
  });

  test("the hash wins over ?example=", async () => {
    assert.equal((await decodeState(at("#p=default", "?example=examples%2Fa.ts"), lookup))?.base, "default");
  });

  test("an unknown base names no state", async () => {
    assert.equal(await decodeState(at("#p=nope"), lookup), undefined);
  });

  test("a mangled payload opens its base instead of failing", async () => {
    assert.deepEqual(await decodeState(at("#p=default&z=not-deflate"), lookup), { base: "default", ...preset });
  });
});
