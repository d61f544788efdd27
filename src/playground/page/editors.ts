/**
 * The two Monaco editors, "Prisma schema" and "Code". The code editor starts with TypeScript
 * highlighting only; `enableTypeScript()` (called once the page is interactive) loads Monaco's
 * TypeScript worker with the types of lucia, the adapter and the client of the current schema.
 */
import * as monaco from "monaco-editor/editor/editor.api";
import "monaco-editor/languages/definitions/typescript/register";
import "monaco-editor/languages/definitions/sql/register";
import { conf as typescriptConf, language as typescriptGrammar } from "monaco-editor/languages/definitions/typescript/typescript";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TypeScriptWorker from "monaco-editor/languages/features/typescript/ts.worker?worker";
import { registerPrismaLanguage, prismaLanguageId } from "./prisma-language.ts";
import type { ToolsClient } from "./tools-client.ts";

export { monaco };

Reflect.set(self, "MonacoEnvironment", {
  getWorker: (_workerId: string, label: string) => (label === "typescript" || label === "javascript" ? new TypeScriptWorker() : new EditorWorker()),
});

/** TypeScript's grammar under another id, so highlighting works before the TypeScript service loads. */
const previewLanguageId = "typescript-preview";

export interface Editors {
  schema: monaco.editor.IStandaloneCodeEditor;
  code: monaco.editor.IStandaloneCodeEditor;
  schemaModel: monaco.editor.ITextModel;
  codeModel: monaco.editor.ITextModel;
}

export function createEditors(elements: { schema: HTMLElement; code: HTMLElement }, initial: { schema: string; code: string }, tools: ToolsClient): Editors {
  registerPrismaLanguage(monaco, tools);
  monaco.languages.register({ id: previewLanguageId });
  monaco.languages.setMonarchTokensProvider(previewLanguageId, typescriptGrammar);
  monaco.languages.setLanguageConfiguration(previewLanguageId, typescriptConf);
  defineThemes();
  monaco.editor.setTheme(currentTheme());
  new MutationObserver(() => monaco.editor.setTheme(currentTheme())).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });

  const schemaModel = monaco.editor.createModel(initial.schema, prismaLanguageId, monaco.Uri.parse("file:///schema.prisma"));
  const codeModel = monaco.editor.createModel(initial.code, previewLanguageId, monaco.Uri.parse("file:///playground.ts"));
  const options: monaco.editor.IStandaloneEditorConstructionOptions = {
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    lineNumbersMinChars: 3,
    scrollBeyondLastLine: false,
    tabSize: 2,
    fixedOverflowWidgets: true,
    renderLineHighlightOnlyWhenFocus: true,
  };
  const schema = monaco.editor.create(elements.schema, { ...options, model: schemaModel, ariaLabel: "Prisma schema" });
  const code = monaco.editor.create(elements.code, { ...options, model: codeModel, ariaLabel: "Code" });
  return { schema, code, schemaModel, codeModel };
}

let typeScriptEnabled: Promise<void> | undefined;

/** Loads the TypeScript service for the code editor (once): completions, hovers, type errors. */
export function enableTypeScript(editors: Editors, clientTypes: string): Promise<void> {
  typeScriptEnabled ??= (async () => {
    const [{ typescriptDefaults }, { default: libs }] = await Promise.all([
      import("monaco-editor/languages/features/typescript/register"),
      import("virtual:playground/type-libs"),
    ]);
    typescriptDefaults.setCompilerOptions({
      target: 99,
      module: 99,
      moduleResolution: 2,
      strict: true,
      noEmit: true,
      allowImportingTsExtensions: true,
      skipLibCheck: true,
      lib: ["es2022", "webworker"],
    });
    typescriptDefaults.setExtraLibs([
      ...libs.map((lib) => ({ filePath: `file:///${lib.path}`, content: lib.content })),
      { filePath: "file:///node_modules/lucia/package.json", content: luciaPackageJson },
      { filePath: "file:///node_modules/@lucia-auth/adapter-prisma/package.json", content: JSON.stringify({ name: "@lucia-auth/adapter-prisma", types: "src/index.ts" }) },
      { filePath: "file:///playground-env.d.ts", content: environmentTypes },
    ]);
    setClientTypes(clientTypes);
    monaco.editor.setModelLanguage(editors.codeModel, "typescript");
  })();
  return typeScriptEnabled;
}

let clientTypesLib: monaco.IDisposable | undefined;

/** The types of `@prisma/client` in the code editor: the client of the schema that last compiled. */
export function setClientTypes(clientTypes: string): void {
  void import("monaco-editor/languages/features/typescript/register").then(({ typescriptDefaults }) => {
    clientTypesLib?.dispose();
    clientTypesLib = typescriptDefaults.addExtraLib(`${clientTypes}\n${clientAdditions}`, "file:///node_modules/@prisma/client/index.d.ts");
  });
}

const luciaPackageJson = JSON.stringify({
  name: "lucia",
  types: "dist/index.d.ts",
  typesVersions: { "*": { middleware: ["dist/middleware/index.d.ts"], utils: ["dist/utils/index.d.ts"] } },
});

/** What the playground's `@prisma/client` adds to the schema's client types. */
const clientAdditions = `export declare const PrismaClient: {
  new (options?: { log?: ("query" | "info" | "warn" | "error")[] }): PrismaClient;
};
export declare namespace Prisma {
  class PrismaClientKnownRequestError extends Error { code: string; meta?: Record<string, unknown>; clientVersion: string }
  class PrismaClientUnknownRequestError extends Error { clientVersion: string }
  class PrismaClientValidationError extends Error { clientVersion: string }
  class PrismaClientInitializationError extends Error { clientVersion: string }
}
`;

/** Lucia's global types as an app declares them (here loosely: any attributes are allowed). */
const environmentTypes = `declare namespace Lucia {
  type Auth = import("lucia").Auth;
  type DatabaseUserAttributes = Record<string, any>;
  type DatabaseSessionAttributes = Record<string, any>;
}
declare const process: { env: Record<string, string | undefined> };
`;

function currentTheme(): string {
  return document.documentElement.dataset["theme"] === "light" ? "playground-light" : "playground-dark";
}

function defineThemes(): void {
  const rules = (dark: boolean): monaco.editor.ITokenThemeRule[] => [
    { token: "annotation", foreground: dark ? "c586c0" : "af00db" },
    { token: "type.identifier", foreground: dark ? "4ec9b0" : "267f99" },
  ];
  monaco.editor.defineTheme("playground-light", { base: "vs", inherit: true, rules: rules(false), colors: {} });
  monaco.editor.defineTheme("playground-dark", { base: "vs-dark", inherit: true, rules: rules(true), colors: { "editor.background": "#17181c" } });
}
