import { lucia } from "lucia";
import { prisma } from "@lucia-auth/adapter-prisma";
import { PrismaClient } from "@prisma/client";

const client = new PrismaClient();
const auth = lucia({
  env: "DEV",
  adapter: prisma({ client, mode: "default" }),
});

const user = await auth.createUser({
  key: { providerId: "github", providerUserId: "1234", password: null },
  attributes: {},
});
const session = await auth.createSession({ userId: user.userId, attributes: {} });

// getSessionAndUser is one findUnique with `include: { user: true }`. With relationJoins,
// PostgreSQL reads both rows in one statement; SQLite sends two SELECTs either way.
const current = await auth.validateSession(session.sessionId);
console.log("signed in:", current.user.userId, "state:", current.state);
