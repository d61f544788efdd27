import { lucia } from "lucia";
import { prisma } from "@lucia-auth/adapter-prisma";
import { client } from "./db";

// The same adapter as `mode: "default"`, with every value spelled out.
export const auth = lucia({
  env: "DEV",
  adapter: prisma({
    client,
    modelNames: {
      user: "user",
      key: "key",
      session: "session",
    },
    userRelationKey: "user",
  }),
});
