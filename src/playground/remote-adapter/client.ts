/**
 * The Prisma Client's side of a driver adapter across a MessagePort (see `server.ts`): a driver
 * adapter factory whose every call is answered by the database on the other side. Driver
 * adapter errors arrive with their payload, so Prisma maps them to the same P-codes as with the
 * adapter itself. `fence()` refuses every call from then on, on this side.
 */
import {
  type ConnectionInfo,
  DriverAdapterError,
  type IsolationLevel,
  type Provider,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
  type TransactionOptions,
} from "@prisma/driver-adapter-utils";
import type { AdapterCall, PortReply, PortRequest, RemoteError } from "./protocol.ts";

export interface PortAdapterOptions {
  provider: Provider;
  adapterName: string;
  /** Each query hook event from the other side, as it comes (before the reply to its call). */
  onEvent?(event: unknown): void;
}

type Pending = { resolve(value: unknown): void; reject(error: unknown): void };

export class PortAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider: Provider;
  readonly adapterName: string;
  readonly #send: (request: PortRequest) => void;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #fenced: string | undefined;

  constructor(port: MessagePort, { provider, adapterName, onEvent }: PortAdapterOptions) {
    this.provider = provider;
    this.adapterName = adapterName;
    // Bound now: code that later replaces MessagePort.prototype.postMessage cannot see or forge calls.
    this.#send = port.postMessage.bind(port);
    port.addEventListener("message", (event: MessageEvent<PortReply>) => {
      const reply = event.data;
      if (reply.type === "event") {
        onEvent?.(reply.event);
        return;
      }
      if (reply.type === "closed") {
        this.fence(reply.reason);
        return;
      }
      const pending = this.#pending.get(reply.id);
      if (pending === undefined) return;
      this.#pending.delete(reply.id);
      if (reply.type === "result") pending.resolve(reply.value);
      else pending.reject(toError(reply.error));
    });
    port.start();
  }

  /** Refuses every call from now on with `reason`; the calls still waiting for an answer fail with it too. */
  fence(reason: string): void {
    this.#fenced = reason;
    for (const pending of this.#pending.values()) pending.reject(new Error(reason));
    this.#pending.clear();
  }

  /** A call of the database side's own (see `ServeOptions.extras`). */
  extra<T>(name: string, ...args: unknown[]): Promise<T> {
    return this.call({ method: "extra", name, args }) as Promise<T>;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const { handle, connectionInfo } = (await this.call({ method: "connect" })) as { handle: number; connectionInfo?: ConnectionInfo };
    return new PortAdapter(this, handle, connectionInfo);
  }

  /** Sends one call and waits for its answer (the adapter and transaction classes below use it). */
  call(call: AdapterCall): Promise<unknown> {
    if (this.#fenced !== undefined) return Promise.reject(new Error(this.#fenced));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#send({ id, call });
    });
  }
}

class PortQueryable {
  readonly provider: Provider;
  readonly adapterName: string;

  constructor(
    protected readonly factory: PortAdapterFactory,
    protected readonly handle: number,
  ) {
    this.provider = factory.provider;
    this.adapterName = factory.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.factory.call({ method: "queryRaw", handle: this.handle, query }) as Promise<SqlResultSet>;
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.factory.call({ method: "executeRaw", handle: this.handle, query }) as Promise<number>;
  }
}

class PortAdapter extends PortQueryable implements SqlDriverAdapter {
  readonly #connectionInfo: ConnectionInfo | undefined;

  constructor(factory: PortAdapterFactory, handle: number, connectionInfo: ConnectionInfo | undefined) {
    super(factory, handle);
    this.#connectionInfo = connectionInfo;
  }

  async executeScript(script: string): Promise<void> {
    await this.factory.call({ method: "executeScript", handle: this.handle, script });
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const { handle, options } = (await this.factory.call({
      method: "startTransaction",
      handle: this.handle,
      ...(isolationLevel === undefined ? {} : { isolationLevel }),
    })) as { handle: number; options: TransactionOptions };
    return new PortTransaction(this.factory, handle, options);
  }

  getConnectionInfo(): ConnectionInfo {
    return this.#connectionInfo ?? { supportsRelationJoins: false };
  }

  async dispose(): Promise<void> {
    await this.factory.call({ method: "dispose", handle: this.handle });
  }
}

class PortTransaction extends PortQueryable implements Transaction {
  constructor(
    factory: PortAdapterFactory,
    handle: number,
    readonly options: TransactionOptions,
  ) {
    super(factory, handle);
  }

  async commit(): Promise<void> {
    await this.factory.call({ method: "commit", handle: this.handle });
  }

  async rollback(): Promise<void> {
    await this.factory.call({ method: "rollback", handle: this.handle });
  }

  async createSavepoint(name: string): Promise<void> {
    await this.factory.call({ method: "createSavepoint", handle: this.handle, name });
  }

  async rollbackToSavepoint(name: string): Promise<void> {
    await this.factory.call({ method: "rollbackToSavepoint", handle: this.handle, name });
  }

  async releaseSavepoint(name: string): Promise<void> {
    await this.factory.call({ method: "releaseSavepoint", handle: this.handle, name });
  }
}

function toError(error: RemoteError): Error {
  if ("driverAdapterError" in error) return new DriverAdapterError(error.driverAdapterError as ConstructorParameters<typeof DriverAdapterError>[0]);
  const converted = new Error(error.message);
  converted.name = error.name;
  return converted;
}
