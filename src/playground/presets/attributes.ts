import { lucia } from "lucia";
import { prisma } from "@lucia-auth/adapter-prisma";
import { PrismaClient } from "@prisma/client";

const client = new PrismaClient();

const auth = lucia({
  env: "DEV",
  adapter: prisma({ client, mode: "default" }),
  // Columns you add to User and Session reach your app through these two functions.
  getUserAttributes: (user) => ({ username: user.username, email: user.email }),
  getSessionAttributes: (session) => ({ country: session.country }),
});

const user = await auth.createUser({
  key: { providerId: "github", providerUserId: "1234", password: null },
  attributes: { username: "ann", email: "ann@example.com" },
});
const session = await auth.createSession({ userId: user.userId, attributes: { country: "NZ" } });

const current = await auth.validateSession(session.sessionId);
console.log(`${current.user.username} <${current.user.email}> from ${current.country}`);

// Attribute updates are one UPDATE each.
await auth.updateUserAttributes(user.userId, { email: "ann@example.org" });
console.log((await auth.getUser(user.userId)).email);
