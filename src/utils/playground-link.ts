/**
 * Where an "Open in playground" link for a snippet points. The playground reads the
 * `example` parameter (a snippet's source path) and opens that file in its editor.
 * Returns null while the site has no playground page, so no link is rendered.
 */
export function playgroundHref(source: string, pagePaths: readonly string[]): string | null {
  const hasPlayground = pagePaths.some((path) => /\/src\/pages\/playground(\/index)?\.(astro|ts|md|mdx)$/.test(path));
  if (!hasPlayground) return null;
  return `/playground/?${new URLSearchParams({ example: source }).toString()}`;
}
