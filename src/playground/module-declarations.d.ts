declare module "virtual:playground/precompiled" {
  const precompiled: import("./build/precompile-plugin.ts").Precompiled;
  export default precompiled;
}
declare module "virtual:playground/type-libs" {
  const libs: import("./build/precompile-plugin.ts").TypeLib[];
  export default libs;
}
/** The URL of a freshly initialised PostgreSQL cluster, PGlite's gzipped data-dir tarball. */
declare module "virtual:playground/postgresql-snapshot" {
  const url: string;
  export default url;
}
declare module "monaco-editor/languages/definitions/typescript/typescript" {
  import type { languages } from "monaco-editor/editor/editor.api";
  export const conf: languages.LanguageConfiguration;
  export const language: languages.IMonarchLanguage;
}
// Monaco's editor contributions, imported for their side effects only.
declare module "monaco-editor/editor/contrib/*";
