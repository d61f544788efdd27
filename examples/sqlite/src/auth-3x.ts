import { lucia } from "lucia";
import { prisma } from "@lucia-auth/adapter-prisma";
import { client } from "./db";

// The 3.0.x call form still works unchanged.
export const auth = lucia({
  env: "DEV",
  adapter: prisma(client),
});

// With model names, as 3.0.x accepted them.
export const authWithNames = lucia({
  env: "DEV",
  adapter: prisma(client, { user: "user", key: "key", session: "session" }),
});
