/**
 * The playground's Content-Security-Policy. The page carries it in a `<meta>` tag (written into
 * the built HTML by `src/integrations/playground-csp.ts`), so it holds on any server, `npm start`
 * and plain static servers included; the runner worker, started from a blob URL, inherits it.
 * What it guarantees:
 * - no `'unsafe-eval'`: strings are never evaluated as code, on the page or in the workers
 *   (`'wasm-unsafe-eval'` lets WebAssembly compile; `blob:` lets the runner import the reader's
 *   transpiled module);
 * - `connect-src 'self'`: the reader's code cannot reach another origin; such a request is refused
 *   by the browser before it leaves.
 * Inline scripts are allowed by their hashes only.
 */
export function playgroundPagePolicy(inlineScriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' blob: 'wasm-unsafe-eval'${inlineScriptHashes.map((hash) => ` '${hash}'`).join("")}`,
    // Monaco and Starlight set styles from script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * The response-header part, for static hosts (`dist/_headers`): the directives a `<meta>` tag
 * cannot carry (`frame-ancestors`) and the network limits again. It leaves `script-src` to the
 * page's own policy, which lists the hashes of its inline scripts.
 */
export const playgroundHeaderPolicy = [
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join("; ");
