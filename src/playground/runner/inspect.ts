/**
 * Turns console arguments into text, roughly as Node's console prints them: strings as they are
 * at the top level, everything else as readable literals (bigints with `n`, dates in ISO form,
 * errors by name and message), objects on several lines when they do not fit on one.
 */
const maxDepth = 5;
const maxLineWidth = 72;

export function formatConsoleArguments(args: readonly unknown[]): string {
  return args.map((value) => (typeof value === "string" ? value : inspect(value))).join(" ");
}

export function inspect(value: unknown, depth = 0, seen: Set<object> = new Set()): string {
  switch (typeof value) {
    case "string":
      return depth === 0 ? JSON.stringify(value) : quote(value);
    case "bigint":
      return `${value}n`;
    case "number":
    case "boolean":
    case "undefined":
      return String(value);
    case "symbol":
      return value.toString();
    case "function":
      return `[Function${value.name ? `: ${value.name}` : " (anonymous)"}]`;
  }
  if (value === null) return "null";
  const object = value as object;
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? "Invalid Date" : object.toISOString();
  if (object instanceof Error) return `${object.name}: ${object.message}`;
  if (object instanceof RegExp) return String(object);
  if (seen.has(object)) return "[Circular]";
  if (depth >= maxDepth) return Array.isArray(object) ? "[Array]" : "[Object]";
  seen.add(object);
  try {
    if (ArrayBuffer.isView(object)) {
      const bytes = new Uint8Array(object.buffer, object.byteOffset, object.byteLength);
      return `${object.constructor.name}(${bytes.length}) [${[...bytes.slice(0, 32)].join(", ")}${bytes.length > 32 ? ", …" : ""}]`;
    }
    if (object instanceof Map) {
      return wrap(`Map(${object.size}) {`, [...object].map(([key, entry]) => `${inspect(key, depth + 1, seen)} => ${inspect(entry, depth + 1, seen)}`), "}", depth);
    }
    if (object instanceof Set) {
      return wrap(`Set(${object.size}) {`, [...object].map((entry) => inspect(entry, depth + 1, seen)), "}", depth);
    }
    if (Array.isArray(object)) return wrap("[", object.map((entry) => inspect(entry, depth + 1, seen)), "]", depth);
    const name = object.constructor?.name;
    const prefix = name && name !== "Object" ? `${name} {` : "{";
    const entries = Object.entries(object).map(([key, entry]) => `${propertyKey(key)}: ${inspect(entry, depth + 1, seen)}`);
    return entries.length === 0 ? `${prefix}}` : wrap(prefix, entries, "}", depth);
  } finally {
    seen.delete(object);
  }
}

function wrap(open: string, items: string[], close: string, depth: number): string {
  if (items.length === 0) return `${open}${close}`;
  const padded = open.endsWith("[") ? "" : " ";
  const oneLine = `${open}${padded}${items.join(", ")}${padded}${close}`;
  if (oneLine.length + depth * 2 <= maxLineWidth && !oneLine.includes("\n")) return oneLine;
  const indent = "  ".repeat(depth + 1);
  return `${open}\n${items.map((item) => `${indent}${item}`).join(",\n")}\n${"  ".repeat(depth)}${close}`;
}

function quote(text: string): string {
  return `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'").replaceAll("\n", "\\n")}'`;
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
}
