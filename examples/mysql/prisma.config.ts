import { defineConfig, env } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
  },
  datasource: {
    // Prisma 7 does not read .env files by itself: start the CLI with
    // `node --env-file=.env` or load them in this file before this line.
    url: env("DATABASE_URL"),
  },
});
