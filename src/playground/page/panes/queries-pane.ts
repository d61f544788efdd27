/**
 * The Queries region: one list item per SQL statement, added while the run goes, with the Lucia
 * call and adapter method that sent it, its arguments, its duration, and a bracket around the
 * statements of one transaction.
 */
import type { QueryItem } from "../../protocol.ts";

export type Highlight = (sql: string) => Promise<string>;

export class QueriesPane {
  readonly #list: HTMLOListElement;
  readonly #summary: HTMLElement;
  readonly #highlight: Highlight;
  #count = 0;
  #inTransaction = false;

  constructor(list: HTMLOListElement, summary: HTMLElement, highlight: Highlight) {
    this.#list = list;
    this.#summary = summary;
    this.#highlight = highlight;
  }

  clear(): void {
    this.#list.replaceChildren();
    this.#count = 0;
    this.#inTransaction = false;
    this.#summary.textContent = "";
  }

  add(query: QueryItem): void {
    this.#count += 1;
    const item = document.createElement("li");
    item.className = "pg-query";
    const opens = /^\s*BEGIN\b/i.test(query.sql);
    const closes = /^\s*(COMMIT|ROLLBACK)\b(?!\s+TO)/i.test(query.sql);
    if (query.inTransaction || opens) {
      item.dataset["transaction"] = opens || !this.#inTransaction ? "start" : closes ? "end" : "inside";
      this.#inTransaction = !closes;
    } else {
      this.#inTransaction = false;
    }
    if (query.error !== undefined) item.dataset["failed"] = "";

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
    void this.#highlight(query.sql).then((html) => {
      // Monaco's colorizer escapes the text it is given.
      sql.innerHTML = html;
    }, () => {});

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
    this.#summary.textContent = `${this.#count} ${this.#count === 1 ? "statement" : "statements"}`;
  }
}
