/**
 * The playground page's entry: wiring only. The engine (`../engine/playground.ts`) owns the state
 * and the runs; here its events reach the panes, the toolbar and the `data-*` mirror, and the
 * editors (Monaco, the large part) load after Run is usable: until then Run runs the state the
 * page opened with. Marks `playground:interactive` (Run usable), `playground:run` and
 * `playground:first-query`.
 */
import precompiled from "virtual:playground/precompiled";
import { queryCompilerWasmUrl } from "virtual:client-from-schema/wasm-urls";
import sqlJsWasmUrl from "sql.js/dist/sql-wasm-browser.wasm?url";
import codeWorkerUrl from "../runner/worker.ts?worker&url";
import { databaseLabel, databasesOf, isDatabaseChoice, type Database } from "../database.ts";
import { outputLimits } from "../protocol.ts";
import { createPlayground } from "../engine/playground.ts";
import { OutputPane } from "./panes/output-pane.ts";
import { QueriesPane } from "./panes/queries-pane.ts";
import { TablesPane } from "./panes/tables-pane.ts";
import { mirrorForTests } from "./test-mirror.ts";
import { loadPostgresqlFiles } from "./postgresql-files.ts";
import { RenderQueue } from "./render-queue.ts";
import { setUpTabs } from "./tabs.ts";
import { pageElement } from "./page-element.ts";
import { ToolsClient } from "./tools-client.ts";
import { codeWorkerFactory } from "./code-worker-source.ts";

const compileWasm = (url: string) => WebAssembly.compileStreaming(fetch(url));
const tools = new ToolsClient(() => new Worker(new URL("../tools/worker.ts", import.meta.url), { type: "module", name: "playground-schema-tools" }));
const playground = createPlayground({
  precompiled,
  location,
  workers: {
    code: codeWorkerFactory(codeWorkerUrl),
    database: () => new Worker(new URL("../database/worker.ts", import.meta.url), { type: "module", name: "playground-postgresql" }),
  },
  tools,
  wasm: {
    sqlite: async () => {
      const [queryCompiler, sqlJs] = await Promise.all([compileWasm(queryCompilerWasmUrl), compileWasm(sqlJsWasmUrl)]);
      return { queryCompiler, sqlJs };
    },
    postgresql: (onProgress) => loadPostgresqlFiles(precompiled.postgresqlBytes, onProgress),
  },
});

const root = pageElement("playground");
const runButton = pageElement<HTMLButtonElement>("pg-run");
const stopButton = pageElement<HTMLButtonElement>("pg-stop");
const status = pageElement("pg-status");
const databaseSelect = pageElement<HTMLSelectElement>("pg-database");
const progress = pageElement<HTMLProgressElement>("pg-database-progress");
const selectTab = setUpTabs(root);
mirrorForTests(playground, root);

// ---------------------------------------------------------------------------------------------
// The editors, once loaded; until then the placeholders show the opening state

const editors = import("./editors-ui.ts").then(({ mountEditors }) => mountEditors({ precompiled, playground, tools, writeUrl }));
editors.catch((error: unknown) => (status.textContent = `The editors could not load: ${String(error)}`));

// ---------------------------------------------------------------------------------------------
// Toolbar

playground.on("status", ({ text }) => (status.textContent = text));
const showDatabase = () => {
  databaseSelect.value = playground.state.database;
  for (const column of document.querySelectorAll<HTMLElement>(".pg-query-column")) {
    column.hidden = !databasesOf(playground.state.database).includes(column.dataset["database"] as Database);
  }
};
const placeholders = document.querySelectorAll(".pg-editor-placeholder");
let urlWrite: ReturnType<typeof setTimeout> | undefined;
playground.on("state", ({ state, changed, cause }) => {
  if (changed.includes("database")) showDatabase();
  // The address bar holds the state (written a moment after typing stops).
  if (cause !== "open") {
    clearTimeout(urlWrite);
    urlWrite = setTimeout(() => void writeUrl(), cause === "edit" ? 400 : 0);
  }
  // Before the editors mount, their placeholders show the text Run would run.
  const [schema, code] = placeholders;
  if (schema) schema.textContent = state.schema;
  if (code) code.textContent = state.code;
});
async function writeUrl(): Promise<void> {
  const url = new URL(location.href);
  url.search = "";
  url.hash = await playground.urlHash();
  if (url.href !== location.href) history.replaceState(null, "", url);
}

databaseSelect.addEventListener("change", () => {
  if (isDatabaseChoice(databaseSelect.value)) playground.chooseDatabase(databaseSelect.value);
});
playground.on("postgresql", ({ state, progress: received }) => {
  progress.hidden = state !== "loading";
  if (received === undefined) {
    if (state === "loading") progress.removeAttribute("value");
    return;
  }
  const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);
  progress.max = received.total;
  progress.value = received.received;
  progress.setAttribute("aria-valuetext", `${megabytes(received.received)} of ${megabytes(received.total)} MB`);
});

const run = () => {
  performance.mark("playground:run");
  void playground.run();
};
runButton.addEventListener("click", run);
stopButton.addEventListener("click", () => playground.stop());
document.addEventListener("keydown", (event) => {
  // Inside the editors, Monaco's own command handles the shortcut.
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !(event.target instanceof Element && event.target.closest(".monaco-editor"))) {
    event.preventDefault();
    run();
  }
});
playground.on("run-start", () => {
  stopButton.hidden = false;
  if (window.matchMedia("(max-width: 719.98px)").matches) selectTab("pg-tab-results");
});
playground.on("run-end", () => {
  stopButton.hidden = true;
});

// ---------------------------------------------------------------------------------------------
// Results: rendered a frame at a time

const queue = new RenderQueue();
const output = new OutputPane(pageElement("pg-output"), (line) => void editors.then((view) => view.revealCodeLine(line)));
const highlight = async (sql: string) => (await editors).highlightSql(sql);
const queries: Record<Database, QueriesPane> = {
  sqlite: new QueriesPane(pageElement<HTMLOListElement>("pg-queries-sqlite"), pageElement("pg-queries-sqlite-count"), highlight),
  postgresql: new QueriesPane(pageElement<HTMLOListElement>("pg-queries-postgresql"), pageElement("pg-queries-postgresql-count"), highlight),
};
const tables = new TablesPane(pageElement("pg-tables"));
let comparing = false;
const source = (database: Database | undefined) => (comparing && database !== undefined ? databaseLabel[database] : undefined);
let firstQuery = true;

playground.on("run-start", ({ comparing: both }) => {
  comparing = both;
  queue.clear();
  for (const pane of Object.values(queries)) pane.clear();
  output.clear();
  tables.clear();
});
playground.on("note", ({ database, level, text }) =>
  queue.push(() => {
    output.setSource(source(database));
    output.line(level, text);
  }),
);
playground.on("schema-rejected", ({ outcome }) =>
  queue.push(() => {
    output.setSource(undefined);
    output.line("error", outcome.message);
  }),
);
playground.on("query", ({ database, query }) => {
  if (firstQuery) {
    firstQuery = false;
    performance.mark("playground:first-query");
  }
  queue.push(() => queries[database].add(query));
});
playground.on("console", ({ database, level, text, line }) =>
  queue.push(() => {
    output.setSource(source(database));
    output.line(level, text, line);
  }),
);
playground.on("error", ({ database, error, unhandled }) =>
  queue.push(() => {
    output.setSource(source(database));
    output.error(error, unhandled);
  }),
);
playground.on("tables", ({ database, tables: rows }) => queue.push(() => tables.show(rows, source(database))));
playground.on("database-end", ({ database, end }) =>
  queue.push(() => {
    queries[database].end(end.statements);
    if (end.lines > outputLimits.lines) {
      output.setSource(source(database));
      output.more(end.lines - outputLimits.lines);
    }
  }),
);

// ---------------------------------------------------------------------------------------------
// Start

void playground.ready.then(
  () => {
    showDatabase();
    if (playground.openingNotice !== undefined) output.line("notice", playground.openingNotice);
    runButton.disabled = false;
    performance.mark("playground:interactive");
    // While PostgreSQL loads, its progress keeps the status line.
    if (playground.postgresql.state !== "loading") status.textContent = "Ready. Run with the button or Ctrl+Enter.";
    // Prisma's schema tools (about 3 MB of wasm) load after the first run, or a second after
    // Run became usable, whichever comes first, so they never delay the first result. A reader
    // who has chosen PostgreSQL by then waits for it to start first: on two cores the two would
    // slow each other down.
    setTimeout(() => {
      const postgresql = playground.postgresql.state === "loading" ? playground.loadPostgresql() : Promise.resolve();
      postgresql.catch(() => {}).finally(() => tools.start());
    }, 1000);
  },
  (error: unknown) => (status.textContent = `The playground could not start: ${error instanceof Error ? error.message : String(error)}`),
);
showDatabase();
