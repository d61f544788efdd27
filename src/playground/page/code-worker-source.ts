/**
 * Where code workers come from. The built worker is one file; the page fetches its text once and
 * starts every code worker from a blob URL of it, so making a worker needs no network (offline
 * included), and a worker made from a blob URL takes the page's Content-Security-Policy (the
 * `<meta>` one included): the reader's code cannot reach another origin or evaluate strings. In
 * development the worker is many modules, so the blob only imports it.
 */
import type { Database } from "../database.ts";

export function codeWorkerFactory(workerUrl: string): (database: Database) => Promise<Worker> {
  const absolute = new URL(workerUrl, location.href).href;
  let source: Promise<string> | undefined;
  const load = async () => {
    const text = import.meta.env.DEV
      ? new Blob([`import ${JSON.stringify(absolute)};`], { type: "text/javascript" })
      : await fetch(absolute).then((response) => {
          if (!response.ok) throw new Error(`Could not load the code worker (${absolute}): HTTP ${response.status}`);
          return response.blob();
        });
    return URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
  };
  return async (database) => {
    source ??= load().catch((error: unknown) => {
      source = undefined;
      throw error;
    });
    return new Worker(await source, { type: "module", name: `playground-code-${database}` });
  };
}
