import { fileURLToPath } from "node:url";
import type { SuiteProvider } from "./scenarios.ts";

export { describeSharedSuite, type SharedSuiteOptions } from "./compare.ts";
export { scenarios, type Scenario, type SuiteAdapter, type SuiteProvider } from "./scenarios.ts";
export type { Args, Delegate, GeneratedModule, Row, SuiteClient } from "./suite-client.ts";

/** The suite's schema for each database (the generator block is replaced by test-kit's generateClient). */
export const suiteSchemaPaths: Record<SuiteProvider, string> = {
	sqlite: fileURLToPath(new URL("../schemas/suite.sqlite.prisma", import.meta.url)),
	postgresql: fileURLToPath(new URL("../schemas/suite.postgresql.prisma", import.meta.url)),
};

/**
 * Run after the schema's DDL: three models of the suite then disagree with their tables, so that
 * the database itself raises what the client cannot catch first (NOT NULL on an optional field, a
 * missing column, a missing table). The same on both databases.
 */
export const schemaDrift = `
DROP TABLE "Note";
CREATE TABLE "Note" ("id" INTEGER NOT NULL PRIMARY KEY, "body" TEXT NOT NULL);
DROP TABLE "Ghost";
CREATE TABLE "Ghost" ("id" INTEGER NOT NULL PRIMARY KEY);
DROP TABLE "Phantom";
`;
