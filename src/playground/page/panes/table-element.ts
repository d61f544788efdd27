/**
 * A table as the Tables and Timeline regions draw it: a named group that scrolls sideways on
 * narrow screens (focusable, so keyboard users can scroll it), a caption, a header cell per
 * column, and a body the caller fills with `tableRow`s.
 */
export function tableElement(label: string, caption: string, columns: readonly string[]): { element: HTMLElement; body: HTMLTableSectionElement } {
  const element = document.createElement("div");
  element.className = "pg-table";
  element.tabIndex = 0;
  element.setAttribute("role", "group");
  element.setAttribute("aria-label", label);
  const table = document.createElement("table");
  const captionElement = document.createElement("caption");
  captionElement.textContent = caption;
  const head = document.createElement("thead");
  const headRow = document.createElement("tr");
  for (const column of columns) {
    const cell = document.createElement("th");
    cell.scope = "col";
    cell.textContent = column;
    headRow.append(cell);
  }
  head.append(headRow);
  const body = document.createElement("tbody");
  table.append(captionElement, head, body);
  element.append(table);
  return { element, body };
}

/** A body row, one cell per value. */
export function tableRow(values: readonly string[]): HTMLTableRowElement {
  const row = document.createElement("tr");
  for (const value of values) {
    const cell = document.createElement("td");
    cell.textContent = value;
    row.append(cell);
  }
  return row;
}

export const rowCount = (count: number): string => `${count} ${count === 1 ? "row" : "rows"}`;
