/**
 * Where an "Open in playground" link for a snippet points. The playground reads the `example`
 * parameter (a snippet's source path) and opens its adaptation of that file (see
 * `src/playground/examples.ts`). Returns null for a file the playground has no adaptation of
 * (a `db.ts`, a configuration file), so no link is rendered.
 */
export function playgroundHref(source: string, adaptedSources: readonly string[]): string | null {
  if (!adaptedSources.includes(source)) return null;
  return `/playground/?${new URLSearchParams({ example: source }).toString()}`;
}
