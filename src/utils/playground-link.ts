/**
 * Where an "Open in playground" link for a snippet points. The playground reads the
 * `example` parameter (a snippet's source path) and opens that file in its editor.
 * Returns null while the site has no playground page, so no link is rendered. `base` is the
 * site's base path (`import.meta.env.BASE_URL`), so the link works under a sub-path too.
 */
export function playgroundHref(source: string, pagePaths: readonly string[], base = "/"): string | null {
  const hasPlayground = pagePaths.some((path) => /\/src\/pages\/playground(\/index)?\.(astro|ts|md|mdx)$/.test(path));
  if (!hasPlayground) return null;
  const folder = base.endsWith("/") ? base : `${base}/`;
  return `${folder}playground/?${new URLSearchParams({ example: source }).toString()}`;
}
