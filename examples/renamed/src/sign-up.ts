import { LuciaError } from "lucia";
import { auth } from "./auth";
import { Prisma } from "./generated/prisma/client";

/** Signs a user up with a username and password; returns null when the name is taken. */
export async function signUp(username: string, password: string, country: string | null) {
  try {
    const user = await auth.createUser({
      key: { providerId: "username", providerUserId: username, password },
      attributes: { username, email: null },
    });
    return await auth.createSession({ userId: user.userId, attributes: { country } });
  } catch (error) {
    // The user row is written before its key, so a taken name usually breaks the
    // @unique on AuthUser.username first. That is not a key error: the adapter
    // passes Prisma's own P2002 through instead of turning it into a LuciaError.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return null;
    }
    if (error instanceof LuciaError && error.message === "AUTH_DUPLICATE_KEY_ID") {
      return null;
    }
    throw error;
  }
}

/** Attributes come back through getUserAttributes and getSessionAttributes. */
export async function describeSession(sessionId: string) {
  const session = await auth.validateSession(sessionId);
  return `${session.user.username} from ${session.country ?? "somewhere"}`;
}

export async function changeEmail(userId: string, email: string) {
  return auth.updateUserAttributes(userId, { email });
}
