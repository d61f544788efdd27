/**
 * What an "Open in playground" link under a docs snippet opens: the snippet's file as the
 * playground's code, changed only where it must be. Its `./db` import becomes the playground's
 * `new PrismaClient()`, local modules it imports (`./auth`) are inlined, the generated client's
 * path becomes `@prisma/client`, and a few lines at the end call what the file defines.
 *
 * Runs at build time (Node); the page receives the results as data.
 */
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { databaseLabel, datasourceProvider } from "./database.ts";
import type { PlaygroundState } from "./presets.ts";

export interface ExampleSpec {
  /** The schema file it runs with, from the repository root. */
  schema: string;
  /** The code file to adapt, when the snippet is not itself code (a schema's link opens the program that uses it). */
  codeFrom?: string;
  /** Code appended after the file's own, which uses what it defines; empty for a file that is a program already. */
  demo: string;
}

const reference = "packages/adapter-prisma/schemas/reference.sqlite.prisma";
const referencePostgresql = "packages/adapter-prisma/schemas/reference.postgresql.prisma";
const renamed = "packages/adapter-prisma/schemas/renamed.sqlite.prisma";

const signUpWithGitHub = (attributes: string, sessionAttributes = "{}") => `const user = await auth.createUser({
  key: { providerId: "github", providerUserId: "1234", password: null },
  attributes: ${attributes},
});
const session = await auth.createSession({ userId: user.userId, attributes: ${sessionAttributes} });
console.log(await auth.validateSession(session.sessionId));`;

/** Every snippet file the docs link to the playground, keyed by its path from the repository root. */
export const exampleSpecs: Record<string, ExampleSpec> = {
  "examples/sqlite/src/auth.ts": { schema: reference, demo: signUpWithGitHub("{}") },
  "examples/sqlite/src/auth-model-names.ts": { schema: reference, demo: signUpWithGitHub("{}") },
  "examples/sqlite/src/auth-3x.ts": {
    schema: reference,
    demo: `${signUpWithGitHub("{}")}
// The second instance, with model names, reads the same tables.
console.log(await authWithNames.getUser(user.userId));`,
  },
  "examples/sqlite/src/sign-up.ts": {
    schema: reference,
    demo: `const session = await signUp("ann", "correct horse");
console.log("first sign-up:", session?.sessionId);
console.log("same name again:", await signUp("ann", "battery staple"));
console.log("valid:", (await currentSession(session!.sessionId))?.user.userId);
console.log("unknown id:", await currentSession("no-such-session"));`,
  },
  "examples/sqlite/src/main.ts": { schema: reference, demo: "" },
  [reference]: { schema: reference, codeFrom: "examples/sqlite/src/main.ts", demo: "" },
  [referencePostgresql]: { schema: referencePostgresql, codeFrom: "examples/sqlite/src/main.ts", demo: "" },
  "examples/renamed/src/auth.ts": { schema: renamed, demo: signUpWithGitHub(`{ username: "ann", email: null }`, `{ country: "NZ" }`) },
  "examples/renamed/src/sign-up.ts": {
    schema: renamed,
    demo: `const session = await signUp("ann", "correct horse", "NZ");
console.log(await describeSession(session!.sessionId));
console.log("same name again:", await signUp("ann", "battery staple", null));
console.log(await changeEmail(session!.user.userId, "ann@example.com"));`,
  },
};

/** A docs example opens on the database its schema names (SQLite for a MySQL schema). */
export type ExampleState = PlaygroundState;

const importLine = /^import\s+(type\s+)?(.+?)\s+from\s+"([^"]+)";\s*$/;
const generatedClient = /(^|\/)generated\/prisma\/client$/;

/** The playground state for a snippet file. */
export async function exampleState(root: string, source: string): Promise<ExampleState> {
  const spec = exampleSpecs[source];
  if (spec === undefined) throw new Error(`No playground adaptation for ${source}: add it to exampleSpecs in src/playground/examples.ts.`);
  const imports = new Map<string, Set<string>>();
  let needsClient = false;

  async function inline(path: string): Promise<string[]> {
    const body: string[] = [];
    for (const line of (await readFile(join(root, path), "utf8")).split("\n")) {
      const match = importLine.exec(line);
      if (match === null) {
        body.push(line);
        continue;
      }
      const [, typeOnly, clause = "", specifier = ""] = match;
      if (typeOnly !== undefined) continue;
      if (specifier === "./db") {
        needsClient = true;
      } else if (generatedClient.test(specifier)) {
        addImport(imports, "@prisma/client", clause);
      } else if (specifier.startsWith(".")) {
        body.unshift(...(await inline(join(dirname(path), `${specifier}.ts`))), "");
      } else {
        addImport(imports, specifier, clause);
      }
    }
    return body;
  }

  const schema = await readFile(join(root, spec.schema), "utf8");
  const database = datasourceProvider(schema) ?? "sqlite";
  const body = await inline(spec.codeFrom ?? source);
  if (needsClient) addImport(imports, "@prisma/client", "{ PrismaClient }");
  const header = [...imports].map(([specifier, names]) => `import { ${[...names].join(", ")} } from "${specifier}";`);
  const client = needsClient ? ["", `// In your app this client comes from ./db; here it runs over ${databaseLabel[database]} in your browser.`, "const client = new PrismaClient();"] : [];
  const demo = spec.demo === "" ? [] : ["", "// Added in the playground: use what the file defines.", spec.demo];
  const code = [...header, ...client, "", ...trimBlankEdges(body), ...demo, ""].join("\n");
  return { schema, code: code.replace(/\n{3,}/g, "\n\n"), database };
}

function addImport(imports: Map<string, Set<string>>, specifier: string, clause: string): void {
  const names = /^\{(.*)\}$/.exec(clause.trim())?.[1];
  if (names === undefined) throw new Error(`Only named imports can be merged; got "${clause}" from ${specifier}.`);
  const set = imports.get(specifier) ?? new Set<string>();
  for (const name of names.split(",").map((part) => part.trim()).filter(Boolean)) set.add(name);
  imports.set(specifier, set);
}

function trimBlankEdges(lines: string[]): string[] {
  const first = lines.findIndex((line) => line.trim() !== "");
  const last = lines.findLastIndex((line) => line.trim() !== "");
  return first === -1 ? [] : lines.slice(first, last + 1);
}
