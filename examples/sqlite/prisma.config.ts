// Prisma 7 does not read .env by itself; dotenv loads it, as `prisma init` sets up.
import "dotenv/config";
import { defineConfig, env } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
  },
  datasource: {
    // Throws when DATABASE_URL is unset, so no command runs against a database by accident.
    url: env("DATABASE_URL"),
  },
});
