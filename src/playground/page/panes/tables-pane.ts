/** The Tables region: the rows of every table after the run. */
import type { TableRows } from "../../protocol.ts";
import { rowCount, tableElement, tableRow } from "./table-element.ts";

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
  const { element, body } = tableElement(database === undefined ? `Table ${table.name}` : `Table ${table.name}, ${database}`, `${table.name} (${rowCount(table.rows.length)})`, table.columns);
  body.append(...table.rows.map(tableRow));
  return element;
}
