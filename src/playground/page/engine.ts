/**
 * The playground without its UI: compiles schemas (build-time results first, then the tools
 * worker), runs programs in the runner worker, and reports everything through `RunListener`.
 */
import type { CompileOutcome, RunnerToPage } from "../protocol.ts";
import type { Precompiled } from "../build/precompile-plugin.ts";
import type { RunEnd, RunnerClient } from "./runner-client.ts";
import type { ToolsClient } from "./tools-client.ts";

export interface RunListener {
  started(): void;
  /** The schema did not validate (or could not be read): nothing runs. */
  schemaRejected(outcome: Extract<CompileOutcome, { ok: false }>): void;
  schemaNotices(outcome: CompileOutcome): void;
  message(message: RunnerToPage): void;
  ended(end: RunEnd): void;
}

export interface Engine {
  /** The schema's compiled form and DDL: from the build when the text is a preset's, else from Prisma's wasm. */
  compile(schemaText: string): Promise<CompileOutcome>;
  /** Compiles the schema and, when it validates, runs the code over a fresh database. */
  run(state: { schema: string; code: string }, listener: RunListener): Promise<void>;
}

export function createEngine(precompiled: Precompiled, runner: RunnerClient, tools: ToolsClient): Engine {
  const compiled = new Map<string, Promise<CompileOutcome>>(
    Object.entries(precompiled.schemas).map(([text, outcome]) => [text, Promise.resolve(outcome)]),
  );

  function compile(schemaText: string): Promise<CompileOutcome> {
    let outcome = compiled.get(schemaText);
    if (outcome === undefined) {
      outcome = tools.compile(schemaText);
      compiled.set(schemaText, outcome);
      // Keep the build's results and the most recent few.
      if (compiled.size > Object.keys(precompiled.schemas).length + 16) {
        const oldest = [...compiled.keys()].find((text) => !(text in precompiled.schemas));
        if (oldest !== undefined) compiled.delete(oldest);
      }
      outcome.catch(() => compiled.delete(schemaText));
    }
    return outcome;
  }

  return {
    compile,
    async run(state, listener) {
      listener.started();
      const outcome = await compile(state.schema);
      listener.schemaNotices(outcome);
      if (!outcome.ok) {
        listener.schemaRejected(outcome);
        return;
      }
      const javascript = precompiled.javascript[state.code];
      const end = await runner.run(
        { schema: outcome.schema, migrationScript: outcome.migrationScript, code: state.code, ...(javascript === undefined ? {} : { javascript }) },
        (message) => listener.message(message),
      );
      listener.ended(end);
    },
  };
}
