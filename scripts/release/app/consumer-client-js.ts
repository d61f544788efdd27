// Type-checked in the stranger's app against the client of the `prisma-client-js` generator.
import { lucia } from "lucia";
import { prisma } from "@lucia-auth/adapter-prisma";
import { PrismaClient } from "@prisma/client";

declare const client: PrismaClient;

export const byDefault = lucia({ env: "DEV", adapter: prisma({ client, mode: "default" }) });
export const byName = lucia({
  env: "DEV",
  adapter: prisma({ client, modelNames: { user: "user", session: "session", key: "key" }, userRelationKey: "user" }),
});

// @ts-expect-error "users" is not a model of this client
prisma({ client, modelNames: { user: "users", session: "session", key: "key" }, userRelationKey: "user" });
