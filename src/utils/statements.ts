import captured from "../../content/data/statements.json" with { type: "json" };
import { operationNames, type OperationName } from "../../packages/adapter-prisma/statements/operations.ts";

/** One SQL statement the database received, with its bound values. */
export interface Statement {
  sql: string;
  args: unknown[];
}

export const databases = ["sqlite", "postgresql", "mysql"] as const;
export type Database = (typeof databases)[number];

export const databaseLabels: Record<Database, string> = {
  sqlite: "SQLite",
  postgresql: "PostgreSQL",
  mysql: "MySQL / MariaDB",
};

/** The Lucia operations the page documents, in the order a session's life runs through them. */
export const operations = operationNames;
export type Operation = OperationName;

function isStatement(value: unknown): value is Statement {
  if (typeof value !== "object" || value === null) return false;
  const { sql, args } = value as Record<string, unknown>;
  return typeof sql === "string" && Array.isArray(args);
}

/**
 * The statements captured for one operation on one database, or an empty list when that
 * run has not been captured. A malformed file fails the build rather than showing wrong SQL.
 */
export function statementsFor(database: Database, operation: Operation, data: unknown = captured): Statement[] {
  const byDatabase = (data as Record<string, unknown>)[database];
  if (byDatabase === undefined) return [];
  if (typeof byDatabase !== "object" || byDatabase === null) {
    throw new Error(`content/data/statements.json: "${database}" must be an object of operations.`);
  }
  const list = (byDatabase as Record<string, unknown>)[operation];
  if (list === undefined) return [];
  if (!Array.isArray(list) || !list.every(isStatement)) {
    throw new Error(`content/data/statements.json: ${database} → "${operation}" must be a list of { sql, args }.`);
  }
  return list;
}

/** Bound values as JSON, the way the driver received them. */
export function formatArgs(args: readonly unknown[]): string {
  return `[${args.map((arg) => JSON.stringify(arg)).join(", ")}]`;
}
