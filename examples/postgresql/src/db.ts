import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

// Prisma 7 talks to the database through a driver adapter you pass in.
const adapter = new PrismaPg({ connectionString: process.env.DATABASE_URL });

export const client = new PrismaClient({ adapter });
