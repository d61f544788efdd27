/**
 * The playground page's entry. It starts what Run needs first (the wasm modules and the runner
 * worker), wires Run and the result panes, and only then loads the editors (Monaco, the large
 * part), so Run is usable before they are: until then it runs the state the page opened with.
 * Marks `playground:interactive` (Run usable), `playground:run` and `playground:first-query`.
 */
import precompiled from "virtual:playground/precompiled";
import { queryCompilerWasmUrl } from "virtual:client-from-schema/wasm-urls";
import sqlJsWasmUrl from "sql.js/dist/sql-wasm-browser.wasm?url";
import runnerWorkerUrl from "../runner/worker.ts?worker&url";
import type { CompileOutcome, ThrownError } from "../protocol.ts";
import type { PlaygroundState } from "../presets.ts";
import { createEngine } from "./engine.ts";
import { OutputPane } from "./panes/output-pane.ts";
import { QueriesPane } from "./panes/queries-pane.ts";
import { TablesPane } from "./panes/tables-pane.ts";
import { RunnerClient } from "./runner-client.ts";
import { setUpTabs } from "./tabs.ts";
import { pageElement } from "./page-element.ts";
import { ToolsClient } from "./tools-client.ts";
import { decodeState, type UrlState } from "./url-state.ts";

const runDeadlineMs = 5000;


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

const root = pageElement("playground");
const runButton = pageElement<HTMLButtonElement>("pg-run");
const status = pageElement("pg-status");
const selectTab = setUpTabs(root);
const [schemaPlaceholder, codePlaceholder] = document.querySelectorAll(".pg-editor-placeholder");
if (schemaPlaceholder) schemaPlaceholder.textContent = initial.schema;
if (codePlaceholder) codePlaceholder.textContent = initial.code;

/** What the editors module provides once it has loaded. */
export interface EditorsHandle {
  state(): PlaygroundState;
  showRunError(error: ThrownError): void;
  clearRunError(): void;
  showSchemaOutcome(outcome: CompileOutcome): void;
  revealCodeLine(line: number): void;
  highlightSql(sql: string): Promise<string>;
}

let editorsHandle: EditorsHandle | undefined;
const editorsLoaded = import("./editors-ui.ts").then(({ mountEditors }) =>
  mountEditors({ precompiled, engine, tools, initial, baseState, setStatus, run: () => void run() }),
);
void editorsLoaded.then((handle) => {
  editorsHandle = handle;
}, (error: unknown) => setStatus(`The editors could not load: ${String(error)}`));

const output = new OutputPane(pageElement("pg-output"), (line) => editorsHandle?.revealCodeLine(line));
const queries = new QueriesPane(pageElement<HTMLOListElement>("pg-queries"), pageElement("pg-queries-count"), async (sql) => (await editorsLoaded).highlightSql(sql));
const tables = new TablesPane(pageElement("pg-tables"));

function setStatus(text: string): void {
  status.textContent = text;
}

let runs = 0;

async function run(): Promise<void> {
  const runNumber = ++runs;
  performance.mark("playground:run");
  const current = editorsHandle?.state() ?? { schema: initial.schema, code: initial.code };
  editorsHandle?.clearRunError();
  if (window.matchMedia("(max-width: 719.98px)").matches) selectTab("pg-tab-results");
  let statements = 0;
  // For tests and the benchmark: how many runs have ended, and how the last one did.
  const finished = (outcome: string) => {
    root.dataset["outcome"] = outcome;
    root.dataset["runs"] = String(runNumber);
  };
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
      editorsHandle?.showSchemaOutcome(outcome);
      setStatus("The schema does not validate: nothing ran.");
      delete root.dataset["running"];
      finished("rejected");
    },
    message(message) {
      switch (message.type) {
        case "query":
          if (statements === 0 && runNumber === 1) performance.mark("playground:first-query");
          statements += 1;
          queries.add(message.query);
          break;
        case "console":
          output.line(message.level, message.text, message.line);
          break;
        case "error":
          output.error(message.error, message.unhandled);
          editorsHandle?.showRunError(message.error);
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
      finished(end.kind);
    },
  });
  tools.start();
}

runButton.addEventListener("click", () => void run());
document.addEventListener("keydown", (event) => {
  // Inside the editors, Monaco's own command handles the shortcut.
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !(event.target instanceof Element && event.target.closest(".monaco-editor"))) {
    event.preventDefault();
    void run();
  }
});

runnerReady.then(
  () => {
    runButton.disabled = false;
    root.dataset["ready"] = "";
    performance.mark("playground:interactive");
    setStatus("Ready. Run with the button or Ctrl+Enter.");
    // Prisma's schema tools (about 3 MB of wasm) load after the first run, or a second after
    // Run became usable, whichever comes first, so they never delay the first result.
    setTimeout(() => tools.start(), 1000);
  },
  (error: unknown) => setStatus(`The playground could not start: ${error instanceof Error ? error.message : String(error)}`),
);
