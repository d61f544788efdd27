/**
 * The editors half of the page, loaded after Run is usable: Monaco's two editors, Prisma's
 * diagnostics while typing, the URL kept current, presets, Format, Share and Reset, and, once
 * the page has settled, the schema tools and the TypeScript service.
 */
import type { SchemaDiagnostic } from "@lucia-prisma/client-from-schema";
import type { Precompiled } from "../build/precompile-plugin.ts";
import { compileKey, databasesOf, withBrowserProvider, datasourceProvider, type DatabaseChoice } from "../database.ts";
import type { CompileOutcome, ThrownError } from "../protocol.ts";
import type { PlaygroundState } from "../presets.ts";
import type { Engine } from "./engine.ts";
import { createEditors, enableTypeScript, monaco, setClientTypes } from "./editors.ts";
import { enableFocusEscape } from "./focus-escape.ts";
import type { EditorsHandle } from "./main.ts";
import { pageElement } from "./page-element.ts";
import type { ToolsClient } from "./tools-client.ts";
import { encodeState, type UrlState } from "./url-state.ts";

export interface MountOptions {
  precompiled: Precompiled;
  engine: Engine;
  tools: ToolsClient;
  initial: UrlState;
  baseState(base: string): PlaygroundState | undefined;
  setStatus(text: string): void;
  run(): void;
  /** The Database menu's choice. */
  database(): DatabaseChoice;
  /** Sets the Database menu (a preset's database, or the provider the reader wrote). */
  chooseDatabase(choice: DatabaseChoice): void;
  /** Loads what replaces a stopped runner, so that works offline too. */
  prepareSpareRunner(): Promise<void>;
}


export function mountEditors(options: MountOptions): EditorsHandle {
  const { precompiled, engine, tools, initial, baseState, setStatus, run, database, chooseDatabase } = options;
  for (const placeholder of document.querySelectorAll(".pg-editor-placeholder")) placeholder.remove();
  const editors = createEditors({ schema: pageElement("pg-schema-editor"), code: pageElement("pg-code-editor") }, initial, tools);
  enableFocusEscape(editors.schema, editors.code);
  const runKeys = monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter;
  editors.schema.addCommand(runKeys, run);
  editors.code.addCommand(runKeys, run);

  const presetSelect = pageElement<HTMLSelectElement>("pg-preset");
  let state: UrlState = initial;
  presetSelect.value = precompiled.presets.some((preset) => preset.id === state.base) ? state.base : "";
  for (const control of document.querySelectorAll<HTMLButtonElement | HTMLSelectElement>("[data-needs-editors]")) control.disabled = false;

  // -------------------------------------------------------------------------------------------
  // Prisma's diagnostics while typing, and the client's types for the code editor

  const setSchemaMarkers = (diagnostics: SchemaDiagnostic[]) =>
    monaco.editor.setModelMarkers(
      editors.schemaModel,
      "prisma",
      diagnostics.map((diagnostic) => ({
        severity: diagnostic.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        message: diagnostic.message,
        startLineNumber: diagnostic.line,
        startColumn: diagnostic.column,
        endLineNumber: diagnostic.endLine,
        endColumn: diagnostic.endColumn,
      })),
    );

  /** The database the schema editor's diagnostics and the code editor's types come from. */
  const checkedOn = () => databasesOf(database())[0]!;
  const compileForEditor = (text: string) => engine.compile(withBrowserProvider(text, checkedOn()), checkedOn());
  let clientTypes = precompiled.schemas[compileKey(checkedOn(), withBrowserProvider(initial.schema, checkedOn()))]?.schema.clientTypes ?? "";
  const showSchemaOutcome = (outcome: CompileOutcome) => {
    if (!outcome.ok) {
      setSchemaMarkers(outcome.diagnostics);
      return;
    }
    setSchemaMarkers(outcome.schema.warnings);
    if (outcome.schema.clientTypes !== clientTypes) {
      clientTypes = outcome.schema.clientTypes;
      setClientTypes(clientTypes);
    }
  };

  let schemaCheck: ReturnType<typeof setTimeout> | undefined;
  editors.schemaModel.onDidChangeContent(() => {
    clearTimeout(schemaCheck);
    schemaCheck = setTimeout(() => {
      const text = editors.schemaModel.getValue();
      // A datasource written for the other database switches the menu to it (comparing stays).
      const written = datasourceProvider(text);
      if (written !== undefined && database() !== "compare" && written !== database()) {
        chooseDatabase(written);
        writeUrlSoon();
      }
      compileForEditor(text).then(
        (outcome) => {
          if (editors.schemaModel.getValue() === text) showSchemaOutcome(outcome);
        },
        (error: unknown) => console.error(error),
      );
    }, 250);
  });

  // -------------------------------------------------------------------------------------------
  // The URL is the state

  let urlWrite: ReturnType<typeof setTimeout> | undefined;
  const writeUrl = async () => {
    clearTimeout(urlWrite);
    state = { base: state.base, schema: editors.schemaModel.getValue(), code: editors.codeModel.getValue(), database: database() };
    const url = new URL(location.href);
    url.search = "";
    url.hash = await encodeState(state, baseState(state.base) ?? precompiled.presets[0]!);
    if (url.href !== location.href) history.replaceState(null, "", url);
  };
  const writeUrlSoon = () => {
    clearTimeout(urlWrite);
    urlWrite = setTimeout(() => void writeUrl(), 400);
  };
  editors.schemaModel.onDidChangeContent(writeUrlSoon);
  editors.codeModel.onDidChangeContent(writeUrlSoon);

  const load = (base: string) => {
    const next = baseState(base);
    if (next === undefined) return;
    state = { base, ...next };
    chooseDatabase(next.database);
    editors.schemaModel.setValue(next.schema);
    editors.codeModel.setValue(next.code);
    monaco.editor.setModelMarkers(editors.codeModel, "run", []);
    void writeUrl();
  };
  presetSelect.addEventListener("change", () => {
    if (presetSelect.value !== "") load(presetSelect.value);
  });
  pageElement("pg-reset").addEventListener("click", () => {
    load(state.base);
    setStatus("Reset to where this playground started.");
  });
  pageElement("pg-format").addEventListener("click", () => void editors.schema.getAction("editor.action.formatDocument")?.run());
  pageElement("pg-share").addEventListener("click", async () => {
    await writeUrl();
    try {
      await navigator.clipboard.writeText(location.href);
      setStatus("Link copied: it opens this schema and code.");
    } catch {
      setStatus(`Copy this link from the address bar: ${location.href}`);
    }
  });

  // -------------------------------------------------------------------------------------------
  // The TypeScript service: once the schema tools are in (main.ts starts them), or at the first
  // edit, whichever comes first

  let toolsRequested = false;
  const loadTools = () => {
    if (toolsRequested) return;
    toolsRequested = true;
    tools.start();
    // The editors' icon font and the SQL grammar load on first use otherwise, which could be
    // after going offline.
    const preloads = [document.fonts.load("16px codicon"), monaco.editor.colorize("SELECT 1", "sql", {})];
    Promise.all([tools.ready, enableTypeScript(editors, clientTypes), options.prepareSpareRunner(), ...preloads]).then(
      () => {
        // Everything the playground needs is here: it works offline from now on (tests wait for this).
        pageElement("playground").dataset["complete"] = "";
      },
      (error: unknown) => setStatus(`The editors' tools did not load: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  void tools.ready.then(loadTools);
  // The Database menu's rewrite of the provider is not the reader editing: it leaves the CPU to
  // the database being started.
  let menuEdit = false;
  editors.schemaModel.onDidChangeContent(() => {
    if (!menuEdit) loadTools();
  });
  editors.codeModel.onDidChangeContent(loadTools);

  return {
    state: () => ({ schema: editors.schemaModel.getValue(), code: editors.codeModel.getValue() }),
    setDatabase(choice) {
      // The schema's datasource follows a single database (as an edit, so Undo brings it back).
      const text = editors.schemaModel.getValue();
      if (choice !== "compare" && datasourceProvider(text) !== undefined && datasourceProvider(text) !== choice) {
        menuEdit = true;
        try {
          editors.schema.executeEdits("database-menu", [{ range: editors.schemaModel.getFullModelRange(), text: withBrowserProvider(text, choice) }]);
        } finally {
          menuEdit = false;
        }
      }
      void writeUrl();
    },
    showSchemaOutcome,
    clearRunError: () => monaco.editor.setModelMarkers(editors.codeModel, "run", []),
    showRunError(error: ThrownError) {
      if (error.line === undefined) return;
      monaco.editor.setModelMarkers(editors.codeModel, "run", [
        {
          severity: monaco.MarkerSeverity.Error,
          message: `${error.name}: ${error.message}`,
          startLineNumber: error.line,
          startColumn: 1,
          endLineNumber: error.line,
          endColumn: editors.codeModel.getLineMaxColumn(error.line),
        },
      ]);
    },
    revealCodeLine(line: number) {
      editors.code.revealLineInCenter(line);
      editors.code.setPosition({ lineNumber: line, column: 1 });
      editors.code.focus();
    },
    highlightSql: (sql) => monaco.editor.colorize(sql, "sql", { tabSize: 2 }),
  };
}
