/**
 * The editors half of the page, mounted in place of the previews (`preview-editor.ts`) when the
 * reader reaches for an editor or the page is idle: Monaco's two editors, Prisma's diagnostics
 * while typing, Format, and the TypeScript service once the schema tools are in or at the first
 * edit. The editors follow the engine's state and tell it of every edit; they own none of it.
 */
import type { SchemaDiagnostic } from "@lucia-prisma/client-from-schema";
import type { Precompiled } from "../build/precompile-plugin.ts";
import { compileKey, databasesOf, withBrowserProvider } from "../database.ts";
import type { CompileOutcome, ThrownError } from "../protocol.ts";
import type { Playground } from "../engine/playground.ts";
import { createEditors, enableTypeScript, monaco, previewCodeLanguageId, setClientTypes } from "./editors.ts";
import { enableFocusEscape } from "./focus-escape.ts";
import { pageElement } from "./page-element.ts";
import type { HandOver } from "./preview-editor.ts";
import type { ToolsClient } from "./tools-client.ts";
import { applySchemaFix, locateInSchema, type SchemaFinding } from "@lucia-auth/adapter-prisma/schema-doctor";
import type { SchemaDoctor } from "./schema-doctor.ts";
import { prismaLanguageId } from "./prisma-language.ts";

export interface MountOptions {
  precompiled: Precompiled;
  playground: Playground;
  tools: ToolsClient;
  doctor: SchemaDoctor;
  /** Removes the previews, saying what each editor takes over from its preview. */
  handOver(): Record<"schema" | "code", HandOver>;
  /** More of the page's lazy modules (the Timeline's) that must be in before the page works offline. */
  alsoNeeded?: Promise<unknown>;
}

/** What the rest of the page asks of the editors. */
export interface EditorsView {
  revealCodeLine(line: number): void;
  highlightSql(sql: string): Promise<string>;
  formatSchema(): Promise<void>;
  /** Replaces the code with `code` as one edit (Undo brings the old text back). */
  replaceCode(code: string): void;
}

export function mountEditors({ precompiled, playground, tools, doctor, handOver, alsoNeeded }: MountOptions): EditorsView {
  const setStatus = (text: string) => (pageElement("pg-status").textContent = text);
  const previews = handOver();
  const editors = createEditors({ schema: pageElement("pg-schema-editor"), code: pageElement("pg-code-editor") }, playground.state, tools);
  enableFocusEscape(editors.schema, editors.code);
  takeOver(editors.schema, previews.schema);
  takeOver(editors.code, previews.code);
  const runKeys = monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter;
  const run = () => {
    performance.mark("playground:run");
    void playground.run();
  };
  editors.schema.addCommand(runKeys, run);
  editors.code.addCommand(runKeys, run);

  // -------------------------------------------------------------------------------------------
  // The engine's state and the editors' text

  const models = { schema: editors.schemaModel, code: editors.codeModel } as const;
  playground.on("state", ({ state, cause }) => {
    for (const which of ["schema", "code"] as const) {
      const model = models[which];
      if (model.getValue() === state[which]) continue;
      if (cause === "database") {
        // The Database menu rewrote the datasource: an edit, so Undo brings it back.
        const editor = which === "schema" ? editors.schema : editors.code;
        editor.executeEdits("database-menu", [{ range: model.getFullModelRange(), text: state[which] }]);
      } else {
        model.setValue(state[which]);
      }
    }
    if (cause === "load") monaco.editor.setModelMarkers(editors.codeModel, "run", []);
  });
  for (const which of ["schema", "code"] as const) {
    models[which].onDidChangeContent(() => {
      const text = models[which].getValue();
      // What the engine itself set (a preset, the Database menu) is already its state.
      if (text === playground.state[which]) return;
      loadTools();
      playground.edit({ [which]: text });
    });
  }

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

  const checkedOn = () => databasesOf(playground.state.database)[0]!;
  let clientTypes = precompiled.schemas[compileKey(checkedOn(), withBrowserProvider(playground.state.schema, checkedOn()))]?.schema.clientTypes ?? "";
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
  playground.on("schema-rejected", ({ outcome }) => showSchemaOutcome(outcome));

  const checkSchema = () => {
    const text = editors.schemaModel.getValue();
    playground.check(text, checkedOn()).then(
      (outcome) => {
        if (editors.schemaModel.getValue() === text) showSchemaOutcome(outcome);
      },
      (error: unknown) => console.error(error),
    );
  };
  let schemaCheck: ReturnType<typeof setTimeout> | undefined;
  editors.schemaModel.onDidChangeContent(() => {
    clearTimeout(schemaCheck);
    schemaCheck = setTimeout(checkSchema, 250);
  });
  // The text Monaco takes over may have been checked before it mounted (a run rejected it, say).
  checkSchema();

  showSchemaDoctor(editors, doctor);

  // -------------------------------------------------------------------------------------------
  // Errors of the run, at their line

  playground.on("run-start", () => monaco.editor.setModelMarkers(editors.codeModel, "run", []));
  playground.on("error", ({ error }) => showRunError(error));
  function showRunError(error: ThrownError): void {
    if (error.line === undefined || error.line > editors.codeModel.getLineCount()) return;
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
  }

  // -------------------------------------------------------------------------------------------
  // The TypeScript service: once the schema tools are in (main.ts starts them), or at the
  // reader's first edit, whichever comes first

  let toolsRequested = false;
  function loadTools(): void {
    if (toolsRequested) return;
    toolsRequested = true;
    tools.start();
    // The editors' icon font and the SQL grammar load on first use otherwise, which could be
    // after going offline.
    const preloads = [document.fonts.load("16px codicon"), monaco.editor.colorize("SELECT 1", "sql", {})];
    Promise.all([tools.ready, enableTypeScript(editors, clientTypes), ...preloads, alsoNeeded]).then(
      () => {
        // Everything the playground needs is here: it works offline from now on (tests wait for this).
        pageElement("playground").dataset["complete"] = "";
      },
      (error: unknown) => setStatus(`The editors' tools did not load: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
  void tools.ready.then(loadTools);

  return {
    revealCodeLine(line: number) {
      editors.code.revealLineInCenter(line);
      editors.code.setPosition({ lineNumber: line, column: 1 });
      editors.code.focus();
    },
    highlightSql: (sql) => monaco.editor.colorize(sql, "sql", { tabSize: 2 }),
    formatSchema: async () => await editors.schema.getAction("editor.action.formatDocument")?.run(),
    replaceCode: (code) => {
      editors.code.pushUndoStop();
      editors.code.executeEdits("schema-doctor", [minimalEdit(editors.codeModel, code)]);
      editors.code.pushUndoStop();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The schema doctor: findings as markers, their fixes as quick fixes; the code's call checked

const doctorSeverity = (finding: SchemaFinding) =>
  finding.severity === "error" ? monaco.MarkerSeverity.Error : finding.severity === "warning" ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info;

function showSchemaDoctor(editors: ReturnType<typeof createEditors>, doctor: SchemaDoctor): void {
  const schemaModel = editors.schemaModel;
  const codeModel = editors.codeModel;
  let schemaMarkers: { marker: monaco.editor.IMarkerData; finding: SchemaFinding }[] = [];

  doctor.onReport((report) => {
    if (report.schema !== schemaModel.getValue()) return;
    schemaMarkers = (report.check?.findings ?? []).map((finding) => {
      const place = locateInSchema(report.schema, finding.model, finding.field);
      const line = place?.line ?? 1;
      const marker: monaco.editor.IMarkerData = {
        severity: doctorSeverity(finding),
        source: "Lucia",
        message: finding.fix === null ? finding.message : `${finding.message}\nQuick fix: ${finding.fix.title}.`,
        startLineNumber: line,
        startColumn: place?.startColumn ?? 1,
        endLineNumber: line,
        endColumn: place?.endColumn ?? schemaModel.getLineMaxColumn(line),
      };
      return { marker, finding };
    });
    monaco.editor.setModelMarkers(schemaModel, "lucia", schemaMarkers.map(({ marker }) => marker));
    showCodeFindings();
  });

  monaco.languages.registerCodeActionProvider(
    prismaLanguageId,
    {
      provideCodeActions(model, _range, context) {
        const actions: monaco.languages.CodeAction[] = [];
        // Markers move with edits, but a fix is only sound for the text it was found in.
        if (doctor.report?.schema !== model.getValue()) return { actions, dispose() {} };
        for (const marker of context.markers) {
          const entry = schemaMarkers.find((candidate) => candidate.marker.message === marker.message && candidate.marker.startLineNumber === marker.startLineNumber);
          const fix = entry?.finding.fix;
          if (fix == null) continue;
          let fixed: string;
          try {
            fixed = applySchemaFix(model.getValue(), fix);
          } catch {
            continue;
          }
          actions.push({
            title: fix.title,
            kind: "quickfix",
            diagnostics: [marker],
            isPreferred: true,
            edit: { edits: [{ resource: model.uri, versionId: model.getVersionId(), textEdit: minimalEdit(model, fixed) }] },
          });
        }
        return { actions, dispose() {} };
      },
    },
    { providedCodeActionKinds: ["quickfix"] },
  );

  // The code's prisma({ … }) call: its wrong literals marked, and the fitting call one action away.
  function showCodeFindings(): void {
    const report = doctor.checkCode(codeModel.getValue());
    monaco.editor.setModelMarkers(
      codeModel,
      "lucia",
      report.findings.map(({ finding, start, end }) => {
        const from = codeModel.getPositionAt(start);
        const to = codeModel.getPositionAt(end);
        return {
          severity: monaco.MarkerSeverity.Error,
          source: "Lucia",
          message: finding.message,
          startLineNumber: from.lineNumber,
          startColumn: from.column,
          endLineNumber: to.lineNumber,
          endColumn: to.column,
        };
      }),
    );
  }
  let codeCheck: ReturnType<typeof setTimeout> | undefined;
  codeModel.onDidChangeContent(() => {
    clearTimeout(codeCheck);
    codeCheck = setTimeout(showCodeFindings, 150);
  });
  showCodeFindings();

  const callAction: monaco.languages.CodeActionProvider = {
    provideCodeActions(model, range, context) {
      const report = doctor.checkCode(model.getValue());
      if (report.written === null || report.fixedCode === null) return { actions: [], dispose() {} };
      const start = model.getPositionAt(report.written.start);
      const end = model.getPositionAt(report.written.end);
      if (!monaco.Range.areIntersectingOrTouching(range, new monaco.Range(start.lineNumber, 1, end.lineNumber, end.column))) return { actions: [], dispose() {} };
      return {
        actions: [
          {
            title: "Pass the options that fit the schema",
            kind: "quickfix",
            diagnostics: context.markers.filter((marker) => marker.source === "Lucia"),
            isPreferred: true,
            edit: { edits: [{ resource: model.uri, versionId: model.getVersionId(), textEdit: minimalEdit(model, report.fixedCode) }] },
          },
        ],
        dispose() {},
      };
    },
  };
  for (const language of ["typescript", previewCodeLanguageId]) {
    monaco.languages.registerCodeActionProvider(language, callAction, { providedCodeActionKinds: ["quickfix"] });
  }
}

/** The smallest edit that turns the model's text into `next`: one range, so the caret and Undo stay sensible. */
function minimalEdit(model: monaco.editor.ITextModel, next: string): { range: monaco.Range; text: string } {
  const current = model.getValue();
  let prefix = 0;
  while (prefix < current.length && prefix < next.length && current[prefix] === next[prefix]) prefix++;
  let suffix = 0;
  while (suffix < current.length - prefix && suffix < next.length - prefix && current[current.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  const from = model.getPositionAt(prefix);
  const to = model.getPositionAt(current.length - suffix);
  return { range: new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column), text: next.slice(prefix, next.length - suffix) };
}

/** The caret, the selection, the scroll position and the focus the reader had in the preview. */
function takeOver(editor: monaco.editor.IStandaloneCodeEditor, preview: HandOver): void {
  const model = editor.getModel();
  if (model === null) return;
  const start = model.getPositionAt(preview.selectionStart);
  const end = model.getPositionAt(preview.selectionEnd);
  const [anchor, active] = preview.backward ? [end, start] : [start, end];
  editor.setSelection(new monaco.Selection(anchor.lineNumber, anchor.column, active.lineNumber, active.column));
  editor.setScrollTop(preview.scrollTop);
  editor.setScrollLeft(preview.scrollLeft);
  if (preview.focused) editor.focus();
}
