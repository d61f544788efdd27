// A whole Lucia flow in plain JavaScript, on the packed packages as a stranger installs them:
// `node lucia-flow.mjs default` or `node lucia-flow.mjs model-names` (the two call forms).
import { readFile } from "node:fs/promises";
import { LuciaError, lucia } from "lucia";
import { prisma } from "@lucia-auth/adapter-prisma";
import { PrismaClient } from "@prisma/client";
import initSqlJs from "sql.js";
import { PrismaSqlJs } from "@lucia-prisma/adapter-sqljs";
import { applyMigrationScript, loadSchemaCompiler, migrationScript } from "@lucia-prisma/client-from-schema";
import { nodeWasmSource } from "@lucia-prisma/client-from-schema/node";

const form = process.argv[2];
const SQL = await initSqlJs();
const adapter = new PrismaSqlJs(new SQL.Database());

// The tables, from the app's schema through Prisma's schema engine.
const compiler = await loadSchemaCompiler(nodeWasmSource());
const compiled = compiler.compile(await readFile("prisma/schema.prisma", "utf8"));
if (!compiled.ok) throw new Error(compiled.message);
await applyMigrationScript(adapter, await migrationScript(compiled.schema, adapter, nodeWasmSource()));

const client = new PrismaClient({ adapter });
const options =
  form === "default"
    ? { client, mode: "default" }
    : { client, modelNames: { user: "user", session: "session", key: "key" }, userRelationKey: "user" };
const auth = lucia({ env: "DEV", adapter: prisma(options) });

async function luciaErrorOf(promise) {
  try {
    await promise;
    return "no error";
  } catch (error) {
    if (error instanceof LuciaError) return error.message;
    throw error;
  }
}

const key = { providerId: "username", providerUserId: "ada", password: "correct horse" };
const user = await auth.createUser({ key, attributes: {} });
const signedIn = await auth.useKey("username", "ada", "correct horse");
const session = await auth.createSession({ userId: signedIn.userId, attributes: {} });
const validated = await auth.validateSession(session.sessionId);
const duplicate = await luciaErrorOf(auth.createUser({ key, attributes: {} }));
await auth.invalidateSession(session.sessionId);
const afterSignOut = await luciaErrorOf(auth.validateSession(session.sessionId));
await auth.deleteUser(user.userId);
const afterDelete = await luciaErrorOf(auth.getUser(user.userId));
await client.$disconnect();

console.log(
  JSON.stringify({
    form,
    sameUser: validated.user.userId === user.userId && signedIn.userId === user.userId,
    state: validated.state,
    duplicate,
    afterSignOut,
    afterDelete,
  }),
);
