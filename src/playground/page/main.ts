/**
 * The playground page's entry: wiring only. The engine (`../engine/playground.ts`) owns the state
 * and the runs; here its events reach the panes, the toolbar and the `data-*` mirror. The editor
 * boxes first hold previews (`preview-editor.ts`: the build's highlighted text under a textarea);
 * Monaco, the large part, mounts in their place when the reader reaches for an editor, or when the
 * page is idle after the first result (`loading-policy.ts` says when more loads by itself). Marks
 * `playground:interactive` (Run usable), `playground:run` and `playground:first-query`.
 */
import precompiled from "virtual:playground/precompiled";
import { queryCompilerWasmUrl } from "virtual:client-from-schema/wasm-urls";
import sqlJsWasmUrl from "sql.js/dist/sql-wasm-browser.wasm?url";
import codeWorkerUrl from "../runner/worker.ts?worker&url";
import { databaseLabel, databasesOf, isDatabaseChoice, type Database } from "../database.ts";
import { outputLimits } from "../protocol.ts";
import { createPlayground } from "../engine/playground.ts";
import { createSchemaDoctor } from "./schema-doctor.ts";
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
import { PreviewEditor } from "./preview-editor.ts";
import { canPrefetch, whenIdle } from "./loading-policy.ts";
import { recordRuns } from "../project/run-record.ts";
import type { EditorsView } from "./editors-ui.ts";
import type { RunRecord } from "./timeline/steps.ts";

// What a run needs (the code worker, Prisma's query compiler, sql.js: about 1.2 MB compressed)
// is fetched once the page has painted, so it never delays the first paint.
const painted = new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const compileWasm = (url: string) => WebAssembly.compileStreaming(fetch(url));
const codeWorker = codeWorkerFactory(codeWorkerUrl);
const tools = new ToolsClient(() => new Worker(new URL("../tools/worker.ts", import.meta.url), { type: "module", name: "playground-schema-tools" }));
const playground = createPlayground({
  precompiled,
  location,
  workers: {
    code: async (database) => {
      await painted;
      return codeWorker(database);
    },
    database: () => new Worker(new URL("../database/worker.ts", import.meta.url), { type: "module", name: "playground-postgresql" }),
  },
  tools,
  wasm: {
    sqlite: async () => {
      await painted;
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
// The "Adapter" note: the call that fits the schema, written into the code on request (with
// Undo once Monaco has mounted).
const doctor = createSchemaDoctor(playground, precompiled, (code) => (editorsView === undefined ? playground.edit({ code }) : editorsView.replaceCode(code)));
mirrorForTests(playground, root);
// The schema diagram: its module loads when the reader first opens it, and it follows the
// doctor's reports from then on.
const diagram = pageElement<HTMLDetailsElement>("pg-diagram");
let diagramLoaded = false;
diagram.addEventListener("toggle", () => {
  if (!diagram.open || diagramLoaded) return;
  diagramLoaded = true;
  const diagramStatus = pageElement("pg-diagram-status");
  import("./panes/diagram-pane.ts").then(
    ({ DiagramPane }) => {
      const pane = new DiagramPane(diagramStatus, pageElement("pg-diagram-figure"));
      doctor.onReport((report) => pane.show(report));
    },
    (error: unknown) => (diagramStatus.textContent = `The diagram could not load: ${error instanceof Error ? error.message : String(error)}`),
  );
});

// ---------------------------------------------------------------------------------------------
// The editors: previews first, Monaco when wanted

const previews = {
  schema: new PreviewEditor(pageElement("pg-schema-editor").querySelector<HTMLElement>(".pg-preview")!, {
    onEdit: (schema) => edited({ schema }),
    onWake: () => void mountEditors(),
  }),
  code: new PreviewEditor(pageElement("pg-code-editor").querySelector<HTMLElement>(".pg-preview")!, {
    onEdit: (code) => edited({ code }),
    onWake: () => void mountEditors(),
  }),
};
function edited(changes: { schema?: string; code?: string }): void {
  loadTools();
  playground.edit(changes);
}

let mountedEditors: Promise<EditorsView> | undefined;
let resolveMounted!: (view: EditorsView) => void;
/** Resolves once Monaco has mounted; asks nothing. */
const editorsMounted = new Promise<EditorsView>((resolve) => (resolveMounted = resolve));
let editorsView: EditorsView | undefined;
/** Mounts Monaco in place of the previews (once) and resolves with its view; `readerWaits` says so in the status line. */
function mountEditors(readerWaits = true): Promise<EditorsView> {
  mountedEditors ??= import("./editors-ui.ts").then(
    ({ mountEditors: mount }) => {
      editorsView = mount({
        precompiled,
        playground,
        tools,
        doctor,
        handOver: () => ({ schema: previews.schema.handOver(), code: previews.code.handOver() }),
        alsoNeeded: loadTimeline(),
      });
      resolveMounted(editorsView);
      return editorsView;
    },
    (error: unknown) => {
      status.textContent = `The editor could not load: ${error instanceof Error ? error.message : String(error)}`;
      throw error;
    },
  );
  if (readerWaits && editorsView === undefined) whileLoading("Loading the editor…", mountedEditors);
  return mountedEditors;
}

/** Prisma's schema tools (about 3 MB of wasm): at the first edit, or in idle time where that is cheap. */
function loadTools(readerWaits = true): void {
  tools.start();
  if (readerWaits && !tools.isReady) whileLoading("Loading Prisma's schema tools to check your schema…", tools.ready);
}

/** What the reader waits for, newest last, and what the status line said before the first. */
const loadingTexts: string[] = [];
let beforeLoading = "";
/** Says in the status line what the reader waits for, until it is in (unless something else was said since). */
function whileLoading(text: string, loading: Promise<unknown>): void {
  if (loadingTexts.includes(text)) return;
  if (loadingTexts.length === 0) beforeLoading = status.textContent ?? "";
  loadingTexts.push(text);
  status.textContent = text;
  const restore = () => {
    const shown = status.textContent === text;
    loadingTexts.splice(loadingTexts.indexOf(text), 1);
    if (shown) status.textContent = loadingTexts.at(-1) ?? beforeLoading;
  };
  loading.then(restore, restore);
}

// ---------------------------------------------------------------------------------------------
// Toolbar

const presetSelect = pageElement<HTMLSelectElement>("pg-preset");
const showPreset = () => {
  const { base } = playground.state;
  presetSelect.value = precompiled.presets.some((preset) => preset.id === base) ? base : "";
};
presetSelect.addEventListener("change", () => {
  if (presetSelect.value !== "") playground.load(presetSelect.value);
});
pageElement("pg-reset").addEventListener("click", () => {
  playground.load(playground.state.base);
  status.textContent = "Reset to where this playground started.";
});
pageElement("pg-format").addEventListener("click", () => {
  loadTools();
  void mountEditors().then((view) => view.formatSchema());
});
pageElement("pg-share").addEventListener("click", async () => {
  await writeUrl();
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = "Link copied: it opens this schema and code.";
  } catch {
    status.textContent = `Copy this link from the address bar: ${location.href}`;
  }
});

// What the last run printed, for the README of a downloaded project.
const runs = recordRuns(playground);
pageElement("pg-download").addEventListener("click", async () => {
  const { downloadProject } = await import("../project/download-project.ts");
  const { state } = playground;
  const preset = precompiled.presets.find((candidate) => candidate.id === state.base && candidate.schema === state.schema && candidate.code === state.code) ?? null;
  const downloaded = downloadProject({ state, preset, output: runs.outputFor(state), base: import.meta.env.BASE_URL });
  status.textContent = `Downloaded ${downloaded.fileName} (${(downloaded.bytes / 1000).toFixed(1)} kB): unzip it, then run npm install and npm start.`;
});

playground.on("status", ({ text }) => (status.textContent = text));
const showDatabase = () => {
  databaseSelect.value = playground.state.database;
  for (const column of document.querySelectorAll<HTMLElement>(".pg-query-column")) {
    column.hidden = !databasesOf(playground.state.database).includes(column.dataset["database"] as Database);
  }
};
let urlWrite: ReturnType<typeof setTimeout> | undefined;
playground.on("state", ({ state, changed, cause }) => {
  if (changed.includes("database")) showDatabase();
  if (changed.includes("base")) showPreset();
  // The address bar holds the state (written a moment after typing stops).
  if (cause !== "open") {
    clearTimeout(urlWrite);
    urlWrite = setTimeout(() => void writeUrl(), cause === "edit" ? 400 : 0);
  }
  // Until Monaco mounts, the previews show the text Run would run.
  if (mountedEditors === undefined) {
    previews.schema.show(state.schema);
    previews.code.show(state.code);
  }
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
  // The first result is in: Monaco mounts when the page has nothing else to do.
  whenIdle(() => void mountEditors(false));
});

// ---------------------------------------------------------------------------------------------
// Results: rendered a frame at a time

const queue = new RenderQueue();
const output = new OutputPane(pageElement("pg-output"), (line) => void mountEditors().then((view) => view.revealCodeLine(line)));
const highlight = async (sql: string) => (await editorsMounted).highlightSql(sql);
const queries: Record<Database, QueriesPane> = {
  sqlite: new QueriesPane(pageElement<HTMLOListElement>("pg-queries-sqlite"), pageElement("pg-queries-sqlite-count"), highlight),
  postgresql: new QueriesPane(pageElement<HTMLOListElement>("pg-queries-postgresql"), pageElement("pg-queries-postgresql-count"), highlight),
};
const tables = new TablesPane(pageElement("pg-tables"));
const timeline = pageElement("pg-timeline");
/** The Timeline's module: at a run's end, or with the editors (so it is in before the page is used offline). */
let timelineModule: Promise<typeof import("./timeline/timeline-pane.ts")> | undefined;
function loadTimeline() {
  return (timelineModule ??= import("./timeline/timeline-pane.ts").catch((error: unknown) => {
    timelineModule = undefined;
    throw error;
  }));
}
/** What the Timeline region shows once the run has ended (its module loads then). */
let records = new Map<Database, RunRecord>();
const recordOf = (database: Database) => records.get(database) ?? records.set(database, { queries: [], steps: [] }).get(database)!;
let comparing = false;
const source = (database: Database | undefined) => (comparing && database !== undefined ? databaseLabel[database] : undefined);
let firstQuery = true;

let latestRun = 0;
playground.on("run-start", ({ run: number, comparing: both }) => {
  latestRun = number;
  comparing = both;
  records = new Map();
  timeline.textContent = "The timeline shows once the run has ended.";
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
  recordOf(database).queries.push(query);
  queue.push(() => queries[database].add(query));
});
playground.on("step", ({ database, step }) => {
  recordOf(database).steps.push(step);
  // After the first result, so it takes nothing from it; in by the run's end, so the panel settles with the rest.
  loadTimeline().catch(() => {});
});
playground.on("calls", ({ database, total }) => (recordOf(database).calls = total));
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
playground.on("tables", ({ database, tables: rows }) => {
  recordOf(database).tables = rows;
  queue.push(() => tables.show(rows, source(database)));
});
playground.on("run-end", ({ run: number }) => {
  const ran = [...records].map(([database, record]) => ({ label: source(database), record }));
  loadTimeline().then(({ showTimelines }) =>
    // After the panes' own work, and only if no other run has started meanwhile.
    queue.push(() => {
      if (latestRun !== number) return;
      if (ran.length > 0) showTimelines(timeline, ran);
      else timeline.textContent = "Nothing ran, so there is no timeline.";
    }),
    (error: unknown) => (timeline.textContent = `The timeline could not load: ${error instanceof Error ? error.message : String(error)}`),
  );
});
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
    for (const control of document.querySelectorAll<HTMLButtonElement | HTMLSelectElement>("[data-enabled-when-ready]")) control.disabled = false;
    showPreset();
    performance.mark("playground:interactive");
    // While PostgreSQL loads, its progress keeps the status line.
    if (playground.postgresql.state !== "loading") status.textContent = "Ready. Run with the button or Ctrl+Enter.";
    // Where fetching ahead is cheap (see loading-policy.ts), the editor and Prisma's schema tools
    // load a second after Run became usable, once the page is idle, so a first Run right away
    // does not share the network with them and the first edit finds them in. A reader who has
    // chosen PostgreSQL by then waits for it to start first: on two cores they slow each other down.
    if (canPrefetch()) {
      setTimeout(() => whenIdle(() => {
        const postgresql = playground.postgresql.state === "loading" ? playground.loadPostgresql() : Promise.resolve();
        postgresql.catch(() => {}).finally(() => {
          loadTools(false);
          void mountEditors(false);
        });
      }), 1000);
    }
  },
  (error: unknown) => (status.textContent = `The playground could not start: ${error instanceof Error ? error.message : String(error)}`),
);
showDatabase();
