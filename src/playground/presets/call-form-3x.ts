import { lucia } from "lucia";
import { prisma } from "@lucia-auth/adapter-prisma";
import { PrismaClient } from "@prisma/client";

const client = new PrismaClient();

// The call form of @lucia-auth/adapter-prisma 3.0.x still works: prisma(client), or
// prisma(client, modelNames). The user relation is read from the schema.
const auth = lucia({
  env: "DEV",
  adapter: prisma(client, { user: "user", key: "key", session: "session" }),
});

const user = await auth.createUser({
  key: { providerId: "github", providerUserId: "1234", password: null },
  attributes: {},
});
const session = await auth.createSession({ userId: user.userId, attributes: {} });

// 3.0.x read the session, then the user: two adapter calls. This is one.
console.log(await auth.validateSession(session.sessionId));
