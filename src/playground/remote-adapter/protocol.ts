/**
 * A Prisma driver adapter used across a MessagePort: the code worker holds the Prisma Client,
 * the database worker holds the database. Every message on the port is one of these. Adapters
 * and transactions are numbered handles on the database's side.
 */
import type { IsolationLevel, SqlQuery } from "@prisma/driver-adapter-utils";

export type AdapterCall =
  | { method: "connect" }
  | { method: "queryRaw" | "executeRaw"; handle: number; query: SqlQuery }
  | { method: "executeScript"; handle: number; script: string }
  | { method: "startTransaction"; handle: number; isolationLevel?: IsolationLevel }
  | { method: "commit" | "rollback" | "dispose"; handle: number }
  | { method: "createSavepoint" | "rollbackToSavepoint" | "releaseSavepoint"; handle: number; name: string }
  /** A call the database side adds to the adapter's own (reading the tables, ending a run). */
  | { method: "extra"; name: string; args: unknown[] };

export interface PortRequest {
  id: number;
  call: AdapterCall;
}

/** How an error crosses: a driver adapter error keeps its whole payload, anything else its name and message. */
export type RemoteError = { driverAdapterError: object } | { name: string; message: string };

export type PortReply =
  | { type: "result"; id: number; value: unknown }
  | { type: "failure"; id: number; error: RemoteError }
  /** A statement ran (the adapter's query hook): sent before the reply to the call that ran it. */
  | { type: "event"; event: unknown }
  /** The database side has closed: every call, waiting or later, fails with `reason`. */
  | { type: "closed"; reason: string };
