/**
 * The Content-Security-Policy the playground relies on, as a response header for static hosts
 * (`dist/_headers`). The page also carries its own policy in a `<meta>` tag, so the guarantees
 * (no network beyond the page's origin for user code, no eval) hold on any server; the header
 * adds the directives a `<meta>` tag cannot carry (`frame-ancestors`).
 *
 * It leaves `script-src` to the page's own policy, which lists the hashes of its inline scripts.
 */
export const playgroundHeaderPolicy = [
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join("; ");
