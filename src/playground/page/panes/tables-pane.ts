/** The Tables region: the rows of every table after the run. */
import type { TableRows } from "../../protocol.ts";

export class TablesPane {
  readonly #element: HTMLElement;

  constructor(element: HTMLElement) {
    this.#element = element;
  }

  clear(): void {
    this.#element.replaceChildren();
  }

  show(tables: TableRows[]): void {
    this.#element.replaceChildren(...tables.map(renderTable));
  }
}

function renderTable(table: TableRows): HTMLElement {
  const wrapper = document.createElement("div");
  wrapper.className = "pg-table";
  // Scrolls sideways on narrow screens; focusable so keyboard users can scroll it.
  wrapper.tabIndex = 0;
  wrapper.setAttribute("role", "group");
  wrapper.setAttribute("aria-label", `Table ${table.name}`);
  const element = document.createElement("table");
  const caption = document.createElement("caption");
  caption.textContent = `${table.name} (${table.rows.length} ${table.rows.length === 1 ? "row" : "rows"})`;
  const head = document.createElement("thead");
  const headRow = document.createElement("tr");
  for (const column of table.columns) {
    const cell = document.createElement("th");
    cell.scope = "col";
    cell.textContent = column;
    headRow.append(cell);
  }
  head.append(headRow);
  const body = document.createElement("tbody");
  for (const row of table.rows) {
    const rowElement = document.createElement("tr");
    for (const value of row) {
      const cell = document.createElement("td");
      cell.textContent = value;
      rowElement.append(cell);
    }
    body.append(rowElement);
  }
  element.append(caption, head, body);
  wrapper.append(element);
  return wrapper;
}
