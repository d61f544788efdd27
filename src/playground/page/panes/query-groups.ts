/**
 * The Queries region groups statements under the Lucia call that sent them: one group per call
 * (per invocation, numbered by the worker), in the order the statements came; statements outside
 * any Lucia call form groups of their own. Concurrent calls' statements interleave, so one call
 * can have several groups.
 */
import type { QueryItem } from "../../protocol.ts";

export type GroupedQuery = Pick<QueryItem, "luciaCall" | "luciaMethod">;

const outsideLuciaTitle = "direct Prisma call";

export function groupTitle(query: GroupedQuery): string {
  return query.luciaCall === null || query.luciaMethod === null ? outsideLuciaTitle : query.luciaMethod;
}

/** Whether `next` belongs to the group `previous` is in (the statement just before it). */
export function sameGroup(previous: GroupedQuery | undefined, next: GroupedQuery): boolean {
  return previous !== undefined && previous.luciaCall === next.luciaCall;
}
