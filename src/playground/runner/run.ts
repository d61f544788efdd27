/**
 * The reader's program in the code worker: their TypeScript (or the build's JavaScript of a
 * preset) as a module imported from a blob URL, and errors described for the Output region with
 * the line of the reader's code they came from.
 */
import type { RunRequest, ThrownError } from "../protocol.ts";
import { readerPosition, transpile } from "../transpile.ts";

/** Imports the program; `setModuleUrl` is told its blob URL, so console calls and errors can name its lines. */
export async function importProgram(request: Pick<RunRequest, "code" | "javascript">, setModuleUrl: (url: string) => void): Promise<{ default: unknown }> {
  const javascript = request.javascript ?? transpileOrThrow(request.code);
  const moduleUrl = URL.createObjectURL(new Blob([javascript], { type: "text/javascript" }));
  setModuleUrl(moduleUrl);
  return (await import(/* @vite-ignore */ moduleUrl)) as { default: unknown };
}

/** A syntax error in the reader's code, thrown so it is reported like any other error. */
class PlaygroundSyntaxError extends SyntaxError {
  constructor(message: string, readonly line?: number, readonly column?: number) {
    super(message);
    this.name = "SyntaxError";
  }
}

function transpileOrThrow(code: string): string {
  const result = transpile(code);
  if (!result.ok) throw new PlaygroundSyntaxError(result.message, result.line, result.column);
  return result.javascript;
}

export function describeError(error: unknown, moduleUrl: string | undefined): ThrownError {
  if (!(error instanceof Error)) return { name: "Thrown value", message: String(error) };
  const position =
    error instanceof PlaygroundSyntaxError && error.line !== undefined
      ? { line: error.line, column: error.column ?? 1 }
      : moduleUrl === undefined
        ? undefined
        : readerPosition(error.stack, moduleUrl);
  const code = errorCode(error);
  const detail = Reflect.get(error, "detail");
  return {
    name: error.name,
    message: error.message,
    ...(code === undefined ? {} : { code }),
    ...(position ?? {}),
    ...(typeof detail === "string" && detail !== "" ? { detail } : {}),
  };
}

/** `LuciaError`'s message is its code; Prisma's errors carry `code` (P2002, …). */
function errorCode(error: Error): string | undefined {
  if (error.name === "LuciaError" || error.constructor.name === "LuciaError") return error.message;
  const code = Reflect.get(error, "code");
  return typeof code === "string" ? code : undefined;
}
