import { defineRouteMiddleware } from "@astrojs/starlight/route-data";
import { withBase } from "../utils/rehype-base-links.ts";

/**
 * Hero buttons come from frontmatter (`hero.actions[].link: /reference/`), which neither Starlight
 * nor the rehype step rewrites: prefix them with the base the site is built with.
 */
export const onRequest = defineRouteMiddleware((context) => {
  for (const action of context.locals.starlightRoute.entry.data.hero?.actions ?? []) {
    action.link = withBase(action.link, import.meta.env.BASE_URL);
  }
});
