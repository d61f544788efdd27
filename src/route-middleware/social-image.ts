import { defineRouteMiddleware } from "@astrojs/starlight/route-data";

/**
 * The social card's absolute URL, from the site and base the build was given
 * (`astro build --site … --base …`), not from a URL written in the config.
 */
export const onRequest = defineRouteMiddleware((context) => {
  const base = import.meta.env.BASE_URL.endsWith("/") ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  const image = new URL(`${base}social.png`, context.site ?? context.url).href;
  context.locals.starlightRoute.head.push(
    { tag: "meta", attrs: { property: "og:image", content: image } },
    { tag: "meta", attrs: { name: "twitter:image", content: image } },
  );
});
