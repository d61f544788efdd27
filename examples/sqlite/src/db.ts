import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";

const url = process.env.DATABASE_URL;
if (url === undefined) {
  throw new Error('DATABASE_URL is not set: put DATABASE_URL="file:./dev.db" in .env and run with --env-file=.env');
}

// Prisma 7 talks to the database through a driver adapter you pass in.
export const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }) });
