// @ts-check
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import { rehypeFocusableTables } from "./src/utils/rehype-focusable-tables.ts";
import { clientFromSchemaVite } from "@lucia-prisma/client-from-schema/vite";
import { tsImport } from "tsx/esm/api";

// Loaded by Node itself rather than by Astro's config loader: the plugin imports Prisma's wasm
// packages while the build runs, after that loader has closed.
/** @type {typeof import("./src/playground/build/precompile-plugin.ts")} */
const { playgroundPrecompile } = await tsImport("./src/playground/build/precompile-plugin.ts", import.meta.url);
/** @type {typeof import("./src/integrations/playground-csp.ts")} */
const { playgroundContentSecurityPolicy } = await tsImport("./src/integrations/playground-csp.ts", import.meta.url);

const site = "http://localhost:4321";

export default defineConfig({
  site,
  markdown: { rehypePlugins: [rehypeFocusableTables] },
  // The playground: Prisma's wasm as assets, its presets compiled at build time, ES module workers.
  vite: {
    plugins: [clientFromSchemaVite(), playgroundPrecompile()],
    worker: {
      format: "es",
      plugins: () => [clientFromSchemaVite(), playgroundPrecompile()],
      // The page's asset names, so a wasm file both load is one file, fetched once.
      rollupOptions: { output: { assetFileNames: "_astro/[name].[hash][extname]" } },
    },
    build: { target: "es2022", assetsInlineLimit: 0 },
  },
  integrations: [
    playgroundContentSecurityPolicy(),
    starlight({
      title: "Lucia Prisma adapter",
      description:
        "Reference and guides for the Prisma adapter of Lucia v2: both call forms, the schema for SQLite, PostgreSQL and MySQL, errors and the SQL each operation runs.",
      favicon: "/favicon.svg",
      logo: { src: "./src/assets/logo.svg", alt: "" },
      head: [
        { tag: "meta", attrs: { property: "og:image", content: `${site}/social.png` } },
        { tag: "meta", attrs: { property: "og:image:width", content: "1200" } },
        { tag: "meta", attrs: { property: "og:image:height", content: "630" } },
        { tag: "meta", attrs: { name: "twitter:image", content: `${site}/social.png` } },
        // Starlight puts both sidebars before <main> in the document. A first paint while the
        // HTML is still streaming laid them out without the main column, then moved them
        // (a layout shift of up to 0.42 on some cold loads). Wait for the page title instead.
        { tag: "link", attrs: { rel: "expect", href: "#_top", blocking: "render" } },
      ],
      customCss: ["./src/styles/site.css"],
      lastUpdated: true,
      // Docs live in the top-level content/docs, so Starlight's own git lookup (which
      // only scans src/content/docs) finds nothing; this middleware fills the date in.
      routeMiddleware: "./src/route-middleware/last-updated.ts",
      markdown: { processedDirs: ["./content/docs"] },
      sidebar: [
        {
          label: "Start here",
          items: [
            { label: "Overview", link: "/" },
            { label: "Quick start", slug: "quick-start" },
            { label: "Playground", link: "/playground/" },
          ],
        },
        {
          label: "Reference",
          items: [
            { label: "prisma()", slug: "reference" },
            { label: "Prisma schema", slug: "schema" },
            { label: "Errors", slug: "errors" },
            { label: "What runs in the database", slug: "queries" },
          ],
        },
        {
          label: "Guides",
          items: [
            { label: "Set up Prisma 7", slug: "guides/prisma-7" },
            { label: "Custom model names", slug: "guides/custom-model-names" },
            { label: "User and session attributes", slug: "guides/attributes" },
            { label: "Moving from 3.0.x", slug: "guides/migrating-from-3" },
          ],
        },
      ],
    }),
  ],
});
