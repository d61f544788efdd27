/**
 * A driver adapter factory that can be fenced off: once `fence()` is called, every connection and
 * transaction made through it refuses to run anything. The run fences its client's adapter as the
 * reader's code returns, so queries it left going (a missing `await`) never reach the database.
 */
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

export interface Fenceable {
  factory: SqlDriverAdapterFactory;
  fence(): void;
  /** The message of the error every call fails with once fenced. */
  readonly reason: string;
}

const guardedMethods = new Set<PropertyKey>([
  "queryRaw",
  "executeRaw",
  "executeScript",
  "startTransaction",
  "commit",
  "rollback",
  "createSavepoint",
  "rollbackToSavepoint",
  "releaseSavepoint",
]);

/**
 * `beforeCall` runs before every call (the code worker gives its event loop a turn there, so it
 * answers the page's pings even while the reader's code awaits statement after statement).
 */
export function fenceable(inner: SqlDriverAdapterFactory, reason: string, beforeCall: () => Promise<void> = async () => {}): Fenceable {
  let fenced = false;
  const refuse = () => Promise.reject(new Error(reason));

  function guard<T extends SqlDriverAdapter | Transaction>(target: T): T {
    return new Proxy(target, {
      get(object, property) {
        const value: unknown = Reflect.get(object, property, object);
        if (typeof value !== "function") return value;
        if (!guardedMethods.has(property)) return value.bind(object);
        return async (...args: unknown[]) => {
          if (fenced) return refuse();
          await beforeCall();
          if (fenced) return refuse();
          const result: unknown = await Reflect.apply(value, object, args);
          // A transaction started through a guarded connection is guarded too.
          return property === "startTransaction" ? guard(result as Transaction) : result;
        };
      },
    });
  }

  const factory: SqlDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      if (fenced) return refuse();
      await beforeCall();
      return guard(await inner.connect());
    },
  };
  return {
    factory,
    reason,
    fence() {
      fenced = true;
    },
  };
}
