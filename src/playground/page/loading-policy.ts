/**
 * When the playground may fetch what the reader has not asked for yet (the editor, Prisma's
 * schema tools, the TypeScript service: about 4 MB compressed). Where the answer is no, each
 * loads when first needed: Monaco at the first touch of an editor or when the page is idle after
 * the first result, the tools at the first edit.
 */

interface NetworkInformation {
  saveData?: boolean;
  effectiveType?: string;
}

/**
 * Yes on a desktop-class device with a fast connection. No when the reader asked to save data,
 * when the browser rates the connection slower than 4G, and on a touch-first device (a phone or
 * a tablet), whose data is often metered even where the network is fast.
 */
export function canPrefetch(): boolean {
  const connection = (navigator as Navigator & { connection?: NetworkInformation }).connection;
  if (connection?.saveData === true) return false;
  if (connection?.effectiveType !== undefined && connection.effectiveType !== "4g") return false;
  return !matchMedia("(hover: none) and (pointer: coarse)").matches;
}

/** Calls `work` when the main thread is idle (within 2 s at the latest). */
export function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(() => work(), { timeout: 2000 });
  else setTimeout(work, 200);
}
