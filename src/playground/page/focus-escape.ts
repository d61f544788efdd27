/**
 * Monaco keeps Tab for indentation, so keyboard users could not leave an editor. Here, Escape
 * followed by Tab (or Shift+Tab) moves focus to the next (or previous) control of the page, as in
 * other code editors on the web; Ctrl+M (Monaco's own tab-focus toggle) works as well.
 */
import type * as Monaco from "monaco-editor/editor/editor.api";

const focusable = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function enableFocusEscape(...editors: Monaco.editor.IStandaloneCodeEditor[]): void {
  for (const editor of editors) {
    const container = editor.getContainerDomNode();
    let escaped = false;
    // Capture phase: before Monaco's own handlers see the key.
    container.addEventListener(
      "keydown",
      (event) => {
        if (event.key === "Escape") {
          escaped = true;
          return;
        }
        if (event.key === "Tab" && escaped && !event.ctrlKey && !event.altKey) {
          event.preventDefault();
          event.stopPropagation();
          escaped = false;
          moveFocus(container, event.shiftKey ? -1 : 1);
          return;
        }
        escaped = false;
      },
      true,
    );
  }
}

function moveFocus(from: HTMLElement, direction: 1 | -1): void {
  const candidates = [...document.querySelectorAll<HTMLElement>(focusable)].filter(
    (element) => !from.contains(element) && element.offsetParent !== null,
  );
  const next =
    direction === 1
      ? candidates.find((element) => from.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING)
      : candidates.findLast((element) => from.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING);
  next?.focus();
}
