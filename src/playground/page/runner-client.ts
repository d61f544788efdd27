/**
 * The page's side of the runner worker. The worker is started from a blob URL whose only line
 * imports the real worker module: a worker made from a blob URL takes the page's
 * Content-Security-Policy (the `<meta>` one included), whatever the server sends, so the
 * reader's code cannot reach another origin or evaluate strings. A run that has not finished
 * within the deadline is stopped by terminating the worker; a spare worker, its module loaded
 * beforehand, takes over at once with the wasm modules the page compiled before, so this works
 * offline too. Each database has a client (and workers) of its own.
 */
import type { CompiledSchema } from "@lucia-prisma/client-from-schema";
import type { Database } from "../database.ts";
import type { PostgresqlFiles, RunnerInit, RunnerPreload, RunnerSchemaEngine, RunnerToPage, RunRequest } from "../protocol.ts";

export interface RunnerModules {
  queryCompiler: WebAssembly.Module;
  sqlJs: WebAssembly.Module;
}

export type RunEnd = { kind: "done"; durationMs: number } | { kind: "timeout"; limitMs: number } | { kind: "crashed"; message: string };

export interface RunnerOptions {
  /** URL of the built worker module. */
  workerUrl: string;
  modules: Promise<RunnerModules>;
  /** A schema, with its DDL, to instantiate the query compiler with before the first run. */
  warmUp?: { schema: CompiledSchema; migrationScript: string };
  /**
   * For the PostgreSQL runner: what it starts PostgreSQL from. The worker loads (and imports
   * what PostgreSQL runs need) while these are still arriving.
   */
  postgresql?: Promise<PostgresqlFiles>;
  /**
   * For the PostgreSQL runner: the schema engine, asked for once the runner is ready (it is not
   * needed to start) and handed over when it comes.
   */
  schemaEngine?: () => Promise<WebAssembly.Module>;
  deadlineMs: number;
}

export class RunnerClient {
  readonly #options: RunnerOptions;
  #worker: Worker | undefined;
  #spare: Promise<Worker> | undefined;
  #ready: Promise<void> | undefined;
  #nextRunId = 1;
  #current: { runId: number; onMessage(message: RunnerToPage): void; startDeadline(): void; end(result: RunEnd): void } | undefined;

  constructor(options: RunnerOptions) {
    this.#options = options;
  }

  /** Starts the worker (once); resolves when it can run (for PostgreSQL, once PostgreSQL has started). */
  start(): Promise<void> {
    if (this.#ready === undefined) {
      const ready = this.#spawn();
      this.#ready = ready;
      // A worker that could not start (its module did not load, offline) is tried again next time.
      ready.catch(() => {
        if (this.#ready === ready) this.#ready = undefined;
      });
    }
    return this.#ready;
  }

  /**
   * Loads the module of the worker that will replace this one after a runaway run, so that needs
   * nothing from the network. Resolves once it has loaded.
   */
  prepareSpare(): Promise<void> {
    if (this.#spare === undefined) {
      const spare = loadWorker(this.#options.workerUrl, this.#database);
      this.#spare = spare;
      // One that could not load is forgotten, so a later call tries again.
      spare.catch(() => {
        if (this.#spare === spare) this.#spare = undefined;
      });
    }
    return this.#spare.then(() => undefined);
  }

  /** Ends the workers for good (a runner whose start failed). */
  dispose(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    void this.#spare?.then((worker) => worker.terminate(), () => {});
    this.#spare = undefined;
  }

  /**
   * Runs one program; `onMessage` receives its queries, console lines, errors and tables as they
   * come. Resolves when the run ends, however it ends.
   */
  async run(request: Omit<RunRequest, "type" | "runId">, onMessage: (message: RunnerToPage) => void): Promise<RunEnd> {
    if (this.#current !== undefined) this.#stop({ kind: "crashed", message: "A new run started before this one ended." });
    await this.start();
    const runId = this.#nextRunId++;
    const worker = this.#worker!;
    return new Promise<RunEnd>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      this.#current = {
        runId,
        onMessage,
        // From when the runner starts the run: a warm-up it finishes first is not the reader's code.
        startDeadline: () => {
          timer ??= setTimeout(() => this.#stop({ kind: "timeout", limitMs: this.#options.deadlineMs }), this.#options.deadlineMs);
        },
        end: (result) => {
          clearTimeout(timer);
          this.#current = undefined;
          resolve(result);
        },
      };
      worker.postMessage({ type: "run", runId, ...request } satisfies RunRequest);
    });
  }

  #stop(result: RunEnd): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#current?.end(result);
    this.#ready = undefined;
    // A respawn that fails is reported to the next run, which tries again.
    const ready = this.start();
    // The next runaway run gets a spare too, once there is a network to load it from.
    ready
      .then(() => (navigator.onLine ? undefined : new Promise<void>((resolve) => addEventListener("online", () => resolve(), { once: true }))))
      .then(() => this.prepareSpare())
      .catch(() => {});
  }

  get #database(): Database {
    return this.#options.postgresql ? "postgresql" : "sqlite";
  }

  async #spawn(): Promise<void> {
    const spare = this.#spare;
    this.#spare = undefined;
    // SQLite's first runner imports its few modules as it warms up; PostgreSQL's imports its many
    // (PGlite among them) while the page is still fetching PostgreSQL's files.
    const worker = (await spare?.catch(() => undefined)) ?? (await loadWorker(this.#options.workerUrl, this.#database === "postgresql" ? "postgresql" : undefined));
    this.#worker = worker;
    const ready = new Promise<void>((resolve, reject) => {
      worker.addEventListener("message", (event: MessageEvent<RunnerToPage>) => {
        const message = event.data;
        if (message.type === "loaded" || message.type === "preloaded") return;
        if (message.type === "ready" || message.type === "start-failed") {
          if (message.type === "ready") resolve();
          else reject(new Error(message.message));
          return;
        }
        const current = this.#current;
        if (current === undefined || message.runId !== current.runId) return;
        if (message.type === "run-started") {
          current.startDeadline();
          return;
        }
        current.onMessage(message);
        if (message.type === "done") current.end({ kind: "done", durationMs: message.durationMs });
      });
      worker.addEventListener("error", (event) => {
        event.preventDefault();
        const message = event.message || "The runner worker failed to start.";
        if (this.#current !== undefined && this.#worker === worker) this.#stop({ kind: "crashed", message });
        else reject(new Error(message));
      });
    });
    const [modules, postgresql] = await Promise.all([this.#options.modules, this.#options.postgresql]).catch((error: unknown) => {
      // The files did not arrive: this worker has nothing to start from.
      if (this.#worker === worker) this.#worker = undefined;
      worker.terminate();
      throw error;
    });
    const { warmUp } = this.#options;
    worker.postMessage({ type: "init", ...modules, ...(warmUp ? { warmUp } : {}), ...(postgresql ? { postgresql } : {}) } satisfies RunnerInit);
    await ready;
    this.#options.schemaEngine?.().then(
      (module) => worker.postMessage({ type: "schema-engine", module } satisfies RunnerSchemaEngine),
      (error: unknown) => worker.postMessage({ type: "schema-engine", error: error instanceof Error ? error.message : String(error) } satisfies RunnerSchemaEngine),
    );
  }
}

/**
 * A runner worker whose module has loaded (it says so), not yet given anything to do; a spare
 * (`preload` given) has also imported what a run on that database imports on first use. It is
 * started from a blob URL whose only line imports the real module; see the top of this file.
 */
function loadWorker(workerUrl: string, preload?: Database): Promise<Worker> {
  const bootstrap = `import ${JSON.stringify(new URL(workerUrl, location.href).href)};`;
  const blobUrl = URL.createObjectURL(new Blob([bootstrap], { type: "text/javascript" }));
  const worker = new Worker(blobUrl, { type: "module", name: "playground-runner" });
  return new Promise<Worker>((resolve, reject) => {
    const settle = () => {
      URL.revokeObjectURL(blobUrl);
      worker.removeEventListener("message", onMessage);
      worker.removeEventListener("error", onError);
    };
    const onMessage = (event: MessageEvent<RunnerToPage>) => {
      if (event.data.type === "loaded" && preload !== undefined) {
        worker.postMessage({ type: "preload", database: preload } satisfies RunnerPreload);
      } else if (event.data.type === "loaded" || event.data.type === "preloaded") {
        settle();
        resolve(worker);
      }
    };
    const onError = (event: ErrorEvent) => {
      event.preventDefault();
      settle();
      worker.terminate();
      reject(new Error(`The runner worker could not load: ${event.message || "its module did not load (offline?)"}`));
    };
    worker.addEventListener("message", onMessage);
    worker.addEventListener("error", onError);
  });
}
