// @ts-check
import { register } from "node:module";
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import starlightLlmsTxt from "starlight-llms-txt";
import { rehypeFocusableTables } from "./src/utils/rehype-focusable-tables.ts";
import { tsImport } from "tsx/esm/api";
import { baseLinks } from "./src/integrations/base-links.ts";
import { staticHostFiles } from "./src/integrations/static-host-files.ts";
import { workspaceSources } from "./src/integrations/workspace-sources.ts";

// Workspace packages export dist/ to strangers. Modules this config loads through Node (`await
// import()`, tsx's `tsImport`) resolve them to their sources with these hooks; Vite's own config
// loader cannot, so import them here by source path or dynamically, never by package name statically.
register("./src/integrations/source-condition-hooks.mjs", import.meta.url);

// The playground's build-time modules are loaded by Node itself (after the hooks above) rather
// than by Astro's config loader: they import Prisma's wasm packages while the build runs, after
// that loader has closed.
/** @type {typeof import("@lucia-prisma/client-from-schema/vite")} */
const { clientFromSchemaVite } = await tsImport("@lucia-prisma/client-from-schema/vite", import.meta.url);
/** @type {typeof import("./src/playground/build/precompile-plugin.ts")} */
const { playgroundPrecompile } = await tsImport("./src/playground/build/precompile-plugin.ts", import.meta.url);
/** @type {typeof import("./src/integrations/playground-csp.ts")} */
const { playgroundContentSecurityPolicy } = await tsImport("./src/integrations/playground-csp.ts", import.meta.url);

/**
 * The code worker is built as one file (its dynamic imports inlined): the page starts every run's
 * worker from a blob of its text, where relative imports would not resolve. Only that worker:
 * inlining breaks the CommonJS interop of prisma-schema-wasm in the tools worker.
 * @returns {import("vite").Plugin}
 */
function codeWorkerInOneFile() {
  let isCodeWorker = false;
  return {
    name: "playground-code-worker-in-one-file",
    options(options) {
      isCodeWorker = JSON.stringify(options.input ?? "").includes("src/playground/runner/worker.ts");
    },
    outputOptions(output) {
      return isCodeWorker ? { ...output, inlineDynamicImports: true } : output;
    },
  };
}

/**
 * Monaco's stylesheets arrive with Monaco: each CSS file it imports becomes a module that adds a
 * <style> when the editors load. As plain CSS imports, Astro would link all 175 KB of it from
 * the page's head (it follows dynamic imports), holding the first paint for an editor that
 * mounts later.
 * @returns {import("vite").Plugin}
 */
function monacoStylesWithMonaco() {
  const prefix = "\0monaco-style:";
  return {
    name: "playground-monaco-styles-with-monaco",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!source.endsWith(".css") || importer === undefined || !importer.includes("/monaco-editor/")) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      // Not ending in .css: Vite's CSS plugin must leave this module alone.
      return resolved === null ? null : `${prefix}${resolved.id}.js`;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const file = id.slice(prefix.length, -".js".length);
      return [
        `import css from ${JSON.stringify(`${file}?inline`)};`,
        "const style = document.createElement(\"style\");",
        "style.textContent = css;",
        "document.head.append(style);",
      ].join("\n");
    },
  };
}

export default defineConfig({
  // `astro build --site https://… --base /sub/` overrides both; every URL the site writes follows them.
  site: "http://localhost:4321",
  markdown: { rehypePlugins: [rehypeFocusableTables] },
  // The playground: Prisma's wasm as assets, its presets compiled at build time, ES module workers.
  vite: {
    plugins: [clientFromSchemaVite(), playgroundPrecompile(), monacoStylesWithMonaco()],
    worker: {
      format: "es",
      plugins: () => [clientFromSchemaVite(), playgroundPrecompile(), codeWorkerInOneFile()],
      // The page's asset names, so a wasm file both load is one file, fetched once.
      rollupOptions: { output: { assetFileNames: "_astro/[name].[hash][extname]" } },
    },
    build: { target: "es2022", assetsInlineLimit: 0 },
  },
  integrations: [
    workspaceSources(),
    baseLinks(),
    playgroundContentSecurityPolicy(),
    starlight({
      title: "Lucia Prisma adapter",
      description:
        "Reference and guides for the Prisma adapter of Lucia v2: both call forms, the schema for SQLite, PostgreSQL and MySQL, errors and the SQL each operation runs.",
      favicon: "/favicon.svg",
      logo: { src: "./src/assets/logo.svg", alt: "" },
      // og:image and twitter:image are absolute URLs: src/route-middleware/social-image.ts.
      head: [
        { tag: "meta", attrs: { property: "og:image:width", content: "1200" } },
        { tag: "meta", attrs: { property: "og:image:height", content: "630" } },
        // Starlight puts both sidebars before <main> in the document. A first paint while the
        // HTML is still streaming laid them out without the main column, then moved them
        // (a layout shift of up to 0.42 on some cold loads). Wait for the page title instead.
        { tag: "link", attrs: { rel: "expect", href: "#_top", blocking: "render" } },
      ],
      customCss: ["./src/styles/site.css"],
      lastUpdated: true,
      // Docs live in the top-level content/docs, so Starlight's own git lookup (which
      // only scans src/content/docs) finds nothing; this middleware fills the date in.
      routeMiddleware: ["./src/route-middleware/last-updated.ts", "./src/route-middleware/social-image.ts", "./src/route-middleware/hero-links.ts"],
      plugins: [starlightLlmsTxt({ exclude: ["404"], demote: ["404"] })],
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
            { label: "Check your schema", slug: "check-schema" },
            { label: "Errors", slug: "errors" },
            { label: "What runs in the database", slug: "queries" },
            { label: "Terms", slug: "terms" },
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
    staticHostFiles(),
  ],
});
