/**
 * The databases the playground runs on, and what the "Database" switch can choose: one of them,
 * or both side by side (the same schema and code, run once on each).
 */
import type { BrowserProvider } from "@lucia-prisma/client-from-schema";

export type Database = BrowserProvider;
export type DatabaseChoice = Database | "compare";

export const databaseChoices: readonly DatabaseChoice[] = ["sqlite", "postgresql", "compare"];

export const databaseLabel: Record<Database, string> = {
  sqlite: "SQLite (sql.js)",
  postgresql: "PostgreSQL (PGlite)",
};

export const choiceLabel: Record<DatabaseChoice, string> = {
  ...databaseLabel,
  compare: "Both, side by side",
};

export function isDatabaseChoice(value: unknown): value is DatabaseChoice {
  return typeof value === "string" && (databaseChoices as readonly string[]).includes(value);
}

/** The databases a choice runs on, in the order their results are shown. */
export function databasesOf(choice: DatabaseChoice): Database[] {
  return choice === "compare" ? ["sqlite", "postgresql"] : [choice];
}

const datasourceOpening = /^\s*datasource\s+\w+\s*\{/;
const providerSetting = /^(\s*provider\s*=\s*)"(sqlite|postgresql)"/;

/**
 * The text with every datasource's `provider = "sqlite"` or `"postgresql"` set to `database`
 * (other lines untouched), so switching databases keeps the reader's schema as they wrote it.
 */
export function withProvider(text: string, database: Database): string {
  let inDatasource = false;
  return text
    .split("\n")
    .map((line) => {
      if (datasourceOpening.test(line)) inDatasource = true;
      else if (/^\s*\}/.test(line)) inDatasource = false;
      return inDatasource ? line.replace(providerSetting, `$1"${database}"`) : line;
    })
    .join("\n");
}

/** The browser database the schema's first datasource names, if it names one. */
export function writtenProvider(text: string): Database | undefined {
  let inDatasource = false;
  for (const line of text.split("\n")) {
    if (datasourceOpening.test(line)) inDatasource = true;
    else if (/^\s*\}/.test(line)) inDatasource = false;
    const match = inDatasource ? providerSetting.exec(line) : null;
    if (match !== null) return match[2] as Database;
  }
  return undefined;
}

/** How compiled schemas are looked up: the same text compiles differently for each database. */
export function compileKey(database: Database, text: string): string {
  return `${database}\n${text}`;
}
