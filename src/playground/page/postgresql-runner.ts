/**
 * PostgreSQL's runner, started the first time the reader chooses PostgreSQL: its files are
 * fetched and compiled on the page (with progress shown) while a runner worker of its own loads,
 * then that worker starts PostgreSQL from them. A failure is reported, and choosing PostgreSQL
 * again retries.
 */
import { loadPostgresqlFiles } from "./postgresql-files.ts";
import { RunnerClient, type RunnerOptions } from "./runner-client.ts";

export interface PostgresqlRunnerOptions extends Omit<RunnerOptions, "postgresql"> {
  /** What the files weigh uncompressed, for the progress bar. */
  totalBytes: number;
  progress: HTMLProgressElement;
  setStatus(text: string): void;
  /** Told "loading", "ready" or "failed" (the page shows it as `data-postgresql`). */
  setState(state: "loading" | "ready" | "failed"): void;
  /** Told when the worker that replaces a stopped PostgreSQL runner has loaded (offline from then on). */
  setSpareLoaded(): void;
}

export function postgresqlRunner({ totalBytes, progress, setStatus, setState, setSpareLoaded, ...runner }: PostgresqlRunnerOptions): () => Promise<RunnerClient> {
  let loading: Promise<RunnerClient> | undefined;
  const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

  async function load(): Promise<RunnerClient> {
    const chosen = performance.mark("playground:postgresql-chosen").startTime;
    setState("loading");
    progress.hidden = false;
    setStatus("Loading PostgreSQL (PGlite)…");
    const files = loadPostgresqlFiles(totalBytes, ({ received, total }) => {
      progress.max = total;
      progress.value = received;
      progress.setAttribute("aria-valuetext", `${megabytes(received)} of ${megabytes(total)} MB`);
    }).then((loaded) => {
      performance.mark("playground:postgresql-files");
      progress.removeAttribute("value");
      progress.setAttribute("aria-valuetext", "Starting PostgreSQL");
      setStatus("Starting PostgreSQL…");
      return loaded;
    });
    const client = new RunnerClient({ ...runner, postgresql: files });
    try {
      await client.start();
    } catch (error) {
      client.dispose();
      throw error;
    }
    performance.mark("playground:postgresql-ready");
    progress.hidden = true;
    setState("ready");
    // Then its spare, so PostgreSQL survives a runaway run offline too.
    client.prepareSpare().then(() => setSpareLoaded(), () => {});
    setStatus(`PostgreSQL is ready (loaded and started in ${((performance.now() - chosen) / 1000).toFixed(1)} s). Run with the button or Ctrl+Enter.`);
    return client;
  }

  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      progress.hidden = true;
      setState("failed");
      throw new Error(`PostgreSQL could not start: ${error instanceof Error ? error.message : String(error)}. Choose PostgreSQL again to retry.`);
    });
    return loading;
  };
}
