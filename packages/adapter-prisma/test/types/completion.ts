// Type-level tests: `modelNames` and `userRelationKey` are checked against (and so complete
// from) the PrismaClient passed in. Compiled by types.test.ts after the clients are generated.
import { prisma } from "../../src/index.ts";
import type { PrismaClient as ReferenceClient } from "../.generated/p7-reference-sqlite/client.ts";
import type { PrismaClient as RenamedClient } from "../.generated/p7-renamed-sqlite/client.ts";
import type { ModelName, RelationField } from "../../src/index.ts";

declare const reference: ReferenceClient;
declare const renamed: RenamedClient;

prisma({ client: reference, mode: "default" });
prisma({ client: reference, modelNames: { user: "user", key: "key", session: "session" }, userRelationKey: "user" });
prisma({ client: renamed, modelNames: { user: "authUser", key: "authKey", session: "authSession" }, userRelationKey: "owner" });
prisma(reference);
prisma(reference, { user: "user", key: "key", session: null });
prisma(renamed, { user: "authUser", key: "authKey", session: "authSession" });

// @ts-expect-error "authSessions" is not a model of the renamed client
prisma({ client: renamed, modelNames: { user: "authUser", key: "authKey", session: "authSessions" }, userRelationKey: "owner" });
// @ts-expect-error the relation is called "owner" in the renamed schema
prisma({ client: renamed, modelNames: { user: "authUser", key: "authKey", session: "authSession" }, userRelationKey: "user" });
// @ts-expect-error "user_id" is a column, not a relation
prisma({ client: reference, modelNames: { user: "user", key: "key", session: "session" }, userRelationKey: "user_id" });
// @ts-expect-error mode has one value
prisma({ client: reference, mode: "custom" });
// @ts-expect-error the 3.0.x form checks names too
prisma(renamed, { user: "user", key: "key", session: "session" });

// The exact unions an editor offers.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const renamedModels: Equal<ModelName<RenamedClient>, "authUser" | "authSession" | "authKey"> = true;
const referenceModels: Equal<ModelName<ReferenceClient>, "user" | "session" | "key"> = true;
const renamedRelation: Equal<RelationField<RenamedClient, "authSession">, "owner"> = true;
const referenceRelation: Equal<RelationField<ReferenceClient, "session">, "user"> = true;
export { renamedModels, referenceModels, renamedRelation, referenceRelation };
