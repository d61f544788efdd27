/**
 * What changed in the tables between two timeline steps: each row of the later snapshot is
 * inserted, updated or unchanged, and the rows that are gone are listed as deleted. Rows are
 * matched by their `id` column, else by their first column.
 */
import type { TableRows } from "../../protocol.ts";

export type RowChange = "inserted" | "updated" | "unchanged";

export interface DiffRow {
  cells: string[];
  change: RowChange;
  /** For an updated row: the indexes of the cells whose value changed. */
  changedColumns: number[];
}

export interface TableDiff {
  name: string;
  columns: string[];
  rows: DiffRow[];
  /** The earlier snapshot's rows that are gone, in that snapshot's columns. */
  deleted: string[][];
  deletedColumns: string[];
}

/** The column rows are matched by: `id` if the table has one, else the first. */
export function keyColumn(columns: readonly string[]): number {
  const id = columns.indexOf("id");
  return id === -1 ? 0 : id;
}

/** `before` undefined: the first step, compared with empty tables. */
export function diffTables(before: readonly TableRows[] | undefined, after: readonly TableRows[]): TableDiff[] {
  const earlier = new Map((before ?? []).map((table) => [table.name, table]));
  const diffs = after.map((table) => diffTable(earlier.get(table.name), table));
  // A table the run dropped: every row it had is deleted.
  const names = new Set(after.map((table) => table.name));
  for (const table of before ?? []) {
    if (!names.has(table.name)) diffs.push({ name: table.name, columns: [], rows: [], deleted: table.rows, deletedColumns: table.columns });
  }
  return diffs;
}

function diffTable(before: TableRows | undefined, after: TableRows): TableDiff {
  const key = keyColumn(after.columns);
  const earlierColumns = before?.columns ?? [];
  const earlierKey = keyColumn(earlierColumns);
  const earlierRows = new Map<string, string[]>();
  for (const row of before?.rows ?? []) {
    const value = row[earlierKey];
    if (value !== undefined && !earlierRows.has(value)) earlierRows.set(value, row);
  }
  const matched = new Set<string>();
  const rows = after.rows.map((cells): DiffRow => {
    const value = cells[key];
    const earlier = value === undefined || matched.has(value) ? undefined : earlierRows.get(value);
    if (earlier === undefined || value === undefined) return { cells, change: "inserted", changedColumns: [] };
    matched.add(value);
    const changedColumns = after.columns.flatMap((column, index) => {
      const earlierIndex = earlierColumns.indexOf(column);
      return earlierIndex === -1 || earlier[earlierIndex] !== cells[index] ? [index] : [];
    });
    return { cells, change: changedColumns.length === 0 ? "unchanged" : "updated", changedColumns };
  });
  const deleted = [...earlierRows].filter(([value]) => !matched.has(value)).map(([, row]) => row);
  return { name: after.name, columns: after.columns, rows, deleted, deletedColumns: earlierColumns };
}

/** "1 row inserted in User, 1 row inserted in Key", "2 rows updated, 1 deleted in Session", or "no rows changed". */
export function describeChanges(diffs: readonly TableDiff[]): string {
  const parts = diffs.flatMap((diff) => {
    const counts = [
      [diff.rows.filter((row) => row.change === "inserted").length, "inserted"],
      [diff.rows.filter((row) => row.change === "updated").length, "updated"],
      [diff.deleted.length, "deleted"],
    ] as const;
    const said = counts.filter(([count]) => count > 0).map(([count, what], index) => (index === 0 ? `${count} ${count === 1 ? "row" : "rows"} ${what}` : `${count} ${what}`));
    return said.length === 0 ? [] : [`${said.join(", ")} in ${diff.name}`];
  });
  return parts.length === 0 ? "no rows changed" : parts.join("; ");
}
