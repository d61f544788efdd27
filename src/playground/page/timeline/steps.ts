/**
 * A run's timeline for one database: its recorded steps (one per outermost Lucia call, in the
 * order they settled), each with its statements, then the end of the run with the tables as the
 * Tables region shows them, so the last step always matches it.
 */
import type { QueryItem, RunStep, TableRows } from "../../protocol.ts";

/** What the page collected from one database's run. */
export interface RunRecord {
  /** The statements the page was sent, in order: statement n is `queries[n - 1]`. */
  queries: QueryItem[];
  steps: RunStep[];
  /** How many outermost Lucia calls the run made (the `calls` message); undefined if it was stopped first. */
  calls?: number;
  /** The tables after the run; undefined if it was stopped first. */
  tables?: TableRows[];
}

export interface TimelineStep {
  title: string;
  /** "ok"/"error" for a Lucia call; "end" for the run's end. */
  outcome: RunStep["outcome"] | "end";
  queries: QueryItem[];
  tables: TableRows[];
}

export function timelineSteps(record: RunRecord): TimelineStep[] {
  const steps = record.steps.map(
    (step): TimelineStep => ({
      title: step.luciaMethod,
      outcome: step.outcome,
      queries: step.statements === null ? [] : record.queries.slice(step.statements.first - 1, step.statements.last).filter((query) => query.luciaCall === step.call),
      tables: step.tables,
    }),
  );
  if (record.tables !== undefined) {
    const lastStatement = Math.max(0, ...record.steps.map((step) => step.statements?.last ?? 0));
    steps.push({
      title: "end of run",
      outcome: "end",
      queries: record.queries.slice(lastStatement).filter((query) => query.luciaCall === null),
      tables: record.tables,
    });
  }
  return steps;
}

/** How many outermost Lucia calls the timeline could not show. */
export function unrecordedCalls(record: RunRecord): number {
  return record.calls === undefined ? 0 : record.calls - record.steps.length;
}
