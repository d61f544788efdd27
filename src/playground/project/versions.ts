/**
 * The exact versions a downloaded project installs: what the playground itself runs (Lucia,
 * Prisma and its driver adapters, this repository's adapter) and the tools its scripts use. A
 * test (`../test/project-files.test.ts`) compares them with what this repository installs, so an
 * upgrade here cannot leave the download behind.
 */
export const projectVersions = {
  lucia: "2.7.7",
  "@lucia-auth/adapter-prisma": "3.1.0",
  prisma: "7.10.0",
  "@prisma/client": "7.10.0",
  "@prisma/adapter-better-sqlite3": "7.10.0",
  "better-sqlite3": "12.11.1",
  "@prisma/adapter-pg": "7.10.0",
  pg: "8.23.1",
  dotenv: "17.4.2",
  tsx: "4.23.15",
  typescript: "6.0.3",
  "@types/node": "20.19.43",
} as const;

export type ProjectPackage = keyof typeof projectVersions;
