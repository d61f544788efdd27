/**
 * What the last run printed, kept with the state it ran, so a downloaded project's README can say
 * what `npm start` should print. Only a run that ended by itself counts (not one stopped or cut
 * short), and only for the state it ran: after an edit there is nothing to tell.
 */
import { databasesOf } from "../database.ts";
import type { Playground } from "../engine/playground.ts";
import type { PlaygroundState } from "../presets.ts";
import type { RecordedOutput } from "./project-files.ts";

export interface RunRecord {
  /** The output of the last run of exactly `state` on its (first) database, or null. */
  outputFor(state: PlaygroundState): RecordedOutput | null;
}

export function recordRuns(playground: Playground): RunRecord {
  let last: { state: PlaygroundState; output: RecordedOutput } | null = null;
  let current: { state: PlaygroundState; lines: RecordedOutput["lines"][number][]; thrown: string | null } | null = null;
  const shown = (database: string) => current !== null && database === databasesOf(current.state.database)[0];
  playground.on("run-start", () => {
    const { schema, code, database } = playground.state;
    current = { state: { schema, code, database }, lines: [], thrown: null };
  });
  playground.on("console", ({ database, level, text }) => {
    if (shown(database)) current!.lines.push({ stream: level === "error" || level === "warn" ? "stderr" : "stdout", text });
  });
  playground.on("error", ({ database, error }) => {
    if (shown(database)) current!.thrown ??= `${error.name}: ${error.message}`;
  });
  playground.on("run-end", ({ outcome }) => {
    last = current !== null && outcome === "done" ? { state: current.state, output: { lines: current.lines, thrown: current.thrown } } : null;
    current = null;
  });
  return {
    outputFor(state) {
      if (last === null) return null;
      const same = last.state.schema === state.schema && last.state.code === state.code && databasesOf(last.state.database)[0] === databasesOf(state.database)[0];
      return same ? last.output : null;
    },
  };
}
