/**
 * The playground without its UI: compiles schemas (build-time results first, then the tools
 * worker), runs programs in the runner worker on the chosen database (or on both, one after the
 * other), and reports everything through `RunListener`.
 */
import type { Precompiled } from "../build/precompile-plugin.ts";
import { compileKey, databasesOf, withBrowserProvider, type Database, type DatabaseChoice } from "../database.ts";
import type { CompileOutcome, RunnerToPage } from "../protocol.ts";
import type { RunEnd, RunnerClient } from "./runner-client.ts";
import type { ToolsClient } from "./tools-client.ts";

export interface RunListener {
  started(databases: Database[]): void;
  /** The schema did not validate (or could not be read): nothing runs. */
  schemaRejected(outcome: Extract<CompileOutcome, { ok: false }>): void;
  schemaNotices(database: Database, outcome: CompileOutcome): void;
  message(database: Database, message: RunnerToPage): void;
  ended(database: Database, end: RunEnd): void;
}

export interface Engine {
  /** The schema's compiled form and DDL for a database: from the build when the text is a preset's, else from Prisma's wasm. */
  compile(schemaText: string, database: Database): Promise<CompileOutcome>;
  /** Compiles the schema and, when it validates, runs the code over a fresh database of each kind chosen. */
  run(state: { schema: string; code: string; database: DatabaseChoice }, listener: RunListener): Promise<void>;
}

export interface EngineParts {
  precompiled: Precompiled;
  /** Each database's runner, once it can run (PostgreSQL's loads the first time it is asked for). */
  runners: Record<Database, () => Promise<RunnerClient>>;
  tools: ToolsClient;
}

export function createEngine({ precompiled, runners, tools }: EngineParts): Engine {
  const compiled = new Map<string, Promise<CompileOutcome>>(
    Object.entries(precompiled.schemas).map(([key, outcome]) => [key, Promise.resolve(outcome)]),
  );

  function compile(schemaText: string, database: Database): Promise<CompileOutcome> {
    const key = compileKey(database, schemaText);
    let outcome = compiled.get(key);
    if (outcome === undefined) {
      outcome = tools.compile(schemaText, database);
      compiled.set(key, outcome);
      // Keep the build's results and the most recent few.
      if (compiled.size > Object.keys(precompiled.schemas).length + 16) {
        const oldest = [...compiled.keys()].find((candidate) => !(candidate in precompiled.schemas));
        if (oldest !== undefined) compiled.delete(oldest);
      }
      outcome.catch(() => compiled.delete(key));
    }
    return outcome;
  }

  return {
    compile,
    async run(state, listener) {
      const databases = databasesOf(state.database);
      listener.started(databases);
      // A SQLite or PostgreSQL datasource is set to the database it runs on, so switching
      // databases (or comparing them) never replaces the reader's datasource with a notice.
      const outcomes = await Promise.all(databases.map((database) => compile(withBrowserProvider(state.schema, database), database)));
      for (const [index, outcome] of outcomes.entries()) {
        listener.schemaNotices(databases[index]!, outcome);
        if (!outcome.ok) {
          listener.schemaRejected(outcome);
          return;
        }
      }
      const javascript = precompiled.javascript[state.code];
      for (const [index, database] of databases.entries()) {
        const outcome = outcomes[index] as Extract<CompileOutcome, { ok: true }>;
        let runner: RunnerClient;
        try {
          runner = await runners[database]();
        } catch (error) {
          // PostgreSQL that could not load, or a runner whose module could not: this run ends here.
          listener.ended(database, { kind: "crashed", message: error instanceof Error ? error.message : String(error) });
          continue;
        }
        const end = await runner.run(
          {
            database,
            schema: outcome.schema,
            ...(outcome.migrationScript === undefined ? {} : { migrationScript: outcome.migrationScript }),
            code: state.code,
            ...(javascript === undefined ? {} : { javascript }),
          },
          (message) => listener.message(database, message),
        );
        listener.ended(database, end);
      }
    },
  };
}
