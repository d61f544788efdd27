/**
 * The page's side of the runner worker. The worker is started from a blob URL whose only line
 * imports the real worker module: a worker made from a blob URL takes the page's
 * Content-Security-Policy (the `<meta>` one included), whatever the server sends, so the
 * reader's code cannot reach another origin or evaluate strings. A run that has not finished
 * within the deadline is stopped by terminating the worker; a new one starts at once with the
 * wasm modules the page compiled before. Each database has a client (and worker) of its own.
 */
import type { CompiledSchema } from "@lucia-prisma/client-from-schema";
import type { PostgresqlStart, RunnerInit, RunnerToPage, RunRequest } from "../protocol.ts";

export interface RunnerModules {
  queryCompiler: WebAssembly.Module;
  sqlJs: WebAssembly.Module;
}

export type RunEnd = { kind: "done"; durationMs: number } | { kind: "timeout"; limitMs: number } | { kind: "crashed"; message: string };

export interface RunnerOptions {
  /** URL of the built worker module. */
  workerUrl: string;
  modules: Promise<RunnerModules>;
  /** A schema to instantiate the query compiler with before the first run. */
  warmUp?: { schema: CompiledSchema; migrationScript: string };
  /** For the PostgreSQL runner: what it starts PostgreSQL from. */
  postgresql?: PostgresqlStart;
  deadlineMs: number;
}

export class RunnerClient {
  readonly #options: RunnerOptions;
  #worker: Worker | undefined;
  #ready: Promise<void> | undefined;
  #nextRunId = 1;
  #current: { runId: number; onMessage(message: RunnerToPage): void; end(result: RunEnd): void } | undefined;

  constructor(options: RunnerOptions) {
    this.#options = options;
  }

  /** Starts the worker (once); resolves when it can run (for PostgreSQL, once PostgreSQL has started). */
  start(): Promise<void> {
    this.#ready ??= this.#spawn();
    return this.#ready;
  }

  /** Ends the worker for good (a runner whose start failed). */
  dispose(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
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
      const timer = setTimeout(() => this.#stop({ kind: "timeout", limitMs: this.#options.deadlineMs }), this.#options.deadlineMs);
      this.#current = {
        runId,
        onMessage,
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
    this.#ready = this.#spawn();
    // A respawn that fails is reported to the next run, which awaits it.
    this.#ready.catch(() => {});
  }

  async #spawn(): Promise<void> {
    const bootstrap = `import ${JSON.stringify(new URL(this.#options.workerUrl, location.href).href)};`;
    const blobUrl = URL.createObjectURL(new Blob([bootstrap], { type: "text/javascript" }));
    const worker = new Worker(blobUrl, { type: "module", name: "playground-runner" });
    this.#worker = worker;
    const ready = new Promise<void>((resolve, reject) => {
      worker.addEventListener("message", (event: MessageEvent<RunnerToPage>) => {
        const message = event.data;
        if (message.type === "ready" || message.type === "start-failed") {
          URL.revokeObjectURL(blobUrl);
          if (message.type === "ready") resolve();
          else reject(new Error(message.message));
          return;
        }
        const current = this.#current;
        if (current === undefined || message.runId !== current.runId) return;
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
    const modules = await this.#options.modules;
    const { warmUp, postgresql } = this.#options;
    worker.postMessage({ type: "init", ...modules, ...(warmUp ? { warmUp } : {}), ...(postgresql ? { postgresql } : {}) } satisfies RunnerInit);
    await ready;
  }
}
