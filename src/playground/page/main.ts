/**
 * The playground page's entry. It starts what Run needs first (the wasm modules and the runner
 * worker), wires Run and the result panes, and only then loads the editors (Monaco, the large
 * part), so Run is usable before they are: until then it runs the state the page opened with.
 * PostgreSQL loads only when the reader chooses it in the Database menu.
 * Marks `playground:interactive` (Run usable), `playground:run`, `playground:first-query`,
 * `playground:postgresql-chosen`, `playground:postgresql-files` (downloaded and compiled) and
 * `playground:postgresql-ready`.
 */
import precompiled from "virtual:playground/precompiled";
import { queryCompilerWasmUrl } from "virtual:client-from-schema/wasm-urls";
import sqlJsWasmUrl from "sql.js/dist/sql-wasm-browser.wasm?url";
import runnerWorkerUrl from "../runner/worker.ts?worker&url";
import { compileKey, databaseLabel, databasesOf, isDatabaseChoice, withBrowserProvider, type Database, type DatabaseChoice } from "../database.ts";
import type { CompileOutcome, ThrownError } from "../protocol.ts";
import type { PlaygroundState } from "../presets.ts";
import { createEngine } from "./engine.ts";
import { OutputPane } from "./panes/output-pane.ts";
import { postgresqlRunner } from "./postgresql-runner.ts";
import { QueriesPane } from "./panes/queries-pane.ts";
import { TablesPane } from "./panes/tables-pane.ts";
import { RunnerClient, type RunEnd, type RunnerOptions } from "./runner-client.ts";
import { setUpTabs } from "./tabs.ts";
import { pageElement } from "./page-element.ts";
import { ToolsClient } from "./tools-client.ts";
import { decodeState, type UrlState } from "./url-state.ts";

const runDeadlineMs = 5000;


const defaultPreset = precompiled.presets[0]!;

function baseState(base: string): PlaygroundState | undefined {
  if (base.startsWith("example:")) return precompiled.examples[base.slice("example:".length)];
  const preset = precompiled.presets.find((candidate) => candidate.id === base);
  return preset === undefined ? undefined : { schema: preset.schema, code: preset.code, database: preset.database };
}

const compileWasm = (url: string) => WebAssembly.compileStreaming(fetch(url));
const modules = Promise.all([compileWasm(queryCompilerWasmUrl), compileWasm(sqlJsWasmUrl)]).then(([queryCompiler, sqlJs]) => ({ queryCompiler, sqlJs }));

const initial: UrlState = (await decodeState(location, baseState)) ?? {
  base: defaultPreset.id,
  schema: defaultPreset.schema,
  code: defaultPreset.code,
  database: defaultPreset.database,
};
/** What a runner warms up with: the opening state's schema on its database, or the default preset's. */
function warmUpOn(database: Database): Pick<RunnerOptions, "warmUp"> {
  const of = (text: string) => precompiled.schemas[compileKey(database, withBrowserProvider(text, database))];
  const compiled = of(initial.schema) ?? of(defaultPreset.schema);
  return compiled?.migrationScript === undefined ? {} : { warmUp: { schema: compiled.schema, migrationScript: compiled.migrationScript } };
}

const runner = new RunnerClient({ workerUrl: runnerWorkerUrl, modules, ...warmUpOn("sqlite"), deadlineMs: runDeadlineMs });
const runnerReady = runner.start();
const tools = new ToolsClient(() => new Worker(new URL("../tools/worker.ts", import.meta.url), { type: "module", name: "playground-schema-tools" }));

const root = pageElement("playground");
const runButton = pageElement<HTMLButtonElement>("pg-run");
const status = pageElement("pg-status");
const databaseSelect = pageElement<HTMLSelectElement>("pg-database");

/** PostgreSQL's runner, loaded the first time the reader chooses PostgreSQL. */
const loadPostgresql = postgresqlRunner({
  workerUrl: runnerWorkerUrl,
  modules,
  deadlineMs: runDeadlineMs,
  ...warmUpOn("postgresql"),
  schemaEngine: () => tools.schemaEngine(),
  totalBytes: precompiled.postgresqlBytes,
  progress: pageElement<HTMLProgressElement>("pg-database-progress"),
  setStatus,
  setState: (state) => (root.dataset["postgresql"] = state),
  // For tests: from here on, PostgreSQL needs nothing more from the network.
  setSpareLoaded: () => (root.dataset["postgresqlComplete"] = ""),
});

const engine = createEngine({ precompiled, runners: { sqlite: () => Promise.resolve(runner), postgresql: loadPostgresql }, tools });

let database: DatabaseChoice = initial.database;

/** Sets the Database menu; `fromEditors` when the editors asked (they update the schema and URL themselves). */
function chooseDatabase(choice: DatabaseChoice, fromEditors = false): void {
  database = choice;
  databaseSelect.value = choice;
  for (const column of document.querySelectorAll<HTMLElement>(".pg-query-column")) {
    column.hidden = !databasesOf(choice).includes(column.dataset["database"] as Database);
  }
  if (!fromEditors) editorsHandle?.setDatabase(choice);
  if (choice !== "sqlite") loadPostgresql().catch((error: unknown) => setStatus(error instanceof Error ? error.message : String(error)));
}

databaseSelect.addEventListener("change", () => {
  if (isDatabaseChoice(databaseSelect.value)) chooseDatabase(databaseSelect.value);
});
const selectTab = setUpTabs(root);
const [schemaPlaceholder, codePlaceholder] = document.querySelectorAll(".pg-editor-placeholder");
if (schemaPlaceholder) schemaPlaceholder.textContent = initial.schema;
if (codePlaceholder) codePlaceholder.textContent = initial.code;

/** What the editors module provides once it has loaded. */
export interface EditorsHandle {
  /** The editors' texts (the database is the menu's, kept here). */
  state(): Omit<PlaygroundState, "database">;
  showRunError(error: ThrownError): void;
  /** The Database menu changed: the schema's provider and the URL follow. */
  setDatabase(choice: DatabaseChoice): void;
  clearRunError(): void;
  showSchemaOutcome(outcome: CompileOutcome): void;
  revealCodeLine(line: number): void;
  highlightSql(sql: string): Promise<string>;
}

let editorsHandle: EditorsHandle | undefined;
const editorsLoaded = import("./editors-ui.ts").then(({ mountEditors }) =>
  mountEditors({
    precompiled,
    engine,
    tools,
    initial,
    baseState,
    setStatus,
    run: () => void run(),
    database: () => database,
    chooseDatabase: (choice) => chooseDatabase(choice, true),
    prepareSpareRunner: () => runner.prepareSpare(),
  }),
);
void editorsLoaded.then((handle) => {
  editorsHandle = handle;
  // The menu may have changed while the editors loaded: the schema's provider catches up.
  if (database !== initial.database) handle.setDatabase(database);
}, (error: unknown) => setStatus(`The editors could not load: ${String(error)}`));

const output = new OutputPane(pageElement("pg-output"), (line) => editorsHandle?.revealCodeLine(line));
const highlight = async (sql: string) => (await editorsLoaded).highlightSql(sql);
const queries: Record<Database, QueriesPane> = {
  sqlite: new QueriesPane(pageElement<HTMLOListElement>("pg-queries-sqlite"), pageElement("pg-queries-sqlite-count"), highlight),
  postgresql: new QueriesPane(pageElement<HTMLOListElement>("pg-queries-postgresql"), pageElement("pg-queries-postgresql-count"), highlight),
};
const tables = new TablesPane(pageElement("pg-tables"));

function setStatus(text: string): void {
  status.textContent = text;
}

let runs = 0;

async function run(): Promise<void> {
  const runNumber = ++runs;
  performance.mark("playground:run");
  const current = { ...(editorsHandle?.state() ?? { schema: initial.schema, code: initial.code }), database };
  const comparing = databasesOf(database).length > 1;
  editorsHandle?.clearRunError();
  if (window.matchMedia("(max-width: 719.98px)").matches) selectTab("pg-tab-results");
  const statements: Record<Database, number> = { sqlite: 0, postgresql: 0 };
  const ends: [Database, RunEnd][] = [];
  // For tests and the benchmark: how many runs have ended, and how the last one did.
  const finished = (outcome: string) => {
    root.dataset["outcome"] = outcome;
    root.dataset["runs"] = String(runNumber);
  };
  const source = (of: Database) => (comparing ? databaseLabel[of] : undefined);
  try {
    await engine.run(current, {
      started() {
        for (const pane of Object.values(queries)) pane.clear();
        output.clear();
        tables.clear();
        root.dataset["running"] = "";
        setStatus(current.database === "sqlite" || root.dataset["postgresql"] === "ready" ? "Running…" : "Running (PostgreSQL is still loading)…");
      },
      schemaNotices(of, outcome) {
        output.setSource(source(of));
        for (const notice of outcome.notices) output.line("notice", notice.message);
      },
      schemaRejected(outcome) {
        output.setSource(undefined);
        output.line("error", outcome.message);
        editorsHandle?.showSchemaOutcome(outcome);
        setStatus("The schema does not validate: nothing ran.");
        delete root.dataset["running"];
        finished("rejected");
      },
      message(of, message) {
        output.setSource(source(of));
        switch (message.type) {
          case "query":
            if (statements.sqlite + statements.postgresql === 0 && runNumber === 1) performance.mark("playground:first-query");
            statements[of] += 1;
            queries[of].add(message.query);
            break;
          case "console":
            output.line(message.level, message.text, message.line);
            break;
          case "error":
            output.error(message.error, message.unhandled);
            editorsHandle?.showRunError(message.error);
            break;
          case "tables":
            tables.show(message.tables, source(of));
            break;
        }
      },
      ended(of, end) {
        ends.push([of, end]);
        output.setSource(source(of));
        if (end.kind === "timeout") {
          output.line("error", `Stopped after ${end.limitMs / 1000} s: the run had not finished (an endless loop?). Its worker was replaced, so the next Run starts fresh.`);
        } else if (end.kind === "crashed") {
          output.line("error", `The run ended unexpectedly: ${end.message}`);
        }
      },
    });
  } catch (error) {
    // Something outside the run failed (the schema tools, say): say so, and count the run as ended.
    output.setSource(undefined);
    output.line("error", error instanceof Error ? error.message : String(error));
    ends.push([databasesOf(database)[0]!, { kind: "crashed", message: String(error) }]);
  }
  if (ends.length > 0) {
    delete root.dataset["running"];
    setStatus(ends.map(([of, end]) => `${comparing ? `${databaseLabel[of]}: ` : ""}${describeEnd(end, statements[of])}`).join(" "));
    finished(ends.find(([, end]) => end.kind !== "done")?.[1].kind ?? "done");
  }
  tools.start();
}

function describeEnd(end: RunEnd, statements: number): string {
  if (end.kind === "done") return `Done in ${Math.round(end.durationMs)} ms: ${statements} SQL ${statements === 1 ? "statement" : "statements"}.`;
  if (end.kind === "timeout") return `Stopped after ${end.limitMs / 1000} s.`;
  return "The run ended unexpectedly.";
}

runButton.addEventListener("click", () => void run());
document.addEventListener("keydown", (event) => {
  // Inside the editors, Monaco's own command handles the shortcut.
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !(event.target instanceof Element && event.target.closest(".monaco-editor"))) {
    event.preventDefault();
    void run();
  }
});

chooseDatabase(initial.database);
runnerReady.then(
  () => {
    runButton.disabled = false;
    root.dataset["ready"] = "";
    performance.mark("playground:interactive");
    // While PostgreSQL loads, its progress keeps the status line.
    if (root.dataset["postgresql"] !== "loading") setStatus("Ready. Run with the button or Ctrl+Enter.");
    // Prisma's schema tools (about 3 MB of wasm) load after the first run, or a second after
    // Run became usable, whichever comes first, so they never delay the first result. A reader
    // who has chosen PostgreSQL by then waits for it to start first: it is what they asked for,
    // and on two cores the two would slow each other down.
    setTimeout(() => {
      const postgresql = root.dataset["postgresql"] === "loading" ? loadPostgresql() : Promise.resolve();
      postgresql.catch(() => {}).finally(() => tools.start());
    }, 1000);
  },
  (error: unknown) => setStatus(`The playground could not start: ${error instanceof Error ? error.message : String(error)}`),
);
