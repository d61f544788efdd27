import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";

// Prisma 6.19's SQLite driver adapter (Prisma 7 renamed it PrismaBetterSqlite3).
const adapter = new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./dev.db" });

export const client = new PrismaClient({ adapter });
