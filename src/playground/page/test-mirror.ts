/**
 * For the end-to-end tests and the benchmark only: the engine's events mirrored as `data-*`
 * attributes on the playground's root, which Playwright waits on. Nothing reads them back.
 *
 * `data-ready` Run is usable; `data-running` a run goes; `data-runs` how many have ended and
 * `data-outcome` how the last did; `data-postgresql` PostgreSQL's state and
 * `data-postgresql-starts` how many times it has started; `data-postgresql-complete` it needs
 * nothing more from the network (the schema engine warm in the database worker). (`data-complete` is the editors', set by `editors-ui.ts`.)
 */
import type { Playground } from "../engine/playground.ts";

export function mirrorForTests(playground: Playground, root: HTMLElement): void {
  const data = root.dataset;
  void playground.ready.then(() => (data["ready"] = ""), () => {});
  playground.on("run-start", () => (data["running"] = ""));
  playground.on("run-end", ({ run, outcome }) => {
    delete data["running"];
    data["outcome"] = outcome;
    data["runs"] = String(run);
  });
  playground.on("postgresql", ({ state, starts, complete }) => {
    data["postgresql"] = state;
    if (starts > 0) data["postgresqlStarts"] = String(starts);
    if (complete) data["postgresqlComplete"] = "";
  });
}
