// Keeps prisma-signature.ts (shown on the reference page) honest: each documented form, called
// with the reference schema's values, type-checks against the real adapter and returns the
// documented type.
import { prisma as real } from "@lucia-auth/adapter-prisma";
import type { prisma as documented } from "./prisma-signature";
import { client } from "./db";

type Documented = ReturnType<typeof documented>;

export const defaultMode: Documented = real({ client, mode: "default" });
export const ownNames: Documented = real({
  client,
  modelNames: { user: "user", key: "key", session: "session" },
  userRelationKey: "user",
});
