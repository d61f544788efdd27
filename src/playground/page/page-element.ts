/** An element of the playground page by id; a missing one is a broken page, so it throws. */
export function pageElement<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`The playground page has no #${id}`);
  return found as T;
}
