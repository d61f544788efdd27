/**
 * Runs the reader's code, each run in a code worker of its own (see `../runner/worker.ts`). A
 * spare worker is prepared ahead, given its wasm modules and warmed up, so Run does not wait for
 * it; the worker is terminated when its run ends, however it ends, and the next run takes a new
 * spare. The page talks to a worker only over the private port it hands it.
 *
 * A run is stopped when its worker has not answered for `answerMs` (a synchronous loop, an
 * endless chain of microtasks), after `totalMs` in all (a loop over timers), or on `stop()`.
 */
import type { CompiledSchema } from "@lucia-prisma/client-from-schema";
import type { Database } from "../database.ts";
import type { CodeWorkerInit, CodeWorkerToPage, RunCounts, RunRequest } from "../protocol.ts";

export interface RunLimits {
  /** How often the page asks the worker whether it is alive. */
  pingMs: number;
  /** How long a worker may go without answering. */
  answerMs: number;
  /** How long a run may take in all. */
  totalMs: number;
}

export const runLimits: RunLimits = { pingMs: 250, answerMs: 2000, totalMs: 30_000 };

/** What a worker is given before its run: the wasm the page compiled, and a schema to warm up with. */
export interface CodeWorkerSetup {
  queryCompiler: WebAssembly.Module;
  sqlJs?: WebAssembly.Module;
  warmUp?: CompiledSchema;
}

export type RunEnd =
  | ({ kind: "done"; durationMs: number; pending: number } & RunCounts)
  | ({ kind: "unresponsive" | "time-limit" | "stopped" } & RunCounts)
  | ({ kind: "crashed"; message: string } & RunCounts);

export type RunMessage = Exclude<CodeWorkerToPage, { type: "ready" | "start-failed" | "pong" | "done" }>;

export interface CodeRunnerOptions {
  database: Database;
  /** A new code worker. */
  createWorker(): Worker | Promise<Worker>;
  setup(): Promise<CodeWorkerSetup>;
  limits?: RunLimits;
}

export interface RunHandle {
  ended: Promise<RunEnd>;
  stop(): void;
}

interface Spare {
  /** Resolves once the worker has its modules and has warmed up; rejects with why it could not. */
  ready: Promise<{ worker: Worker; port: MessagePort }>;
  terminate(): void;
  /** Told of the worker's `error` event (its module failed, or it died). */
  onError(listener: (message: string) => void): void;
}

/** The page was itself held up this long between two of its ticks: it gives the worker the benefit of the doubt. */
const pageLateMs = 1000;

export class CodeRunner {
  readonly #options: CodeRunnerOptions;
  readonly #limits: RunLimits;
  #spare: Spare | undefined;

  constructor(options: CodeRunnerOptions) {
    this.#options = options;
    this.#limits = options.limits ?? runLimits;
  }

  get database(): Database {
    return this.#options.database;
  }

  /** Makes a spare worker, unless there is one; resolves once it is ready to run. */
  prepare(): Promise<void> {
    this.#spare ??= this.#makeSpare();
    return this.#spare.ready.then(() => {});
  }

  /** Ends the spare (the runner is no longer wanted). */
  dispose(): void {
    this.#spare?.terminate();
    this.#spare = undefined;
  }

  /**
   * Runs one program in the spare (or a new worker); `onMessage` receives its output as it comes.
   * A PostgreSQL request's `session` port is handed over to the worker.
   */
  run(request: Omit<RunRequest, "type">, onMessage: (message: RunMessage) => void): RunHandle {
    let stopRequested = false;
    let stopNow: () => void = () => {
      stopRequested = true;
    };
    const ended = (async (): Promise<RunEnd> => {
      const spare = this.#spare ?? this.#makeSpare();
      this.#spare = undefined;
      let crashed: string | undefined;
      spare.onError((message) => (crashed = message));
      let ready: { worker: Worker; port: MessagePort };
      try {
        ready = await spare.ready;
      } catch (error) {
        spare.terminate();
        return { kind: "crashed", message: error instanceof Error ? error.message : String(error), lines: 0, statements: 0 };
      }
      if (stopRequested) {
        spare.terminate();
        return { kind: "stopped", lines: 0, statements: 0 };
      }
      return new Promise<RunEnd>((resolve) => {
        const { port, worker } = ready;
        const counts: RunCounts = { lines: 0, statements: 0 };
        const started = performance.now();
        let lastAnswer = started;
        let lastTick = started;
        const finish = (end: RunEnd) => {
          clearInterval(heartbeat);
          port.onmessage = null;
          port.close();
          worker.terminate();
          resolve(end);
        };
        stopNow = () => finish({ kind: "stopped", ...counts });
        if (crashed !== undefined) {
          finish({ kind: "crashed", message: crashed, ...counts });
          return;
        }
        spare.onError((message) => finish({ kind: "crashed", message, ...counts }));
        const heartbeat = setInterval(() => {
          const now = performance.now();
          if (now - lastTick > pageLateMs) lastAnswer = now;
          lastTick = now;
          if (now - started > this.#limits.totalMs) finish({ kind: "time-limit", ...counts });
          else if (now - lastAnswer > this.#limits.answerMs) finish({ kind: "unresponsive", ...counts });
          else port.postMessage({ type: "ping" });
        }, this.#limits.pingMs);
        port.onmessage = (event: MessageEvent<CodeWorkerToPage>) => {
          const message = event.data;
          if (message.type === "pong" || message.type === "done") {
            lastAnswer = performance.now();
            counts.lines = message.lines;
            counts.statements = message.statements;
            if (message.type === "done") finish({ kind: "done", durationMs: message.durationMs, pending: message.pending, ...counts });
            return;
          }
          if (message.type === "ready" || message.type === "start-failed") return;
          onMessage(message);
        };
        const transfer = request.session === undefined ? [] : [request.session];
        port.postMessage({ type: "run", ...request } satisfies RunRequest, transfer);
      });
    })();
    return { ended, stop: () => stopNow() };
  }

  #makeSpare(): Spare {
    const channel = new MessageChannel();
    const errorListeners: ((message: string) => void)[] = [];
    let failed: string | undefined;
    let terminated = false;
    const fail = (message: string) => {
      failed ??= message;
      for (const listener of errorListeners.splice(0)) listener(failed);
    };
    const created = Promise.resolve().then(() => this.#options.createWorker());
    const spare: Spare = {
      ready: new Promise((resolve, reject) => {
        errorListeners.push((message) => reject(new Error(message)));
        channel.port1.onmessage = (event: MessageEvent<CodeWorkerToPage>) => {
          if (event.data.type === "ready") void created.then((worker) => resolve({ worker, port: channel.port1 }));
          else if (event.data.type === "start-failed") fail(`The code worker could not start: ${event.data.message}`);
        };
      }),
      terminate() {
        terminated = true;
        channel.port1.close();
        void created.then((worker) => worker.terminate(), () => {});
      },
      onError(listener) {
        if (failed !== undefined) listener(failed);
        else errorListeners.push(listener);
      },
    };
    // A spare that failed is not kept: the next run or `prepare()` makes another.
    spare.ready.catch(() => {
      if (this.#spare === spare) this.#spare = undefined;
    });
    Promise.all([created, this.#options.setup()]).then(
      ([worker, setup]) => {
        if (terminated) return worker.terminate();
        worker.addEventListener("error", (event) => {
          event.preventDefault();
          fail(`The code worker failed: ${event.message || "its module did not load (offline?)"}`);
        });
        const init: CodeWorkerInit = { type: "init", port: channel.port2, database: this.#options.database, ...setup };
        worker.postMessage(init, [channel.port2]);
      },
      (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
    );
    return spare;
  }
}
