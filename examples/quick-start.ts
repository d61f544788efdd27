/**
 * Everything the quick start page tells a reader to type or save, in one place: the page
 * (content/docs/quick-start.mdx) renders it, and quick-start.test.ts carries it out in an empty
 * folder, so the commands and files on the page are the ones that were run.
 */

/** A file the reader saves: either a tested source file of this repository, or a short text. */
export type QuickStartFile =
  | { readonly path: string; readonly source: string; readonly playground: boolean }
  | { readonly path: string; readonly text: string; readonly lang: "json" | "sh" };

/** TypeScript settings the snippets need: see the page for why each one is there. A downloaded playground project uses them too. */
export const appTsconfig = {
  compilerOptions: {
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "Bundler",
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ["node"],
  },
  include: ["prisma.config.ts", "src"],
};

export const quickStart = {
  commands: {
    createProject: ["mkdir lucia-app", "cd lucia-app", "npm init -y", "npm pkg set type=module"],
    createTables: ["npx prisma migrate dev --name lucia"],
    generate: ["npx prisma generate"],
    typeCheck: ["npx tsc"],
    run: ["npx tsx --env-file=.env src/main.ts"],
  },
  /** One `npm install`: Lucia v2, the adapter, Prisma 7.10 with its SQLite driver adapter, and the tools. */
  packages: [
    "lucia@2",
    "@lucia-auth/adapter-prisma",
    "@prisma/client@7.10.0",
    "@prisma/adapter-better-sqlite3@7.10.0",
    "prisma@7.10.0",
    "dotenv@17",
    "typescript@6",
    "tsx@4",
    "@types/node@20",
  ],
  files: [
    { path: "tsconfig.json", text: `${JSON.stringify(appTsconfig, null, 2)}\n`, lang: "json" },
    { path: ".env", text: 'DATABASE_URL="file:./dev.db"\n', lang: "sh" },
    { path: "prisma.config.ts", source: "examples/sqlite/prisma.config.ts", playground: false },
    { path: "prisma/schema.prisma", source: "packages/adapter-prisma/schemas/reference.sqlite.prisma", playground: true },
    { path: "src/db.ts", source: "examples/sqlite/src/db.ts", playground: true },
    { path: "src/auth.ts", source: "examples/sqlite/src/auth.ts", playground: true },
    { path: "src/lucia.d.ts", source: "examples/sqlite/src/lucia.d.ts", playground: false },
    { path: "src/sign-up.ts", source: "examples/sqlite/src/sign-up.ts", playground: true },
    { path: "src/main.ts", source: "examples/sqlite/src/main.ts", playground: true },
  ] satisfies readonly QuickStartFile[] as readonly QuickStartFile[],
  /** What `src/main.ts` prints on a fresh database, and on every run after the first. */
  output: {
    firstRun: [
      "signed up ada",
      "signed in as ada",
      "a wrong password is refused",
      "the session is valid and active, for ada's user",
    ].join("\n"),
    laterRuns: [
      "ada is taken",
      "signed in as ada",
      "a wrong password is refused",
      "the session is valid and active, for ada's user",
    ].join("\n"),
  },
} as const;

export function quickStartFile(path: string): QuickStartFile {
  const file = quickStart.files.find((candidate) => candidate.path === path);
  if (file === undefined) {
    throw new Error(`The quick start has no file "${path}"; it has ${quickStart.files.map((known) => known.path).join(", ")}.`);
  }
  return file;
}
