/**
 * The two Monaco editors, "Prisma schema" and "Code". The code editor starts with TypeScript
 * highlighting only; `enableTypeScript()` (called once the page is interactive) loads Monaco's
 * TypeScript worker with the types of lucia, the adapter and the client of the current schema.
 */
import * as monaco from "monaco-editor/editor/editor.api";
// The editor's features, chosen from what editor.main would load: what a code editor is
// expected to do, without the rest (diff editor, GPU rendering, inlay hints, …).
import "monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching";
import "monaco-editor/editor/contrib/clipboard/browser/clipboard";
import "monaco-editor/editor/contrib/codeAction/browser/codeActionContributions";
import "monaco-editor/editor/contrib/comment/browser/comment";
import "monaco-editor/editor/contrib/contextmenu/browser/contextmenu";
import "monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo";
import "monaco-editor/editor/contrib/find/browser/findController";
import "monaco-editor/editor/contrib/folding/browser/folding";
import "monaco-editor/editor/contrib/format/browser/formatActions";
import "monaco-editor/editor/contrib/gotoError/browser/gotoError";
import "monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands";
import "monaco-editor/editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition";
import "monaco-editor/editor/contrib/hover/browser/hoverContribution";
import "monaco-editor/editor/contrib/indentation/browser/indentation";
import "monaco-editor/editor/contrib/linesOperations/browser/linesOperations";
import "monaco-editor/editor/contrib/multicursor/browser/multicursor";
import "monaco-editor/editor/contrib/parameterHints/browser/parameterHints";
import "monaco-editor/editor/contrib/rename/browser/rename";
import "monaco-editor/editor/contrib/snippet/browser/snippetController2";
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode";
import "monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter";
import "monaco-editor/editor/contrib/wordOperations/browser/wordOperations";
import "monaco-editor/languages/definitions/typescript/register";
import "monaco-editor/languages/definitions/sql/register";
import { conf as typescriptConf, language as typescriptGrammar } from "monaco-editor/languages/definitions/typescript/typescript";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TypeScriptWorker from "monaco-editor/languages/features/typescript/ts.worker?worker";
import { clientTypesPath, codeCompilerOptions, environmentTypes, environmentTypesPath, packageManifests, prismaClientModule } from "../editor-types.ts";
import { registerPrismaLanguage, prismaLanguageId } from "./prisma-language.ts";
import type { ToolsClient } from "./tools-client.ts";

export { monaco };

Reflect.set(self, "MonacoEnvironment", {
  getWorker: (_workerId: string, label: string) => (label === "typescript" || label === "javascript" ? new TypeScriptWorker() : new EditorWorker()),
});

// Monaco cancels its own pending requests (code actions, hovers) when the text changes, and some
// of those promises reject with a "Canceled" error nobody awaits. It is not a failure.
self.addEventListener("unhandledrejection", (event) => {
  if (event.reason instanceof Error && event.reason.name === "Canceled") event.preventDefault();
});

/** TypeScript's grammar under another id, so highlighting works before the TypeScript service loads. */
export const previewCodeLanguageId = "typescript-preview";

export interface Editors {
  schema: monaco.editor.IStandaloneCodeEditor;
  code: monaco.editor.IStandaloneCodeEditor;
  schemaModel: monaco.editor.ITextModel;
  codeModel: monaco.editor.ITextModel;
}

export function createEditors(elements: { schema: HTMLElement; code: HTMLElement }, initial: { schema: string; code: string }, tools: ToolsClient): Editors {
  registerPrismaLanguage(monaco, tools);
  monaco.languages.register({ id: previewCodeLanguageId });
  monaco.languages.setMonarchTokensProvider(previewCodeLanguageId, typescriptGrammar);
  monaco.languages.setLanguageConfiguration(previewCodeLanguageId, typescriptConf);
  defineThemes();
  monaco.editor.setTheme(currentTheme());
  new MutationObserver(() => monaco.editor.setTheme(currentTheme())).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });

  const schemaModel = monaco.editor.createModel(initial.schema, prismaLanguageId, monaco.Uri.parse("file:///schema.prisma"));
  const codeModel = monaco.editor.createModel(initial.code, previewCodeLanguageId, monaco.Uri.parse("file:///playground.ts"));
  const options: monaco.editor.IStandaloneEditorConstructionOptions = {
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    lineHeight: 19,
    // The previews' font (playground.css), so the text stays where it was when Monaco mounts.
    fontFamily: getComputedStyle(elements.schema).getPropertyValue("--pg-code-font").trim() || undefined,
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
    const [{ typescriptDefaults, getTypeScriptWorker }, { default: libs }] = await Promise.all([
      import("monaco-editor/languages/features/typescript/register"),
      import("virtual:playground/type-libs"),
    ]);
    typescriptDefaults.setCompilerOptions(codeCompilerOptions);
    typescriptDefaults.setExtraLibs(
      [...libs, ...packageManifests, { path: environmentTypesPath, content: environmentTypes }].map((lib) => ({ filePath: `file:///${lib.path}`, content: lib.content })),
    );
    setClientTypes(clientTypes);
    monaco.editor.setModelLanguage(editors.codeModel, "typescript");
    // Monaco sets the service up asynchronously once a model takes the language, and says "not
    // registered" until then. One round trip afterwards, and the TypeScript worker has loaded.
    for (let attempt = 1; ; attempt++) {
      try {
        await (await getTypeScriptWorker())(editors.codeModel.uri);
        break;
      } catch (error) {
        if (attempt === 200) throw error;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  })();
  return typeScriptEnabled;
}

let clientTypesLib: monaco.IDisposable | undefined;

/** The types of `@prisma/client` in the code editor: the client of the schema that last compiled. */
export function setClientTypes(clientTypes: string): void {
  void import("monaco-editor/languages/features/typescript/register").then(({ typescriptDefaults }) => {
    clientTypesLib?.dispose();
    clientTypesLib = typescriptDefaults.addExtraLib(prismaClientModule(clientTypes), `file:///${clientTypesPath}`);
  });
}

function currentTheme(): string {
  return document.documentElement.dataset["theme"] === "light" ? "playground-light" : "playground-dark";
}

function defineThemes(): void {
  // Monaco's defaults, except where their contrast is below 4.5:1 on these backgrounds.
  const rules = (dark: boolean): monaco.editor.ITokenThemeRule[] => [
    { token: "annotation", foreground: dark ? "c586c0" : "af00db" },
    { token: "type.identifier", foreground: dark ? "4ec9b0" : "267f99" },
    // SQL string literals are pure red in both of Monaco's themes (PostgreSQL's joins have some).
    { token: "string.sql", foreground: dark ? "ce9178" : "a31515" },
    ...(dark ? [{ token: "comment", foreground: "7aa866" }] : [{ token: "operator.sql", foreground: "5a6673" }]),
  ];
  monaco.editor.defineTheme("playground-light", { base: "vs", inherit: true, rules: rules(false), colors: {} });
  monaco.editor.defineTheme("playground-dark", { base: "vs-dark", inherit: true, rules: rules(true), colors: { "editor.background": "#17181c" } });
}
