/**
 * The Output region: console lines, notices about the schema, Prisma's report for a schema that
 * does not validate, and the error a run threw (its name, message, code, and the line it was
 * thrown from, which is a button that shows that line in the Code editor).
 */
import type { ThrownError } from "../../protocol.ts";

export type OutputLevel = "log" | "info" | "warn" | "error" | "debug" | "notice";

export class OutputPane {
  readonly #element: HTMLElement;
  readonly #revealLine: (line: number) => void;
  #source: string | undefined;

  constructor(element: HTMLElement, revealLine: (line: number) => void) {
    this.#element = element;
    this.#revealLine = revealLine;
  }

  clear(): void {
    this.#element.replaceChildren();
    this.#source = undefined;
  }

  /** Names the database the lines that follow come from (when a run compares two), or none. */
  setSource(source: string | undefined): void {
    this.#source = source;
  }

  line(level: OutputLevel, text: string, line?: number): void {
    const entry = this.#entry(level);
    const body = document.createElement("pre");
    body.textContent = text;
    entry.append(body);
    if (line !== undefined) entry.append(this.#lineButton(line));
    this.#element.append(entry);
  }

  /** After the lines shown: how many more the run printed. */
  more(count: number): void {
    const entry = this.#entry("notice");
    const body = document.createElement("pre");
    body.textContent = `… ${count.toLocaleString("en-US")} more ${count === 1 ? "line" : "lines"} not shown`;
    entry.append(body);
    this.#element.append(entry);
  }

  error(error: ThrownError, unhandled: boolean): void {
    const entry = this.#entry("error");
    const title = document.createElement("pre");
    title.className = "pg-output-error";
    title.textContent = `${unhandled ? "Unhandled rejection: " : ""}${error.name}: ${error.message}`;
    entry.append(title);
    if (error.code !== undefined) entry.append(detail(`code: ${error.code}`));
    if (error.detail !== undefined) entry.append(detail(error.detail));
    if (error.line !== undefined) entry.append(this.#lineButton(error.line));
    this.#element.append(entry);
  }

  #entry(level: OutputLevel): HTMLElement {
    const entry = document.createElement("div");
    entry.className = "pg-output-line";
    entry.dataset["level"] = level;
    if (this.#source !== undefined) {
      const source = document.createElement("span");
      source.className = "pg-output-source";
      source.textContent = this.#source;
      entry.append(source);
    }
    return entry;
  }

  #lineButton(line: number): HTMLButtonElement {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "pg-output-where";
    button.textContent = `line ${line}`;
    button.setAttribute("aria-label", `Show line ${line} in the Code editor`);
    button.addEventListener("click", () => this.#revealLine(line));
    return button;
  }
}

function detail(text: string): HTMLElement {
  const element = document.createElement("pre");
  element.className = "pg-output-detail";
  element.textContent = text;
  return element;
}
