import { lucia } from "lucia";
import { prisma } from "@lucia-auth/adapter-prisma";
import { client } from "./db";

export const auth = lucia({
  env: process.env.NODE_ENV === "production" ? "PROD" : "DEV",
  adapter: prisma({ client, mode: "default" }),
});

export type Auth = typeof auth;
