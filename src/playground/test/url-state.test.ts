/** The URL holds the playground's state: short for an unchanged preset, and only what changed. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { decodeState, encodeState, maxLinkText, oversizedLinkNotice } from "../engine/url-state.ts";

const preset = { schema: "model User {\n  id String @id\n}\n", code: 'console.log("hello");\n', database: "sqlite" as const };
const example = { schema: "s", code: "c", database: "postgresql" as const };
const lookup = (base: string) => (base === "default" ? preset : base === "example:examples/a.ts" ? example : undefined);
const at = (hash: string, search = "") => ({ hash, search });

describe("encodeState", () => {
  test("an unchanged preset is its name alone", async () => {
    assert.equal(await encodeState({ base: "default", ...preset }, preset), "#p=default");
  });

  test("a database other than the base's is named, and round-trips with an edit", async () => {
    assert.equal(await encodeState({ ...preset, base: "default", database: "postgresql" }, preset), "#p=default&db=postgresql");
    const edited = { ...preset, base: "default", database: "compare" as const, code: "// edited\n" };
    const hash = await encodeState(edited, preset);
    assert.match(hash, /^#p=default&db=compare&z=[\w-]+$/);
    assert.deepEqual(await decodeState(at(hash), lookup), edited);
  });

  test("an edit round-trips, and the unchanged part is left out", async () => {
    const code = `${preset.code}// edited ✓ with "quotes" & symbols\n`;
    const hash = await encodeState({ ...preset, base: "default", code }, preset);
    assert.match(hash, /^#p=default&z=[\w-]+$/);
    assert.deepEqual(await decodeState(at(hash), lookup), { ...preset, base: "default", code });
    const both = await encodeState({ ...preset, base: "default", schema: "x", code }, preset);
    assert.ok(both.length > hash.length);
  });

  test("compresses: a long edit gives a shorter link than its text", async () => {
    const code = `${preset.code}${"await auth.validateSession(session.sessionId);\n".repeat(40)}`;
    const hash = await encodeState({ ...preset, base: "default", code }, preset);
    assert.ok(hash.length < code.length / 4, `${hash.length} characters for ${code.length}`);
  });
});

describe("decodeState", () => {
  test("names no state without a hash or an example", async () => {
    assert.equal(await decodeState(at(""), lookup), undefined);
  });

  test("opens a docs example from ?example=", async () => {
    assert.deepEqual(await decodeState(at("", "?example=examples%2Fa.ts"), lookup), { base: "example:examples/a.ts", ...example });
  });

  test("the hash wins over ?example=", async () => {
    assert.equal((await decodeState(at("#p=default", "?example=examples%2Fa.ts"), lookup))?.base, "default");
  });

  test("an unknown base names no state", async () => {
    assert.equal(await decodeState(at("#p=nope"), lookup), undefined);
  });

  test("an unknown database is ignored: the base's is used", async () => {
    assert.equal((await decodeState(at("#p=default&db=mysql"), lookup))?.database, "sqlite");
  });

  test("a mangled payload opens its base instead of failing", async () => {
    assert.deepEqual(await decodeState(at("#p=default&z=not-deflate"), lookup), { base: "default", ...preset });
  });
});

describe("a link that inflates past the limit", () => {
  test("opens its base with a notice, without inflating it all", async () => {
    const { deflateRawSync } = await import("node:zlib");
    const payload = deflateRawSync(Buffer.from(JSON.stringify({ c: "x".repeat(50_000_000) }))).toString("base64url");
    const decoded = await decodeState(at(`#p=default&z=${payload}`), lookup);
    assert.deepEqual(decoded, { base: "default", ...preset, notice: oversizedLinkNotice });
  });

  test("one just under it opens in full", async () => {
    const code = "y".repeat(maxLinkText - 20);
    const decoded = await decodeState(at(await encodeState({ ...preset, base: "default", code }, preset)), lookup);
    assert.equal(decoded?.code, code);
    assert.equal(decoded?.notice, undefined);
  });
});
