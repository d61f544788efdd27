import { fileURLToPath } from "node:url";
import { defaultClientConditions, defineConfig } from "vite";
import { clientFromSchemaVite } from "../src/vite-plugin.ts";
import { precompiledReference } from "./precompile-plugin.ts";

/** The proof page: `vite build --config browser/vite.config.ts` writes packages/client-from-schema/.browser-dist. */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  logLevel: "warn",
  // The workspace packages' TypeScript sources (see DEVELOPERS.md), no prior package build.
  resolve: { conditions: ["@lucia-prisma/source", ...defaultClientConditions] },
  plugins: [clientFromSchemaVite()],
  worker: { format: "es", plugins: () => [clientFromSchemaVite(), precompiledReference()] },
  build: {
    target: "es2022",
    outDir: fileURLToPath(new URL("../.browser-dist", import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
