/**
 * The database side of a driver adapter across a MessagePort: it answers calls with a real
 * driver adapter factory and forwards its query hook's events. `close()` ends it for good: the
 * port is closed, open transactions are rolled back and connections disposed, so nothing the
 * other side sends afterwards reaches the database.
 */
import { DriverAdapterError, type SqlDriverAdapter, type SqlDriverAdapterFactory, type Transaction } from "@prisma/driver-adapter-utils";
import type { AdapterCall, PortReply, PortRequest, RemoteError } from "./protocol.ts";

export interface ServedAdapter {
  /** Rolls back what is still open, disposes the connections and closes the port; the other side is told `reason`. */
  close(reason?: string): Promise<void>;
  /** Rolls back the open transactions (newest first) and keeps serving. */
  rollBackOpenTransactions(): Promise<void>;
}

export interface ServeOptions {
  /** The factory to serve; `emit` forwards one query hook event to the other side. */
  factory(emit: (event: unknown) => void): SqlDriverAdapterFactory;
  /** Calls of the database side's own, by name. */
  extras?: Record<string, (...args: unknown[]) => Promise<unknown>>;
}

export function serveDriverAdapter(port: MessagePort, { factory: createFactory, extras = {} }: ServeOptions): ServedAdapter {
  const send = (reply: PortReply) => port.postMessage(reply);
  let closed = false;
  const factory = createFactory((event) => {
    if (!closed) send({ type: "event", event });
  });
  const adapters = new Map<number, SqlDriverAdapter>();
  const transactions = new Map<number, Transaction>();
  let nextHandle = 1;

  const adapterOf = (handle: number) => adapters.get(handle) ?? unknownHandle(handle);
  const transactionOf = (handle: number) => transactions.get(handle) ?? unknownHandle(handle);
  const queryableOf = (handle: number) => adapters.get(handle) ?? transactionOf(handle);

  async function perform(call: AdapterCall): Promise<unknown> {
    switch (call.method) {
      case "connect": {
        const adapter = await factory.connect();
        const handle = nextHandle++;
        adapters.set(handle, adapter);
        return { handle, connectionInfo: adapter.getConnectionInfo?.() };
      }
      case "queryRaw":
        return queryableOf(call.handle).queryRaw(call.query);
      case "executeRaw":
        return queryableOf(call.handle).executeRaw(call.query);
      case "executeScript":
        return adapterOf(call.handle).executeScript(call.script);
      case "startTransaction": {
        const transaction = await adapterOf(call.handle).startTransaction(call.isolationLevel);
        const handle = nextHandle++;
        transactions.set(handle, transaction);
        return { handle, options: transaction.options };
      }
      case "commit":
      case "rollback": {
        const transaction = transactionOf(call.handle);
        transactions.delete(call.handle);
        return call.method === "commit" ? transaction.commit() : transaction.rollback();
      }
      case "createSavepoint":
      case "rollbackToSavepoint":
      case "releaseSavepoint": {
        const method = transactionOf(call.handle)[call.method];
        if (method === undefined) throw new Error(`The database's driver adapter has no ${call.method}`);
        return method.call(transactionOf(call.handle), call.name);
      }
      case "dispose": {
        const adapter = adapterOf(call.handle);
        adapters.delete(call.handle);
        return adapter.dispose();
      }
      case "extra": {
        const extra = Object.hasOwn(extras, call.name) ? extras[call.name] : undefined;
        if (extra === undefined) throw new Error(`No such call: ${call.name}`);
        return extra(...call.args);
      }
    }
  }

  port.addEventListener("message", (event: MessageEvent<PortRequest>) => {
    const { id, call } = event.data;
    if (closed) return;
    perform(call).then(
      (value) => {
        if (!closed) send({ type: "result", id, value });
      },
      (error: unknown) => {
        if (!closed) send({ type: "failure", id, error: remoteError(error) });
      },
    );
  });
  port.start();

  async function rollBackOpenTransactions(): Promise<void> {
    for (const [handle, transaction] of [...transactions].reverse()) {
      transactions.delete(handle);
      await transaction.rollback().catch(() => {});
    }
  }

  return {
    rollBackOpenTransactions,
    async close(reason = "The database session has ended.") {
      if (closed) return;
      closed = true;
      send({ type: "closed", reason });
      port.close();
      await rollBackOpenTransactions();
      for (const adapter of adapters.values()) await adapter.dispose().catch(() => {});
      adapters.clear();
    },
  };
}

function unknownHandle(handle: number): never {
  throw new Error(`No open connection or transaction ${handle}: it has ended.`);
}

function remoteError(error: unknown): RemoteError {
  if (error instanceof DriverAdapterError) return { driverAdapterError: { ...error.cause } };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: "Error", message: String(error) };
}
