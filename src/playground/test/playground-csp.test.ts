/** The playground's Content-Security-Policy, written into its page with the hashes of its inline scripts. */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { inlineScriptHashes, withContentSecurityPolicy } from "../../integrations/playground-csp.ts";

const page = `<!DOCTYPE html><html><head><meta charset="utf-8"/><title>t</title><script>window.a = 1;</script><script type="module" src="/x.js"></script><script type="application/ld+json">{}</script></head><body><script>b()</script></body></html>`;
const sha = (text: string) => `sha256-${createHash("sha256").update(text).digest("base64")}`;

test("hashes each inline script, not external ones or data blocks", () => {
  assert.deepEqual(inlineScriptHashes(page), [sha("window.a = 1;"), sha("b()")]);
});

test("puts the policy right after the charset, with the hashes, and never 'unsafe-eval'", () => {
  const html = withContentSecurityPolicy(page);
  const meta = /<meta charset="utf-8"\/><meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(meta, html);
  const policy = meta[1]!;
  assert.match(policy, /connect-src 'self'/);
  assert.match(policy, new RegExp(`script-src 'self' blob: 'wasm-unsafe-eval' '${sha("window.a = 1;").replaceAll("+", "\\+")}'`));
  assert.doesNotMatch(policy, /unsafe-eval'(?<!wasm-unsafe-eval')/);
  assert.doesNotMatch(policy, /'unsafe-eval'/);
});

test("refuses a page without a charset, rather than placing the policy where it would not apply", () => {
  assert.throws(() => withContentSecurityPolicy("<html><head><title>x</title></head></html>"), /meta charset/);
});
