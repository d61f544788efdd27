export { PrismaPGlite, type PrismaPGliteOptions } from "./pglite.ts";
export type { PGliteSource } from "./connection.ts";
export type { QueryEvent, QueryEventError, QueryHook, TransactionBoundary } from "./query-event.ts";
export type { PgText } from "./conversion.ts";
