import { removeServerDir, type ServerProcess } from "./server-process.ts";

export interface RunningServer {
  kind: "postgres" | "mariadb";
  /** Connection URL of the server's default database, e.g. `postgresql://postgres@127.0.0.1:5433/postgres`. */
  url: string;
  /** Shuts the server down and removes its temporary folder. A no-op for servers given by env. */
  stop(): Promise<void>;
}

/** Returned instead of a server when none can be started here; `skipped` says why and what to install. */
export interface Skipped {
  skipped: string;
}

export function isSkipped(server: RunningServer | Skipped): server is Skipped {
  return "skipped" in server;
}

export function externalServer(kind: RunningServer["kind"], url: string): RunningServer {
  return { kind, url, stop: async () => {} };
}

/** Wraps a started server: stopping it shuts the process down, then deletes its folder. */
export function runningServer(kind: RunningServer["kind"], url: string, server: ServerProcess, dir: string): RunningServer {
  let stopping: Promise<void> | undefined;
  return {
    kind,
    url,
    stop: () =>
      (stopping ??= (async () => {
        await server.stop();
        await removeServerDir(dir);
      })()),
  };
}
