/**
 * The playground's state as a project that runs on its own: the reader's schema with the
 * generator and datasource an app needs, their code as `src/main.ts` with `new PrismaClient()`
 * given a driver adapter, and the package.json, Prisma config, tsconfig and README around them.
 * Pure text in, text out: the page zips it (`download-project.ts`), the tests read it.
 */
import { normaliseSchema } from "@lucia-prisma/client-from-schema";
import { appTsconfig } from "../../../examples/quick-start.ts";
import type { Database } from "../database.ts";
import { luciaTypes } from "../editor-types.ts";
import { projectVersions, type ProjectPackage } from "./versions.ts";

export interface ProjectFile {
  /** Relative to the project's folder, with `/`. */
  path: string;
  text: string;
}

/** What the reader's code printed in the playground, for the README. */
export interface RecordedOutput {
  /** Console lines, in order; `stream` is where Node.js writes them. */
  lines: readonly { stream: "stdout" | "stderr"; text: string }[];
  /** The error the run ended with, as `Name: message`, when it threw. */
  thrown: string | null;
}

export interface ProjectInput {
  schema: string;
  code: string;
  database: Database;
  /** The preset's title when the state is a preset's, for the README's heading. */
  title: string | null;
  /** Where `@lucia-auth/adapter-prisma` is installed from: the site's tarball (as its install commands use). */
  adapterTarball: string;
  /** What the playground printed for exactly this state, when it has run it. */
  output: RecordedOutput | null;
}

/** The scripts `npm start` runs; the project test stands in for `db` (see the README's last section). */
export const projectScripts = {
  start: "npm run db && npm run generate && npm run app",
  db: "prisma db push --force-reset",
  generate: "prisma generate",
  app: "tsx --env-file=.env src/main.ts",
} as const;

const driverAdapter: Record<Database, { packages: ProjectPackage[]; module: string; className: string; options: string; url: string; label: string }> = {
  sqlite: {
    packages: ["@prisma/adapter-better-sqlite3", "better-sqlite3"],
    module: "@prisma/adapter-better-sqlite3",
    className: "PrismaBetterSqlite3",
    options: "{ url }",
    url: "file:./dev.db",
    label: "SQLite, through better-sqlite3",
  },
  postgresql: {
    packages: ["@prisma/adapter-pg", "pg"],
    module: "@prisma/adapter-pg",
    className: "PrismaPg",
    options: "{ connectionString: url }",
    url: "postgresql://postgres:postgres@localhost:5432/lucia_playground",
    label: "PostgreSQL, through node-postgres",
  },
};

export function projectFiles(input: ProjectInput): ProjectFile[] {
  return [
    { path: "package.json", text: packageJson(input) },
    { path: ".env", text: `DATABASE_URL="${driverAdapter[input.database].url}"\n` },
    { path: ".gitignore", text: ["node_modules/", "src/generated/", "dev.db", "dev.db-journal", ""].join("\n") },
    { path: "prisma.config.ts", text: prismaConfig },
    { path: "prisma/schema.prisma", text: projectSchema(input.schema, input.database) },
    { path: "src/database.ts", text: databaseModule(input.database) },
    { path: "src/main.ts", text: projectCode(input.code) },
    { path: "src/lucia.d.ts", text: luciaDeclarations },
    { path: "tsconfig.json", text: `${JSON.stringify(appTsconfig, null, 2)}\n` },
    { path: "README.md", text: readme(input) },
  ];
}

/** The folder the zip unpacks into, and the zip's name without `.zip`. */
export function projectName(presetId: string | null, database: Database): string {
  return `lucia-prisma-${presetId ?? "playground"}-${database}`;
}

function packageJson(input: ProjectInput): string {
  const pick = (names: readonly ProjectPackage[]) => Object.fromEntries([...names].sort().map((name) => [name, projectVersions[name]]));
  const dependencies: Record<string, string> = {
    ...pick(["lucia", "@prisma/client", "dotenv", ...driverAdapter[input.database].packages]),
    "@lucia-auth/adapter-prisma": input.adapterTarball,
  };
  const manifest = {
    name: "lucia-prisma-playground",
    version: "1.0.0",
    private: true,
    type: "module",
    description: "Lucia v2 with @lucia-auth/adapter-prisma and Prisma 7, downloaded from the adapter's playground.",
    scripts: projectScripts,
    dependencies: Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b))),
    devDependencies: pick(["prisma", "tsx", "typescript", "@types/node"]),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

const prismaConfig = `// Prisma 7 reads its settings here, and does not read .env by itself: dotenv loads it.
import "dotenv/config";
import { defineConfig, env } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  datasource: {
    url: env("DATABASE_URL"),
  },
});
`;

/** The generator every project gets: Prisma 7's TypeScript client, written into src/generated. */
const generatorLines = ["generator client {", '  provider = "prisma-client"', '  output   = "../src/generated/prisma"'];

/**
 * The reader's schema with the datasource for `database` and one `prisma-client` generator (the
 * playground ignores generators; the first one's `previewFeatures` are kept, e.g. relationJoins).
 */
export function projectSchema(schema: string, database: Database): string {
  const normalised = normaliseSchema(schema, { provider: database });
  const lines = (normalised.ok ? normalised.text : schema).split("\n");
  const out: string[] = [];
  let previewFeatures: string | undefined;
  let generatorAt: number | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (!/^\s*generator\s+\w+\s*\{/.test(line)) {
      out.push(line);
      continue;
    }
    generatorAt ??= out.length;
    for (; index < lines.length && !/^\s*\}/.test(lines[index]!); index++) {
      const setting = /^\s*previewFeatures\s*=\s*(.+)$/.exec(lines[index]!);
      if (setting !== null) previewFeatures ??= setting[1]!.trim();
    }
    // Drop the blank line that followed a removed block other than the first.
    if (generatorAt !== out.length && lines[index + 1]?.trim() === "") index++;
  }
  const generator = [...generatorLines, ...(previewFeatures === undefined ? [] : [`  previewFeatures = ${previewFeatures}`]), "}"];
  if (generatorAt === undefined) out.unshift(...generator, "");
  else out.splice(generatorAt, 0, ...generator);
  const text = out.join("\n");
  return text.endsWith("\n") ? text : `${text}\n`;
}

function databaseModule(database: Database): string {
  const adapter = driverAdapter[database];
  return `import { ${adapter.className} } from "${adapter.module}";

const url = process.env.DATABASE_URL;
if (url === undefined) {
  throw new Error('DATABASE_URL is not set: .env sets it, and "npm start" reads .env.');
}

/** The driver adapter Prisma 7 talks to the database through (${adapter.label}). */
export const adapter = new ${adapter.className}(${adapter.options});

/** Prisma's query log (a "prisma:query …" line per SQL statement) when QUERY_LOG=1. */
export const log: "query"[] = process.env.QUERY_LOG === "1" ? ["query"] : [];
`;
}

/**
 * The reader's code, as it runs in an app: `@prisma/client` is the generated client, and every
 * `new PrismaClient(…)` gets the driver adapter (the playground supplies its database itself).
 */
export function projectCode(code: string): string {
  let text = code.replace(/(from\s+|import\s*\(\s*)(["'])@prisma\/client\2/g, "$1$2./generated/prisma/client$2");
  text = text.replace(/new\s+PrismaClient\(\s*(\)|\{)/g, (_, next: string) => (next === ")" ? "new PrismaClient({ adapter, log })" : "new PrismaClient({ adapter, log,"));
  const importLine = 'import { adapter, log } from "./database";';
  const lines = text.split("\n");
  // After the last top-level import (a multi-line one ends at its `from "…";` line).
  let after = -1;
  for (let index = 0, inImport = false; index < lines.length; index++) {
    const line = lines[index]!;
    if (/^import\b/.test(line)) inImport = true;
    if (inImport && /(from\s+["'][^"']+["']|^import\s+["'][^"']+["']);?\s*$/.test(line)) {
      after = index;
      inImport = false;
    }
  }
  lines.splice(after + 1, 0, importLine);
  return lines.join("\n");
}

/** The declarations the playground's editor gives the code, for an app that references Lucia's types. */
const luciaDeclarations = `/// <reference types="lucia" />
${luciaTypes}`;

function readme(input: ProjectInput): string {
  const adapter = driverAdapter[input.database];
  const fence = "```";
  const output = input.output;
  const expected =
    output === null
      ? ["The playground had not run this code when it was downloaded: press Run there to see what it prints."]
      : [
          "What the playground printed for this code (ids are random and times are the time of the run, so yours differ):",
          "",
          `${fence}text`,
          ...(output.lines.length === 0 && output.thrown === null ? ["(nothing)"] : output.lines.map((line) => line.text)),
          ...(output.thrown === null ? [] : [output.thrown]),
          fence,
          ...(output.thrown === null
            ? []
            : ["", `The last line is the error the code throws: Node.js prints it with its stack trace, and \`npm start\` exits with an error.`]),
          ...(output.lines.some((line) => line.stream === "stderr") ? ["", "console.error and console.warn lines go to stderr."] : []),
        ];
  const postgresql =
    input.database === "postgresql"
      ? [
          "",
          `**Before \`npm start\`**, point \`DATABASE_URL\` in \`.env\` at a PostgreSQL database you can throw away (it is \`${adapter.url}\` now): \`npm start\` deletes everything in it and creates the schema's tables.`,
        ]
      : [];
  return [
    `# ${input.title ?? "Lucia v2 and Prisma 7"}`,
    "",
    `Lucia v2 with \`@lucia-auth/adapter-prisma\` and Prisma ${projectVersions.prisma}, on ${adapter.label}, as the adapter's playground ran it.`,
    "",
    "## Run it",
    "",
    "Node.js 20.19 or newer:",
    "",
    `${fence}sh`,
    "npm install",
    "npm start",
    fence,
    ...postgresql,
    "",
    `\`npm start\` runs \`${projectScripts.db}\` (a fresh database with the schema's tables, as every playground run starts with), then \`prisma generate\` and \`src/main.ts\`.`,
    "",
    "## What it prints",
    "",
    ...expected,
    "",
    "## The SQL",
    "",
    `\`QUERY_LOG=1 npm start\` prints a \`prisma:query\` line for every statement: the statements of the playground's Queries list (Prisma's log leaves out the \`BEGIN\` of a transaction, and statements that fail).`,
    "",
    "## The files",
    "",
    "- `prisma/schema.prisma`: the playground's schema, with the `prisma-client` generator (the client is written to `src/generated/prisma`).",
    "- `prisma.config.ts`: where Prisma finds the schema and the database URL (from `.env`).",
    `- \`src/database.ts\`: the driver adapter (\`${adapter.module}\`) and the query log switch.`,
    "- `src/main.ts`: the playground's code. `@prisma/client` became the generated client, and `new PrismaClient()` is given the driver adapter, which the playground supplied by itself.",
    "- `src/lucia.d.ts`: the types Lucia v2 expects an app to declare (the playground's editor declares the same).",
    "",
    "## How this project is tested",
    "",
    "The playground's test suite downloads this project for every preset on both databases, unpacks it in an empty folder, runs `npm install`, and compares what it prints and the statements its query log shows with the playground's. One step differs: `prisma db push` needs Prisma's native schema engine, which the test machine cannot download, so the test creates the tables itself with the SQL Prisma's wasm schema engine gives for the same schema (what `prisma migrate diff --from-empty --to-schema prisma/schema.prisma --script` prints), on an empty database, and then runs `npm run generate` and `npm run app`.",
    "",
  ].join("\n");
}
