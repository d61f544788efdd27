/**
 * The Queries region: one list item per SQL statement, added while the run goes, with the Lucia
 * call and adapter method that sent it, its arguments, its duration, and a bracket around the
 * statements of one transaction (as the driver adapter marked them). Statements are grouped under
 * the Lucia call that sent them (`query-groups.ts`): the first of each group carries the group's
 * heading, so the list stays one list of statements. SQL is highlighted a few statements at a
 * time, so a long list never holds the page up.
 */
import type { QueryItem } from "../../protocol.ts";
import { groupTitle, sameGroup } from "./query-groups.ts";

export type Highlight = (sql: string) => Promise<string>;

export class QueriesPane {
  readonly #list: HTMLOListElement;
  readonly #summary: HTMLElement;
  readonly #highlight: Highlight;
  readonly #more: HTMLElement;
  #count = 0;
  #previous: QueryItem | undefined;
  #group: { count: number; element: HTMLElement; title: string } | undefined;
  /** Statements waiting for their highlighting, oldest first. */
  readonly #toHighlight: { sql: string; element: HTMLElement }[] = [];
  #highlighting = false;

  constructor(list: HTMLOListElement, summary: HTMLElement, highlight: Highlight) {
    this.#list = list;
    this.#summary = summary;
    this.#highlight = highlight;
    this.#more = document.createElement("p");
    this.#more.className = "pg-count";
    this.#more.hidden = true;
    list.after(this.#more);
  }

  clear(): void {
    this.#list.replaceChildren();
    this.#count = 0;
    this.#previous = undefined;
    this.#group = undefined;
    this.#toHighlight.length = 0;
    this.#summary.textContent = "";
    this.#more.hidden = true;
  }

  /** The run ended having sent `total` statements, of which the list shows the first ones. */
  end(total: number): void {
    this.#summary.textContent = statements(total);
    const hidden = total - this.#count;
    this.#more.hidden = hidden <= 0;
    this.#more.textContent = `… ${hidden.toLocaleString("en-US")} more ${hidden === 1 ? "statement" : "statements"} not shown`;
  }

  add(query: QueryItem): void {
    this.#count += 1;
    const item = document.createElement("li");
    item.className = "pg-query";
    if (query.inTransaction) {
      item.dataset["transaction"] = query.transactionBoundary === "begin" ? "start" : query.transactionBoundary === "end" ? "end" : "inside";
    }
    if (query.error !== undefined) item.dataset["failed"] = "";
    if (!sameGroup(this.#previous, query)) {
      const heading = document.createElement("h4");
      heading.className = "pg-query-group";
      item.dataset["groupStart"] = "";
      this.#group = { count: 0, element: heading, title: groupTitle(query) };
      item.append(heading);
    }
    this.#previous = query;
    const group = this.#group!;
    group.count += 1;
    group.element.textContent = `${group.title} · ${statements(group.count)}`;

    const head = document.createElement("div");
    head.className = "pg-query-head";
    const call = document.createElement("span");
    call.className = "pg-query-call";
    call.textContent = [query.luciaMethod, query.adapterMethod].filter((name) => name !== null).join(" → ") || "direct Prisma call";
    const duration = document.createElement("span");
    duration.className = "pg-query-duration";
    duration.textContent = `${query.durationMs < 1 ? query.durationMs.toFixed(2) : query.durationMs.toFixed(1)} ms`;
    head.append(call, duration);

    const sql = document.createElement("code");
    sql.className = "pg-query-sql";
    sql.textContent = query.sql;
    this.#toHighlight.push({ sql: query.sql, element: sql });
    void this.#highlightSome();

    item.append(head, sql);
    if (query.args.length > 0) {
      const args = document.createElement("div");
      args.className = "pg-query-args";
      args.textContent = `[${query.args.join(", ")}]`;
      item.append(args);
    }
    if (query.error !== undefined) {
      const error = document.createElement("div");
      error.className = "pg-query-error";
      error.textContent = query.error;
      item.append(error);
    }
    this.#list.append(item);
    this.#summary.textContent = statements(this.#count);
  }

  async #highlightSome(): Promise<void> {
    if (this.#highlighting) return;
    this.#highlighting = true;
    try {
      for (let next = this.#toHighlight.shift(); next !== undefined; next = this.#toHighlight.shift()) {
        const { sql, element } = next;
        // Monaco's colorizer escapes the text it is given.
        element.innerHTML = await this.#highlight(sql).catch(() => element.innerHTML);
        // A breath between statements, for input and painting.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } finally {
      this.#highlighting = false;
    }
  }
}

const statements = (count: number) => `${count.toLocaleString("en-US")} ${count === 1 ? "statement" : "statements"}`;
