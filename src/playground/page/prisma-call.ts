/**
 * The `prisma({ … })` call in the reader's code, read well enough to check its literal options
 * against the schema and to write the call that fits in its place. No DOM, no Monaco.
 */
import { formatCallOptions, type CallToCheck, type FittingCall } from "@lucia-auth/adapter-prisma/schema-doctor";

export interface WrittenOption {
  /** `mode`, `modelNames.user`, …, `userRelationKey`. */
  readonly option: string;
  /** Offsets of the string literal's contents in the code. */
  readonly start: number;
  readonly end: number;
}

export interface WrittenCall {
  /** Offsets of the argument list, between the parentheses. */
  readonly start: number;
  readonly end: number;
  /** The options, when they are literals the page can read; null for other forms. */
  readonly call: CallToCheck | null;
  readonly options: readonly WrittenOption[];
  /** What the code passes as `client` (`client` for the shorthand). */
  readonly client: string;
  /** The indentation of the line the call is on. */
  readonly indent: string;
}

export function findPrismaCall(code: string): WrittenCall | null {
  const opening = /(^|[^.\w$])prisma\s*\(/m.exec(withoutComments(code));
  if (opening === null) return null;
  const start = opening.index + opening[0].length;
  const end = closingParenthesis(code, start);
  if (end === null) return null;
  const argument = code.slice(start, end);
  const lineStart = code.lastIndexOf("\n", opening.index) + 1;
  const indent = /^\s*/.exec(code.slice(lineStart))![0];
  const trimmed = argument.trimStart();
  if (!trimmed.startsWith("{")) {
    return { start, end, call: null, options: [], client: /^[\w$.]+/.exec(trimmed)?.[0] ?? "client", indent };
  }
  const options: WrittenOption[] = [];
  const literal = (option: string, pattern: RegExp, within = argument, offset = start): string | undefined => {
    const match = pattern.exec(within);
    if (match === null || match.groups?.["value"] === undefined) return undefined;
    const valueStart = offset + match.index + match[0].lastIndexOf(match.groups["value"]);
    options.push({ option, start: valueStart, end: valueStart + match.groups["value"].length });
    return match.groups["value"];
  };
  const client = /\bclient\s*:\s*([^,}\s]+)/.exec(argument)?.[1] ?? "client";
  const mode = literal("mode", /\bmode\s*:\s*["'](?<value>[^"']*)["']/);
  if (mode !== undefined) return { start, end, call: { mode: mode as "default" }, options, client, indent };
  const names = /\bmodelNames\s*:\s*\{([^}]*)\}/.exec(argument);
  if (names === null) return { start, end, call: null, options, client, indent };
  const namesOffset = start + names.index + names[0].indexOf("{") + 1;
  const modelNames = Object.fromEntries(
    (["user", "session", "key"] as const).map((table) => [table, literal(`modelNames.${table}`, new RegExp(`\\b${table}\\s*:\\s*["'](?<value>[^"']*)["']`), names[1], namesOffset)]),
  ) as Record<"user" | "session" | "key", string | undefined>;
  const userRelationKey = literal("userRelationKey", /\buserRelationKey\s*:\s*["'](?<value>[^"']*)["']/);
  return { start, end, call: { modelNames, userRelationKey }, options, client, indent };
}

/** The code with the call's arguments replaced by the fitting options (the client kept). */
export function writeFittingCall(code: string, written: WrittenCall, fitting: FittingCall): string {
  const client = written.client === "client" ? "client" : `client: ${written.client}`;
  const inner = `${written.indent}  `;
  const argument =
    "mode" in fitting
      ? `{ ${client}, ${formatCallOptions(fitting)} }`
      : `{\n${inner}${client},\n${inner}modelNames: { user: "${fitting.modelNames.user}", session: "${fitting.modelNames.session}", key: "${fitting.modelNames.key}" },\n${inner}userRelationKey: "${fitting.userRelationKey}",\n${written.indent}}`;
  return code.slice(0, written.start) + argument + code.slice(written.end);
}

/** Whether the code already passes exactly the fitting options. */
export function writesFittingCall(written: WrittenCall, fitting: FittingCall): boolean {
  const call = written.call;
  if (call === null) return false;
  if ("mode" in fitting || "mode" in call) return "mode" in fitting && "mode" in call && call.mode === fitting.mode;
  return (
    call.modelNames.user === fitting.modelNames.user &&
    call.modelNames.session === fitting.modelNames.session &&
    call.modelNames.key === fitting.modelNames.key &&
    call.userRelationKey === fitting.userRelationKey
  );
}

/** The code with comments blanked (same length), so a commented-out call is not taken. */
function withoutComments(code: string): string {
  return code.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, " "));
}

function closingParenthesis(code: string, from: number): number | null {
  let depth = 1;
  let quote: string | null = null;
  for (let index = from; index < code.length; index++) {
    const character = code[index]!;
    if (quote !== null) {
      if (character === "\\") index++;
      else if (character === quote) quote = null;
      continue;
    }
    if (character === '"' || character === "'" || character === "`") quote = character;
    else if (character === "(") depth++;
    else if (character === ")" && --depth === 0) return index;
  }
  return null;
}
