import type { AstroIntegration } from "astro";
import { defaultClientConditions, defaultServerConditions } from "vite";

/**
 * The workspace packages export their TypeScript sources under this condition beside dist/
 * (see DEVELOPERS.md); the site bundles the sources, so it never needs a prior package build.
 */
export const sourceCondition = "@lucia-prisma/source";

export function workspaceSources(): AstroIntegration {
  return {
    name: "workspace-sources",
    hooks: {
      "astro:config:setup": ({ updateConfig }) => {
        updateConfig({
          vite: {
            resolve: { conditions: [sourceCondition, ...defaultClientConditions] },
            ssr: { resolve: { conditions: [sourceCondition, ...defaultServerConditions] } },
          },
        });
      },
    },
  };
}
