import { LuciaError } from "lucia";
import { auth } from "./auth";

/** Creates a user who signs in with a username and password, and opens a session. */
export async function signUp(username: string, password: string) {
  try {
    const user = await auth.createUser({
      key: { providerId: "username", providerUserId: username, password },
      attributes: {},
    });
    return await auth.createSession({ userId: user.userId, attributes: {} });
  } catch (error) {
    // The key id is "username:<name>": a second sign-up with the same name
    // fails here, and the adapter leaves no half-created user behind.
    if (error instanceof LuciaError && error.message === "AUTH_DUPLICATE_KEY_ID") {
      return null;
    }
    throw error;
  }
}

/** Opens a session when the password is right; null for an unknown username or a wrong password. */
export async function signIn(username: string, password: string) {
  try {
    const key = await auth.useKey("username", username, password);
    return await auth.createSession({ userId: key.userId, attributes: {} });
  } catch (error) {
    if (
      error instanceof LuciaError &&
      (error.message === "AUTH_INVALID_KEY_ID" || error.message === "AUTH_INVALID_PASSWORD")
    ) {
      return null;
    }
    throw error;
  }
}

/** Returns the session for an id from a cookie, or null when it is unknown or expired. */
export async function currentSession(sessionId: string) {
  try {
    return await auth.validateSession(sessionId);
  } catch (error) {
    if (error instanceof LuciaError && error.message === "AUTH_INVALID_SESSION_ID") {
      return null;
    }
    throw error;
  }
}
