import { lucia } from "lucia";
import { prisma } from "@lucia-auth/adapter-prisma";
import { PrismaClient } from "@prisma/client";

const client = new PrismaClient();

// The schema names its models AuthUser, AuthSession and AuthKey, maps them to tables of
// its own (@@map), and calls the relation to the user `owner`.
const auth = lucia({
  env: "DEV",
  adapter: prisma({
    client,
    modelNames: { user: "authUser", session: "authSession", key: "authKey" },
    userRelationKey: "owner",
  }),
  getUserAttributes: (user) => ({ username: user.username }),
});

const user = await auth.createUser({
  key: { providerId: "github", providerUserId: "1234", password: null },
  attributes: { username: "ann", email: null },
});
const session = await auth.createSession({ userId: user.userId, attributes: { country: null } });

// The SQL reads from user_session and auth_user, the mapped table names.
const current = await auth.validateSession(session.sessionId);
console.log(current.user);
