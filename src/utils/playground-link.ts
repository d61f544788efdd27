/**
 * Where an "Open in playground" link for a snippet points. The playground reads the `example`
 * parameter (a snippet's source path) and opens its adaptation of that file (see
 * `src/playground/examples.ts`). Returns null for a file the playground has no adaptation of
 * (a `db.ts`, a configuration file), so no link is rendered. `base` is the site's base path
 * (`import.meta.env.BASE_URL`), so the link works under a sub-path too.
 */
export function playgroundHref(source: string, adaptedSources: readonly string[], base = "/"): string | null {
  if (!adaptedSources.includes(source)) return null;
  const folder = base.endsWith("/") ? base : `${base}/`;
  return `${folder}playground/?${new URLSearchParams({ example: source }).toString()}`;
}
