// Loads better-sqlite3 the way the quick start's driver adapter does (resolved from
// @prisma/adapter-better-sqlite3, so pnpm's strict layout counts) and opens a database: this fails
// when its install script did not run and left it without its native binding.
import { createRequire } from "node:module";

const Database = createRequire(import.meta.resolve("@prisma/adapter-better-sqlite3"))("better-sqlite3");
const database = new Database(":memory:");
const { version } = database.prepare("select sqlite_version() as version").get();
database.close();
console.log(JSON.stringify({ sqlite: version }));
