import { fileURLToPath } from "node:url";

/** Root of the repository, where node_modules and the adapter's schemas live. */
export const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/**
 * Each folder under examples/ is a small app the way a reader would lay one out:
 * prisma.config.ts, prisma/schema.prisma, and src/ with the client Prisma generates.
 * Its schema is one of the adapter's test schemas, copied in before generating.
 */
export const exampleProjects = [
  { dir: "examples/sqlite", schema: "packages/adapter-prisma/schemas/reference.sqlite.prisma" },
  { dir: "examples/postgresql", schema: "packages/adapter-prisma/schemas/reference.postgresql.prisma" },
  { dir: "examples/mysql", schema: "packages/adapter-prisma/schemas/reference.mysql.prisma" },
  { dir: "examples/renamed", schema: "packages/adapter-prisma/schemas/renamed.sqlite.prisma" },
] as const;

export type ExampleProject = (typeof exampleProjects)[number];
