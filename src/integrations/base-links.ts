import type { AstroIntegration } from "astro";
import { rehypeBaseLinks } from "../utils/rehype-base-links.ts";

/**
 * Registers `rehypeBaseLinks` with the base the site is built with. The base is only final here
 * (`astro build --base …` overrides the config file), so the plugin cannot be listed in the config.
 */
export function baseLinks(): AstroIntegration {
  return {
    name: "base-links",
    hooks: {
      "astro:config:setup": ({ config, updateConfig }) => {
        updateConfig({ markdown: { rehypePlugins: [[rehypeBaseLinks, { base: config.base }]] } });
      },
    },
  };
}
