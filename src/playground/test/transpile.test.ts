/** The reader's TypeScript becomes a module whose lines are the reader's lines. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readerPosition, transpile } from "../transpile.ts";

describe("transpile", () => {
  test("keeps every statement on its line, with imports as require calls and top-level await", () => {
    const source = ['import { lucia } from "lucia";', "type Id = string;", "const id: Id = await Promise.resolve(\"a\");", "throw new Error(lucia.name + id);"].join("\n");
    const result = transpile(source);
    assert.ok(result.ok);
    const lines = result.javascript.split("\n");
    assert.match(lines[0]!, /^export default async function main\(require, exports, module\) \{.*require\('lucia'\)/);
    assert.match(lines[2]!, /await Promise\.resolve\("a"\)/);
    assert.match(lines[3]!, /throw new Error\(_lucia\.lucia\.name \+ id\)/);
  });

  test("reports a syntax error with its line and column", () => {
    const result = transpile("const a = 1;\nconst = 2;\n");
    assert.ok(!result.ok);
    assert.equal(result.line, 2);
    assert.equal(typeof result.column, "number");
    assert.doesNotMatch(result.message, /\(\d+:\d+\)$/);
  });
});

describe("readerPosition", () => {
  const url = "blob:http://127.0.0.1:4321/1f0c";
  test("takes the first frame in the reader's module", () => {
    const stack = `Error: x\n    at helper (http://127.0.0.1:4321/_astro/worker.js:1:200)\n    at main (${url}:7:11)\n    at ${url}:9:1`;
    assert.deepEqual(readerPosition(stack, url), { line: 7, column: 11 });
  });

  test("line 1 subtracts the wrapper", () => {
    const column = "export default async function main(require, exports, module) {".length + 5;
    assert.deepEqual(readerPosition(`Error\n    at main (${url}:1:${column})`, url), { line: 1, column: 5 });
  });

  test("is undefined when no frame is the reader's", () => {
    assert.equal(readerPosition("Error\n    at x (http://a/b.js:1:1)", url), undefined);
  });
});
