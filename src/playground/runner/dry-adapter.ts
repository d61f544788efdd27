/**
 * A driver adapter with no database behind it: every query answers with no rows. A spare code
 * worker builds the warm-up schema's client over it and sends one query, so Prisma's query
 * compiler is instantiated before the reader presses Run, without a database to do it on.
 */
import type { Provider, SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

export function dryAdapterFactory(provider: Provider): SqlDriverAdapterFactory {
  const info = { provider, adapterName: "playground-warm-up" };
  const queryable = {
    ...info,
    queryRaw: async () => ({ columnNames: [], columnTypes: [], rows: [] }),
    executeRaw: async () => 0,
  };
  const transaction: Transaction = {
    ...queryable,
    options: { usePhantomQuery: false },
    commit: async () => {},
    rollback: async () => {},
  };
  const adapter: SqlDriverAdapter = {
    ...queryable,
    executeScript: async () => {},
    startTransaction: async () => transaction,
    dispose: async () => {},
  };
  return { ...info, connect: async () => adapter };
}
