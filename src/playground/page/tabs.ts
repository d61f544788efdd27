/**
 * Below 720 px the editors and the results share the screen through tabs (the tab list is hidden
 * by CSS on wider screens, where every panel shows). Arrow keys move between tabs, as in the
 * WAI-ARIA tabs pattern.
 */
/** Returns a function that selects a tab by its id (used to show the results when a run starts). */
export function setUpTabs(root: HTMLElement): (tabId: string) => void {
  const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const select = (chosen: HTMLButtonElement, focus: boolean) => {
    for (const tab of tabs) {
      const selected = tab === chosen;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(tab.getAttribute("aria-controls") ?? "");
      if (panel !== null) panel.dataset["selected"] = String(selected);
    }
    if (focus) chosen.focus();
  };
  for (const [index, tab] of tabs.entries()) {
    tab.addEventListener("click", () => select(tab, false));
    tab.addEventListener("keydown", (event) => {
      const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
      if (step === 0) return;
      event.preventDefault();
      select(tabs[(index + step + tabs.length) % tabs.length]!, true);
    });
  }
  const first = tabs[0];
  if (first !== undefined) select(first, false);
  return (tabId) => {
    const tab = tabs.find((candidate) => candidate.id === tabId);
    if (tab !== undefined) select(tab, false);
  };
}
