/** Messages between the proof page and its worker. */

export interface SchemaRun {
  label: string;
  text: string;
  /** Delegate names of Lucia's tables in this schema, and the session→user relation field. */
  names: { user: string; session: string; key: string; relation: string };
  /** Extra fields the user model requires. */
  userData: Record<string, string>;
}

export interface RunRequest {
  runs: SchemaRun[];
  /**
   * "text": every schema goes through the whole pipeline from its text (the proof).
   * "precompiled": the first schema's compiled form and DDL come from the build, as the
   * playground's default schema does; the schema wasm loads after its first result.
   */
  first: "text" | "precompiled";
}

export interface StatementSeen {
  sql: string;
  inTransaction: boolean;
  error?: string;
}

export interface SchemaReport {
  label: string;
  fromText: boolean;
  notices: string[];
  migrationScript: string;
  statements: StatementSeen[];
  /** Step name → JSON-safe result (bigints as `123n` strings) or `error <code>`. */
  steps: Record<string, unknown>;
  delegates: string[];
  /** Absolute times (performance.timeOrigin + now()) of each stage, to relate to navigation start. */
  marks: Record<string, number>;
}

export type WorkerMessage =
  | { type: "report"; report: SchemaReport }
  | { type: "failed"; label: string; message: string }
  | { type: "eval-blocked"; blocked: boolean }
  /** PostgreSQL only: PGlite has started (absolute time). */
  | { type: "database-ready"; at: number }
  | { type: "done" };

/** What the proof page exposes on `window.proof` for the Playwright test and the benchmark. */
export interface Proof {
  done: boolean;
  /** The database the worker ran: SQLite (sql.js) or PostgreSQL (PGlite), from `?database=`. */
  database: "sqlite" | "postgresql";
  /** PostgreSQL only: absolute time PGlite had started. */
  databaseReady?: number;
  reports: SchemaReport[];
  failures: string[];
  evalBlockedInWorker?: boolean;
  evalBlockedInPage: boolean;
  cspViolations: string[];
  /** Absolute time of navigation start, to turn report times into "ms since navigation". */
  navigationStart: number;
}
