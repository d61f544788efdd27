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

  /** Adds one database's tables; `heading` names the database when a run compares two. */
  show(tables: TableRows[], heading?: string): void {
    if (heading !== undefined) {
      const title = document.createElement("h3");
      title.className = "pg-query-column-title";
      title.textContent = heading;
      this.#element.append(title);
    }
    this.#element.append(...tables.map((table) => renderTable(table, heading)));
  }
}

function renderTable(table: TableRows, database: string | undefined): HTMLElement {
  const wrapper = document.createElement("div");
  wrapper.className = "pg-table";
  // Scrolls sideways on narrow screens; focusable so keyboard users can scroll it.
  wrapper.tabIndex = 0;
  wrapper.setAttribute("role", "group");
  wrapper.setAttribute("aria-label", database === undefined ? `Table ${table.name}` : `Table ${table.name}, ${database}`);
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
