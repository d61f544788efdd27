import { auth } from "./auth";

export async function signUp(username: string, password: string, country: string | null) {
  const user = await auth.createUser({
    key: { providerId: "username", providerUserId: username, password },
    attributes: { username, email: null },
  });
  const session = await auth.createSession({
    userId: user.userId,
    attributes: { country },
  });
  // Attributes come back through getUserAttributes / getSessionAttributes.
  console.log(session.user.username, session.country);
  return session;
}

export async function changeEmail(userId: string, email: string) {
  return auth.updateUserAttributes(userId, { email });
}
