/**
 * The playground's presets as data: a title, a schema file, a code file and the database they
 * open on. The schemas are the files the adapter's test suite runs, or files in presets/. The
 * build reads the files (see `build/precompile-plugin.ts`); the page receives them as `Preset`s.
 */
import type { DatabaseChoice } from "./database.ts";

export interface PlaygroundState {
  schema: string;
  code: string;
  database: DatabaseChoice;
}

export interface PresetFiles {
  id: string;
  title: string;
  /** One sentence: what running it shows. */
  description: string;
  /** Paths from the repository root. */
  schemaFile: string;
  codeFile: string;
  /** Where it opens; SQLite when not given. */
  database?: DatabaseChoice;
}

export type Preset = Omit<PresetFiles, "schemaFile" | "codeFile" | "database"> & PlaygroundState;

const reference = "packages/adapter-prisma/schemas/reference.sqlite.prisma";
const renamed = "packages/adapter-prisma/schemas/renamed.sqlite.prisma";
const code = (name: string) => `src/playground/presets/${name}.ts`;

export const presetFiles: readonly PresetFiles[] = [
  {
    id: "default",
    title: "Default mode",
    description: "Sign up, open a session, validate it (one adapter call), sign out.",
    schemaFile: reference,
    codeFile: code("default"),
  },
  {
    id: "relation-joins",
    title: "PostgreSQL and SQLite side by side",
    description:
      "The same code on both databases: with relationJoins, validateSession is one statement on PostgreSQL and two on SQLite.",
    schemaFile: "src/playground/presets/relation-joins.prisma",
    codeFile: code("relation-joins"),
    database: "compare",
  },
  {
    id: "custom-model-names",
    title: "Custom model names",
    description: "Renamed models, tables mapped with @@map, and a relation called owner.",
    schemaFile: renamed,
    codeFile: code("custom-model-names"),
  },
  {
    id: "attributes",
    title: "User and session attributes",
    description: "Extra columns on User and Session, read through getUserAttributes and getSessionAttributes.",
    schemaFile: "src/playground/presets/attributes.prisma",
    codeFile: code("attributes"),
  },
  {
    id: "call-form-3x",
    title: "The 3.0.x call form",
    description: "prisma(client, modelNames) as 3.0.x took it, with the user relation read from the schema.",
    schemaFile: reference,
    codeFile: code("call-form-3x"),
  },
  {
    id: "duplicate-key",
    title: "Duplicate sign-up",
    description: "A second sign-up with a taken username fails with AUTH_DUPLICATE_KEY_ID and leaves nothing behind.",
    schemaFile: reference,
    codeFile: code("duplicate-key"),
  },
  {
    id: "wrong-model-name",
    title: "A wrong model name",
    description: "A modelNames entry that is not in the schema fails when the adapter is created, naming the models that exist.",
    schemaFile: reference,
    codeFile: code("wrong-model-name"),
  },
];

