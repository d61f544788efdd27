import { PrismaMariaDb } from "@prisma/adapter-mariadb";
import { PrismaClient } from "./generated/prisma/client";

// The MariaDB adapter also serves MySQL servers.
const adapter = new PrismaMariaDb(process.env.DATABASE_URL ?? "mariadb://localhost:3306/app");

export const client = new PrismaClient({ adapter });
