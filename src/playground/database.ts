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

/** Switching databases rewrites only the datasource's provider (client-from-schema's `withBrowserProvider`). */
export { datasourceProvider, withBrowserProvider } from "@lucia-prisma/client-from-schema";

/** How compiled schemas are looked up: the same text compiles differently for each database. */
export function compileKey(database: Database, text: string): string {
  return `${database}\n${text}`;
}
