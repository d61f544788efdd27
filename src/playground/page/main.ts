/**
 * The playground page: editors, panes and controls on top of the engine. Marks
 * `playground:interactive` (Run usable) and `playground:first-query` for the benchmark.
 */
import precompiled from "virtual:playground/precompiled";
import { queryCompilerWasmUrl } from "virtual:client-from-schema/wasm-urls";
import sqlJsWasmUrl from "sql.js/dist/sql-wasm-browser.wasm?url";
import runnerWorkerUrl from "../runner/worker.ts?worker&url";
import type { SchemaDiagnostic } from "@lucia-prisma/client-from-schema";
import type { CompileOutcome } from "../protocol.ts";
import type { PlaygroundState } from "../presets.ts";
import { createEngine } from "./engine.ts";
import { createEditors, enableTypeScript, monaco, setClientTypes } from "./editors.ts";
import { enableFocusEscape } from "./focus-escape.ts";
import { OutputPane } from "./panes/output-pane.ts";
import { QueriesPane } from "./panes/queries-pane.ts";
import { TablesPane } from "./panes/tables-pane.ts";
import { RunnerClient } from "./runner-client.ts";
import { setUpTabs } from "./tabs.ts";
import { ToolsClient } from "./tools-client.ts";
import { decodeState, encodeState, type UrlState } from "./url-state.ts";

const runDeadlineMs = 5000;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`The playground page has no #${id}`);
  return found as T;
}

const defaultPreset = precompiled.presets[0]!;

function baseState(base: string): PlaygroundState | undefined {
  if (base.startsWith("example:")) return precompiled.examples[base.slice("example:".length)];
  const preset = precompiled.presets.find((candidate) => candidate.id === base);
  return preset === undefined ? undefined : { schema: preset.schema, code: preset.code };
}

const compileWasm = (url: string) => WebAssembly.compileStreaming(fetch(url));
const modules = Promise.all([compileWasm(queryCompilerWasmUrl), compileWasm(sqlJsWasmUrl)]).then(([queryCompiler, sqlJs]) => ({ queryCompiler, sqlJs }));

const initial: UrlState = (await decodeState(location, baseState)) ?? { base: defaultPreset.id, schema: defaultPreset.schema, code: defaultPreset.code };
const warmUpSchema = precompiled.schemas[initial.schema] ?? precompiled.schemas[defaultPreset.schema];

const runner = new RunnerClient({
  workerUrl: runnerWorkerUrl,
  modules,
  ...(warmUpSchema ? { warmUp: { schema: warmUpSchema.schema, migrationScript: warmUpSchema.migrationScript } } : {}),
  deadlineMs: runDeadlineMs,
});
const runnerReady = runner.start();
const tools = new ToolsClient(() => new Worker(new URL("../tools/worker.ts", import.meta.url), { type: "module", name: "playground-schema-tools" }));
const engine = createEngine(precompiled, runner, tools);

const root = element("playground");
const runButton = element<HTMLButtonElement>("pg-run");
const status = element("pg-status");
const presetSelect = element<HTMLSelectElement>("pg-preset");
const editors = createEditors({ schema: element("pg-schema-editor"), code: element("pg-code-editor") }, initial, tools);
enableFocusEscape(editors.schema, editors.code);
setUpTabs(root);

const output = new OutputPane(element("pg-output"), (line) => {
  editors.code.revealLineInCenter(line);
  editors.code.setPosition({ lineNumber: line, column: 1 });
  editors.code.focus();
});
const queries = new QueriesPane(element<HTMLOListElement>("pg-queries"), element("pg-queries-count"), (sql) => monaco.editor.colorize(sql, "sql", { tabSize: 2 }));
const tables = new TablesPane(element("pg-tables"));

let state: UrlState = initial;
presetSelect.value = precompiled.presets.some((preset) => preset.id === state.base) ? state.base : "";

// ---------------------------------------------------------------------------------------------
// Running

let runs = 0;

async function run(): Promise<void> {
  const runNumber = ++runs;
  const current = { schema: editors.schemaModel.getValue(), code: editors.codeModel.getValue() };
  monaco.editor.setModelMarkers(editors.codeModel, "run", []);
  let statements = 0;
  let firstQuery = true;
  await engine.run(current, {
    started() {
      queries.clear();
      output.clear();
      tables.clear();
      root.dataset["running"] = "";
      setStatus("Running…");
    },
    schemaNotices(outcome) {
      for (const notice of outcome.notices) output.line("notice", notice.message);
    },
    schemaRejected(outcome) {
      output.line("error", outcome.message);
      setSchemaMarkers(outcome.diagnostics);
      setStatus("The schema does not validate: nothing ran.");
      delete root.dataset["running"];
    },
    message(message) {
      switch (message.type) {
        case "query":
          if (firstQuery && runNumber === 1) performance.mark("playground:first-query");
          firstQuery = false;
          statements += 1;
          queries.add(message.query);
          break;
        case "console":
          output.line(message.level, message.text, message.line);
          break;
        case "error":
          output.error(message.error, message.unhandled);
          if (message.error.line !== undefined) {
            monaco.editor.setModelMarkers(editors.codeModel, "run", [
              {
                severity: monaco.MarkerSeverity.Error,
                message: `${message.error.name}: ${message.error.message}`,
                startLineNumber: message.error.line,
                startColumn: 1,
                endLineNumber: message.error.line,
                endColumn: editors.codeModel.getLineMaxColumn(message.error.line),
              },
            ]);
          }
          break;
        case "tables":
          tables.show(message.tables);
          break;
      }
    },
    ended(end) {
      delete root.dataset["running"];
      if (end.kind === "done") {
        setStatus(`Done in ${Math.round(end.durationMs)} ms: ${statements} SQL ${statements === 1 ? "statement" : "statements"}.`);
      } else if (end.kind === "timeout") {
        output.line("error", `Stopped after ${end.limitMs / 1000} s: the run had not finished (an endless loop?). Its worker was replaced, so the next Run starts fresh.`);
        setStatus(`Stopped after ${end.limitMs / 1000} s.`);
      } else {
        output.line("error", `The run ended unexpectedly: ${end.message}`);
        setStatus("The run ended unexpectedly.");
      }
    },
  });
  loadToolsInBackground();
}

function setStatus(text: string): void {
  status.textContent = text;
}

runButton.addEventListener("click", () => void run());
const runKeys = monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter;
editors.schema.addCommand(runKeys, () => void run());
editors.code.addCommand(runKeys, () => void run());
document.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && root.contains(document.activeElement)) {
    event.preventDefault();
    void run();
  }
});

// ---------------------------------------------------------------------------------------------
// Schema diagnostics and client types while typing

function setSchemaMarkers(diagnostics: SchemaDiagnostic[]): void {
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
}

let lastClientTypes = warmUpSchema?.schema.clientTypes ?? "";

function showCompileOutcome(outcome: CompileOutcome): void {
  if (outcome.ok) {
    setSchemaMarkers(outcome.schema.warnings);
    if (outcome.schema.clientTypes !== lastClientTypes) {
      lastClientTypes = outcome.schema.clientTypes;
      setClientTypes(lastClientTypes);
    }
  } else {
    setSchemaMarkers(outcome.diagnostics);
  }
}

let schemaCheck: ReturnType<typeof setTimeout> | undefined;
editors.schemaModel.onDidChangeContent(() => {
  clearTimeout(schemaCheck);
  schemaCheck = setTimeout(() => {
    const text = editors.schemaModel.getValue();
    engine.compile(text).then((outcome) => {
      if (editors.schemaModel.getValue() === text) showCompileOutcome(outcome);
    }, (error: unknown) => console.error(error));
  }, 250);
});

// ---------------------------------------------------------------------------------------------
// The URL is the state

let urlWrite: ReturnType<typeof setTimeout> | undefined;

function writeUrlSoon(): void {
  clearTimeout(urlWrite);
  urlWrite = setTimeout(() => void writeUrl(), 400);
}

async function writeUrl(): Promise<void> {
  state = { base: state.base, schema: editors.schemaModel.getValue(), code: editors.codeModel.getValue() };
  const base = baseState(state.base) ?? defaultPreset;
  const hash = await encodeState(state, base);
  const url = new URL(location.href);
  url.search = "";
  url.hash = hash;
  if (url.href !== location.href) history.replaceState(null, "", url);
}

editors.schemaModel.onDidChangeContent(writeUrlSoon);
editors.codeModel.onDidChangeContent(writeUrlSoon);

function load(base: string): void {
  const next = baseState(base);
  if (next === undefined) return;
  state = { base, ...next };
  editors.schemaModel.setValue(next.schema);
  editors.codeModel.setValue(next.code);
  monaco.editor.setModelMarkers(editors.codeModel, "run", []);
  void writeUrl();
}

presetSelect.addEventListener("change", () => {
  if (presetSelect.value !== "") load(presetSelect.value);
});
element("pg-reset").addEventListener("click", () => load(state.base));
element("pg-format").addEventListener("click", () => void editors.schema.getAction("editor.action.formatDocument")?.run());
element("pg-share").addEventListener("click", async () => {
  clearTimeout(urlWrite);
  await writeUrl();
  try {
    await navigator.clipboard.writeText(location.href);
    setStatus("Link copied: it opens this schema and code.");
  } catch {
    setStatus(`Copy this link: ${location.href}`);
  }
});

// ---------------------------------------------------------------------------------------------
// Start-up: Run is usable once the runner is; the heavier tools load afterwards

let backgroundStarted = false;

function loadToolsInBackground(): void {
  if (backgroundStarted) return;
  backgroundStarted = true;
  tools.start();
  void enableTypeScript(editors, lastClientTypes);
}

runnerReady.then(
  () => {
    runButton.disabled = false;
    root.dataset["ready"] = "";
    performance.mark("playground:interactive");
    setStatus("Ready. Run with the button or Ctrl+Enter.");
    // The schema tools and the TypeScript service are the heavy part: fetch them once the page
    // has settled, or at the first Run or edit, whichever comes first.
    setTimeout(loadToolsInBackground, 1000);
  },
  (error: unknown) => setStatus(`The playground could not start: ${error instanceof Error ? error.message : String(error)}`),
);
editors.schemaModel.onDidChangeContent(loadToolsInBackground);
editors.codeModel.onDidChangeContent(loadToolsInBackground);
