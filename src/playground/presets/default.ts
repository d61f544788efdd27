import { lucia, LuciaError } from "lucia";
import { prisma } from "@lucia-auth/adapter-prisma";
import { PrismaClient } from "@prisma/client";

const client = new PrismaClient();

// Default mode: the schema's models are User, Session and Key, as in the reference schema.
const auth = lucia({
  env: "DEV",
  adapter: prisma({ client, mode: "default" }),
});

// Sign up with an OAuth account (no password to hash), then open a session.
const user = await auth.createUser({
  key: { providerId: "github", providerUserId: "1234", password: null },
  attributes: {},
});
const session = await auth.createSession({ userId: user.userId, attributes: {} });

// One adapter call, getSessionAndUser, reads the session and its user.
const current = await auth.validateSession(session.sessionId);
console.log("signed in:", current.user.userId, "state:", current.state);

// Sign out: the session row is deleted, so the id no longer validates.
await auth.invalidateSession(session.sessionId);
try {
  await auth.validateSession(session.sessionId);
} catch (error) {
  if (!(error instanceof LuciaError)) throw error;
  console.log("after sign-out:", error.message);
}
