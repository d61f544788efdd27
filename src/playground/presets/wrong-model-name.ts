import { lucia } from "lucia";
import { prisma } from "@lucia-auth/adapter-prisma";
import { PrismaClient } from "@prisma/client";

const client = new PrismaClient();

// "users" is not a model of this schema (the delegate is `user`). The adapter checks its
// configuration against the client's data model when it is created, so this fails here,
// with the names that do exist, not with a TypeError on the first sign-in.
const auth = lucia({
  env: "DEV",
  adapter: prisma({
    client,
    modelNames: { user: "users", session: "session", key: "key" },
    userRelationKey: "user",
  }),
});

console.log("not reached", auth);
