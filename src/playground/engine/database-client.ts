/**
 * The page's side of the database worker (`../database/worker.ts`): PostgreSQL, started once and
 * lent to one run at a time as a session, a MessagePort the run's code worker is handed.
 */
import type { DatabaseToPage, PageToDatabase, PostgresqlFiles } from "../protocol.ts";

type Request = PageToDatabase extends infer Message ? (Message extends { requestId: number } ? Omit<Message, "requestId"> : never) : never;

export interface Session {
  /** For the run's code worker: its driver adapter talks to PostgreSQL over it. */
  port: MessagePort;
  /** Ends the session: what the run left open is rolled back and the database emptied for the next. */
  close(): Promise<void>;
}

export class DatabaseClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  #nextId = 1;
  #schemaEngineReady!: () => void;
  /** Resolves once the schema engine is warm in the worker (see `giveSchemaEngine`). */
  readonly schemaEngineReady = new Promise<void>((resolve) => (this.#schemaEngineReady = resolve));

  /** `onStarts` is told how many times PostgreSQL has started, each time a run leaves it to start afresh. */
  constructor(worker: Worker, onStarts: (starts: number) => void) {
    this.#worker = worker;
    worker.addEventListener("message", (event: MessageEvent<DatabaseToPage>) => {
      const message = event.data;
      if (message.type === "starts") {
        onStarts(message.starts);
        return;
      }
      if (message.type === "schema-engine-ready") {
        this.#schemaEngineReady();
        return;
      }
      const pending = this.#pending.get(message.requestId);
      if (pending === undefined) return;
      this.#pending.delete(message.requestId);
      if (message.type === "reply") pending.resolve(message.value);
      else pending.reject(new Error(message.message));
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      const error = new Error(`The database worker failed: ${event.message || "its module did not load"}`);
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    });
  }

  async start(files: Pick<PostgresqlFiles, "pglite" | "fsBundle" | "cluster">): Promise<void> {
    await this.#request({ type: "start", files });
  }

  /** Hands over Prisma's schema engine (for the DDL of edited schemas), or why it could not load. */
  giveSchemaEngine(module: Promise<WebAssembly.Module>): void {
    module.then(
      (loaded) => this.#worker.postMessage({ type: "schema-engine", module: loaded } satisfies PageToDatabase),
      (error: unknown) => this.#worker.postMessage({ type: "schema-engine-failed", message: error instanceof Error ? error.message : String(error) } satisfies PageToDatabase),
    );
  }

  migrationScript(text: string): Promise<string> {
    return this.#request({ type: "migration-script", text }) as Promise<string>;
  }

  async open(script: string): Promise<Session> {
    const channel = new MessageChannel();
    const sessionId = (await this.#request({ type: "open", port: channel.port2, script }, [channel.port2])) as number;
    let closing: Promise<void> | undefined;
    return {
      port: channel.port1,
      close: () => (closing ??= this.#request({ type: "close", sessionId }).then(() => {})),
    };
  }

  terminate(): void {
    this.#worker.terminate();
  }

  #request(request: Request, transfer: Transferable[] = []): Promise<unknown> {
    const requestId = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(requestId, { resolve, reject });
      this.#worker.postMessage({ ...request, requestId } as PageToDatabase, transfer);
    });
  }
}
