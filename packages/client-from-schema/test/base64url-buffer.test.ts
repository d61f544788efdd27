import assert from "node:assert/strict";
import { test } from "node:test";
import { Buffer as Base64UrlBuffer } from "../src/base64url-buffer.ts";

test("the browser stand-in encodes and decodes base64url exactly as Node's Buffer does", () => {
  for (const length of [0, 1, 2, 3, 4, 5, 255, 70_000]) {
    const bytes = Uint8Array.from({ length }, (_, index) => (index * 7919) % 256);
    const slice = { offset: length > 3 ? 2 : 0, length: length > 3 ? length - 3 : length };
    const expected = Buffer.from(bytes.buffer, slice.offset, slice.length).toString("base64url");
    assert.equal(Base64UrlBuffer.from(bytes.buffer, slice.offset, slice.length).toString("base64url"), expected);
    assert.deepEqual([...Base64UrlBuffer.from(expected, "base64url")], [...Buffer.from(expected, "base64url")]);
  }
});
