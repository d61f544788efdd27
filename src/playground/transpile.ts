/**
 * The reader's TypeScript becomes a JavaScript module the runner imports from a blob URL (no
 * eval). Sucrase strips the types and turns `import` into `require` calls, keeping every line
 * where it was; the whole program is then the body of one async function (so top-level await
 * works), written on the first line, so line N of the output is line N of the reader's code.
 *
 * Used by the runner worker for edited code and at build time for the presets.
 */
import { transform } from "sucrase";

/** The signature the runner calls: `main(require, exports, module)`. */
const wrapperStart = "export default async function main(require, exports, module) {";

export type TranspileResult = { ok: true; javascript: string } | { ok: false; message: string; line?: number; column?: number };

export function transpile(typescript: string): TranspileResult {
  try {
    const { code } = transform(typescript, {
      transforms: ["typescript", "imports"],
      // `import()` keeps its meaning; the runner offers only the modules `require` knows.
      preserveDynamicImport: true,
      production: true,
      filePath: "playground.ts",
    });
    return { ok: true, javascript: `${wrapperStart}${code}\n}\n` };
  } catch (error) {
    return syntaxError(error);
  }
}

/** Sucrase reports syntax errors as `message (line:column)` with a `loc` of 0-based offsets. */
function syntaxError(error: unknown): TranspileResult {
  const message = error instanceof Error ? error.message : String(error);
  const position = /\((\d+):(\d+)\)\s*$/.exec(message);
  if (position === null) return { ok: false, message };
  return {
    ok: false,
    message: message.slice(0, position.index).trim(),
    line: Number(position[1]),
    column: Number(position[2]) + 1,
  };
}

/**
 * The reader's line and column for a stack frame in the module at `moduleUrl`: the first frame
 * of the stack that is in the reader's code. Line 1 carries the wrapper before the code.
 */
export function readerPosition(stack: string | undefined, moduleUrl: string): { line: number; column: number } | undefined {
  if (stack === undefined) return undefined;
  for (const frame of stack.split("\n")) {
    const at = frame.lastIndexOf(moduleUrl);
    if (at === -1) continue;
    const match = /^:(\d+):(\d+)/.exec(frame.slice(at + moduleUrl.length));
    if (match === null) continue;
    const line = Number(match[1]);
    const column = Number(match[2]);
    return { line, column: line === 1 ? Math.max(1, column - wrapperStart.length) : column };
  }
  return undefined;
}
