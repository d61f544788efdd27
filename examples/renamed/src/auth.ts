import { lucia } from "lucia";
import { prisma } from "@lucia-auth/adapter-prisma";
import { client } from "./db";

export const auth = lucia({
  env: "DEV",
  adapter: prisma({
    client,
    // camelCase of the models AuthUser, AuthKey and AuthSession
    modelNames: {
      user: "authUser",
      key: "authKey",
      session: "authSession",
    },
    // the field on AuthSession (and AuthKey) that points at AuthUser
    userRelationKey: "owner",
  }),
  // Columns you add to the user and session models reach your app through these.
  getUserAttributes: (user) => ({
    username: user.username,
    email: user.email,
  }),
  getSessionAttributes: (session) => ({
    country: session.country,
  }),
});

export type Auth = typeof auth;
