/**
 * The page's side of the schema tools worker: started on first use (or when the page is idle),
 * one request/response pair per call.
 */
import type { Database } from "../database.ts";
import type { CompileOutcome, CompletionItem, PageToTools, ToolsToPage } from "../protocol.ts";

type Pending = { resolve(message: ToolsToPage): void; reject(error: Error): void };

export class ToolsClient {
  readonly #createWorker: () => Worker;
  #worker: Worker | undefined;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  #readyResolve!: () => void;
  /** Resolves once Prisma's schema wasm has loaded in the worker. */
  readonly ready = new Promise<void>((resolve) => {
    this.#readyResolve = resolve;
  });

  constructor(createWorker: () => Worker) {
    this.#createWorker = createWorker;
  }

  #isReady = false;

  get started(): boolean {
    return this.#worker !== undefined;
  }

  /** Prisma's schema wasm has loaded (`ready` has resolved). */
  get isReady(): boolean {
    return this.#isReady;
  }

  start(): void {
    if (this.#worker !== undefined) return;
    const worker = this.#createWorker();
    this.#worker = worker;
    worker.addEventListener("message", (event: MessageEvent<ToolsToPage>) => {
      const message = event.data;
      if (message.type === "ready") {
        this.#isReady = true;
        this.#readyResolve();
        return;
      }
      const pending = this.#pending.get(message.requestId);
      if (pending === undefined) {
        if (message.type === "failed") console.error(message.message);
        return;
      }
      this.#pending.delete(message.requestId);
      if (message.type === "failed") pending.reject(new Error(message.message));
      else pending.resolve(message);
    });
  }

  async compile(text: string, database: Database): Promise<CompileOutcome> {
    const message = await this.#request({ type: "compile", text, database });
    if (message.type !== "compiled") throw new Error(`Unexpected answer ${message.type} to compile`);
    return message.outcome;
  }

  async format(text: string): Promise<string | null> {
    const message = await this.#request({ type: "format", text });
    if (message.type !== "formatted") throw new Error(`Unexpected answer ${message.type} to format`);
    return message.text;
  }

  async complete(text: string, line: number, character: number): Promise<CompletionItem[]> {
    const message = await this.#request({ type: "complete", text, line, character });
    if (message.type !== "completions") throw new Error(`Unexpected answer ${message.type} to complete`);
    return message.items;
  }

  /** The schema engine's wasm module, compiled by the tools worker (started if it was not). */
  async schemaEngine(): Promise<WebAssembly.Module> {
    const message = await this.#request({ type: "schema-engine" });
    if (message.type !== "schema-engine") throw new Error(`Unexpected answer ${message.type} to schema-engine`);
    return message.module;
  }

  #request(request: DistributiveOmit<PageToTools, "requestId">): Promise<ToolsToPage> {
    this.start();
    const requestId = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(requestId, { resolve, reject });
      this.#worker!.postMessage({ ...request, requestId } as PageToTools);
    });
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
