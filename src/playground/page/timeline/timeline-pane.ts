/**
 * The Timeline region (loaded once a run has ended): the run one Lucia call at a time. Previous
 * and Next, or the step list (arrow keys move through it), choose a step; the step shows its
 * call, its statements and the tables as they were when it ended, with the rows that changed
 * since the step before marked in words (inserted, updated, deleted), not only in colour. A
 * polite live region says which step is shown. A run that compared both databases gets a
 * timeline for each.
 */
import { describeChanges, diffTables, type TableDiff } from "./table-diff.ts";
import { rowCount, tableElement, tableRow } from "../panes/table-element.ts";
import { timelineSteps, unrecordedCalls, type RunRecord, type TimelineStep } from "./steps.ts";

export interface TimelineRun {
  /** The database's label, or undefined when the run used one database. */
  label: string | undefined;
  record: RunRecord;
}

/** Replaces `element`'s content with a timeline per database. */
export function showTimelines(element: HTMLElement, runs: readonly TimelineRun[]): void {
  element.replaceChildren(...runs.map((run) => renderTimeline(run)));
}

const outcomeText: Record<TimelineStep["outcome"], string> = { ok: "resolved", error: "rejected", end: "after the code returned" };

function renderTimeline({ label, record }: TimelineRun): HTMLElement {
  const steps = timelineSteps(record);
  const wrapper = document.createElement("div");
  wrapper.className = "pg-timeline";
  const idPrefix = `pg-timeline-${label === undefined ? "run" : label.replace(/\W+/g, "-").toLowerCase()}`;
  if (label !== undefined) {
    const title = document.createElement("h3");
    title.className = "pg-query-column-title";
    title.textContent = label;
    wrapper.append(title);
  }
  if (steps.length === 0) {
    const empty = document.createElement("p");
    empty.className = "pg-count";
    empty.textContent = "The run was stopped before it recorded a step.";
    wrapper.append(empty);
    return wrapper;
  }

  const controls = document.createElement("div");
  controls.className = "pg-timeline-controls";
  const previous = button("Previous");
  const next = button("Next");
  const listLabel = document.createElement("label");
  listLabel.htmlFor = `${idPrefix}-steps`;
  listLabel.textContent = label === undefined ? "Steps" : `Steps, ${label}`;
  const list = document.createElement("select");
  list.id = `${idPrefix}-steps`;
  list.className = "pg-timeline-steps";
  // At least 2: a select of size 1 is a drop-down, not a list the arrow keys step through.
  list.size = Math.max(2, Math.min(steps.length, 6));
  for (const [index, step] of steps.entries()) {
    const option = document.createElement("option");
    option.value = String(index);
    option.textContent = `${index + 1}. ${step.title}${step.outcome === "error" ? " (rejected)" : ""}`;
    list.append(option);
  }
  controls.append(previous, next, listLabel, list);

  const summary = document.createElement("p");
  summary.className = "pg-timeline-summary";
  summary.setAttribute("aria-live", "polite");
  const detail = document.createElement("div");
  detail.className = "pg-timeline-step";
  wrapper.append(controls, summary);
  const unrecorded = unrecordedCalls(record);
  if (unrecorded > 0) {
    const more = document.createElement("p");
    more.className = "pg-count";
    more.textContent = `The timeline holds the first ${record.steps.length.toLocaleString("en-US")} Lucia calls: ${unrecorded.toLocaleString("en-US")} more ${unrecorded === 1 ? "was" : "were"} not recorded (their changes show in the end of run).`;
    wrapper.append(more);
  }
  wrapper.append(detail);

  const diffs = steps.map((step, index) => diffTables(steps[index - 1]?.tables, step.tables));
  let current = -1;
  const show = (index: number) => {
    if (index === current) return;
    current = index;
    const step = steps[index]!;
    list.value = String(index);
    previous.disabled = index === 0;
    next.disabled = index === steps.length - 1;
    summary.textContent = `${label === undefined ? "" : `${label}: `}Step ${index + 1} of ${steps.length}: ${step.title} — ${describeChanges(diffs[index]!)}`;
    detail.replaceChildren(...renderStep(step, diffs[index]!, label));
  };
  previous.addEventListener("click", () => show(Math.max(0, current - 1)));
  next.addEventListener("click", () => show(Math.min(steps.length - 1, current + 1)));
  list.addEventListener("change", () => show(Number(list.value)));
  // The first step, said without announcing it (the summary's text is there before anyone listens).
  show(0);
  return wrapper;
}

function button(text: string): HTMLButtonElement {
  const element = document.createElement("button");
  element.type = "button";
  element.textContent = text;
  return element;
}

function renderStep(step: TimelineStep, diffs: readonly TableDiff[], label: string | undefined): HTMLElement[] {
  const call = document.createElement("p");
  call.className = "pg-timeline-call";
  const name = document.createElement("strong");
  name.textContent = step.title;
  call.append(
    name,
    step.outcome === "end"
      ? ": the tables after the code returned, as the Tables region shows them."
      : ` ${outcomeText[step.outcome]}. The tables as they were when this call ended (calls running alongside it may have changed them too).`,
  );

  const statements = document.createElement("details");
  statements.className = "pg-timeline-statements";
  const heading = document.createElement("summary");
  heading.textContent = `${step.queries.length.toLocaleString("en-US")} ${step.queries.length === 1 ? "statement" : "statements"}`;
  statements.append(heading);
  if (step.queries.length > 0) {
    statements.open = step.queries.length <= 8;
    const list = document.createElement("ol");
    for (const query of step.queries) {
      const item = document.createElement("li");
      const sql = document.createElement("code");
      sql.textContent = query.sql;
      item.append(sql);
      if (query.error !== undefined) item.append(` — ${query.error}`);
      list.append(item);
    }
    statements.append(list);
  }
  return [call, statements, ...diffs.map((diff) => renderTable(diff, label))];
}

const marks = { inserted: "+ inserted", updated: "~ updated", deleted: "− deleted" } as const;

function renderTable(diff: TableDiff, database: string | undefined): HTMLElement {
  const label = database === undefined ? `Table ${diff.name} at this step` : `Table ${diff.name} at this step, ${database}`;
  const caption = `${diff.name} (${rowCount(diff.rows.length)}${diff.deleted.length > 0 ? `, ${diff.deleted.length} deleted` : ""})`;
  const columns = diff.columns.length > 0 ? diff.columns : diff.deletedColumns;
  const { element, body } = tableElement(label, caption, ["change", ...columns]);
  for (const row of diff.rows) {
    const rowElement = markedRow(row.change === "unchanged" ? undefined : row.change, row.cells);
    for (const index of row.changedColumns) rowElement.cells[index + 1]?.setAttribute("data-changed", "");
    body.append(rowElement);
  }
  // Deleted rows last, struck through, in the columns they had.
  for (const cells of diff.deleted) body.append(markedRow("deleted", columns === diff.deletedColumns ? cells : alignCells(cells, diff.deletedColumns, columns)));
  return element;
}

/** A row with its change said in words in the first cell. */
function markedRow(change: keyof typeof marks | undefined, cells: readonly string[]): HTMLTableRowElement {
  const row = tableRow(cells);
  if (change !== undefined) row.dataset["change"] = change;
  const mark = document.createElement("td");
  mark.className = "pg-change";
  mark.textContent = change === undefined ? "" : marks[change];
  row.prepend(mark);
  return row;
}

function alignCells(cells: readonly string[], from: readonly string[], to: readonly string[]): string[] {
  return to.map((column) => cells[from.indexOf(column)] ?? "");
}
