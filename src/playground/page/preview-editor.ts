/**
 * An editor box before Monaco mounts in it: a textarea (the editor's accessible name, real
 * editing, selection and scrolling) over the text the build highlighted. Edits reach the
 * playground at once, so Run runs them; the first focus or pointer press asks for Monaco, and
 * `handOver()` gives Monaco the text, the selection, the scroll position and the focus.
 */
export interface HandOver {
  text: string;
  selectionStart: number;
  selectionEnd: number;
  backward: boolean;
  scrollTop: number;
  scrollLeft: number;
  focused: boolean;
}

export interface PreviewEditorOptions {
  /** The reader changed the text. */
  onEdit(text: string): void;
  /** The reader reached for the editor (focus, a press): time to mount Monaco. */
  onWake(): void;
}

export class PreviewEditor {
  readonly #root: HTMLElement;
  readonly #input: HTMLTextAreaElement;
  readonly #gutter: HTMLElement;
  readonly #highlighted: HTMLElement | null;
  /** The text the build highlighted: any other text is shown plain. */
  readonly #builtText: string;
  #lines: number;

  constructor(root: HTMLElement, { onEdit, onWake }: PreviewEditorOptions) {
    this.#root = root;
    this.#input = required(root.querySelector("textarea"), "textarea");
    this.#gutter = required(root.querySelector<HTMLElement>(".pg-preview-gutter"), ".pg-preview-gutter");
    this.#highlighted = root.querySelector<HTMLElement>(".pg-preview-text");
    this.#builtText = this.#input.value;
    this.#lines = lineCount(this.#builtText);
    this.#input.addEventListener("input", () => {
      this.#showLines();
      onEdit(this.#input.value);
    });
    this.#input.addEventListener("scroll", () => this.#follow());
    this.#input.addEventListener("focus", onWake, { once: true });
    this.#input.addEventListener("pointerdown", onWake, { once: true });
  }

  /** Shows `text` (the playground's state), keeping the caret where it is when nothing changes. */
  show(text: string): void {
    if (this.#input.value === text) return;
    this.#input.value = text;
    this.#showLines();
  }

  /** Removes the preview and says what Monaco should take over. */
  handOver(): HandOver {
    const input = this.#input;
    const state: HandOver = {
      text: input.value,
      selectionStart: input.selectionStart,
      selectionEnd: input.selectionEnd,
      backward: input.selectionDirection === "backward",
      scrollTop: input.scrollTop,
      scrollLeft: input.scrollLeft,
      focused: document.activeElement === input,
    };
    this.#root.remove();
    return state;
  }

  #showLines(): void {
    if (this.#input.value === this.#builtText) delete this.#root.dataset["edited"];
    else this.#root.dataset["edited"] = "";
    const lines = lineCount(this.#input.value);
    if (lines === this.#lines) return;
    this.#lines = lines;
    this.#gutter.textContent = lineNumbers(this.#input.value);
  }

  /** The highlighted text and the line numbers move with the textarea's scroll. */
  #follow(): void {
    const { scrollTop, scrollLeft } = this.#input;
    this.#gutter.style.transform = `translateY(${-scrollTop}px)`;
    if (this.#highlighted !== null) this.#highlighted.style.transform = `translate(${-scrollLeft}px, ${-scrollTop}px)`;
  }
}

const lineCount = (text: string) => text.split("\n").length;

/** The gutter's text for `text`: its line numbers, one per line (the build writes the first). */
export const lineNumbers = (text: string): string => Array.from({ length: lineCount(text) }, (_, index) => index + 1).join("\n");

function required<T>(element: T | null, what: string): T {
  if (element === null) throw new Error(`The editor preview has no ${what}: see src/components/EditorPreview.astro`);
  return element;
}
