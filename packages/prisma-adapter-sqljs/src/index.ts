export { PrismaSqlJs, type PrismaSqlJsOptions } from "./sqljs.ts";
export type { DatabaseSource, SqlJsLoader } from "./connection.ts";
export type { QueryEvent, QueryEventError, QueryHook, TransactionBoundary } from "./query-event.ts";
export type { BindValue } from "./conversion.ts";
