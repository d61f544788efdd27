/**
 * Every file the site may show as a snippet, read at build time. Keys are paths from the
 * repository root, e.g. `packages/adapter-prisma/schemas/reference.sqlite.prisma`.
 * Only files the test suites use are here: the adapter's schemas and the example apps.
 */
const files = import.meta.glob<string>(
  [
    "/packages/adapter-prisma/schemas/*.prisma",
    "/examples/*/src/*.ts",
    "/examples/*/prisma.config.ts",
    "/examples/prisma6/schema.prisma",
    "!/examples/*/src/generated/**",
  ],
  { query: "?raw", import: "default", eager: true },
);

export function snippetSource(path: string): string {
  const text = files[`/${path}`];
  if (text === undefined) {
    const known = Object.keys(files).map((key) => key.slice(1)).join("\n  ");
    throw new Error(`No snippet source "${path}". Snippets must come from a tested file:\n  ${known}`);
  }
  return text;
}

/** The highlighter's language for a snippet file. */
export function snippetLanguage(path: string): "prisma" | "ts" {
  return path.endsWith(".prisma") ? "prisma" : "ts";
}

/**
 * The first line of a snippet file that contains `text`, without its indentation: for quoting
 * one line of a tested file in prose. Throws when no line matches, so a changed file fails the build.
 */
export function snippetLine(path: string, text: string): string {
  const line = snippetSource(path)
    .split("\n")
    .find((candidate) => candidate.includes(text));
  if (line === undefined) throw new Error(`No line of "${path}" contains "${text}".`);
  return line.trim();
}
