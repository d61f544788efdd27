import { lucia, LuciaError } from "lucia";
import { prisma } from "@lucia-auth/adapter-prisma";
import { PrismaClient } from "@prisma/client";

const client = new PrismaClient();

const auth = lucia({
  env: "DEV",
  adapter: prisma({ client, mode: "default" }),
});

async function signUp(username: string, password: string) {
  try {
    return await auth.createUser({
      key: { providerId: "username", providerUserId: username, password },
      attributes: {},
    });
  } catch (error) {
    // The key id is "username:<name>": a second sign-up with the same name fails with
    // AUTH_DUPLICATE_KEY_ID, and the user row written before it is rolled back.
    if (error instanceof LuciaError && error.message === "AUTH_DUPLICATE_KEY_ID") {
      console.log(`"${username}" is taken`);
      return null;
    }
    throw error;
  }
}

await signUp("ann", "correct horse");
await signUp("ann", "battery staple");

// Only the first sign-up left a user behind (see Tables).
console.log("users:", await client.user.count());
