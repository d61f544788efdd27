/**
 * The `.d.ts` text is checked by the TypeScript compiler against the Lucia adapter's own types,
 * as an editor would: `modelNames` and `userRelationKey` complete from the schema.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { loadSchemaCompiler, type SchemaCompiler } from "../src/index.ts";
import { nodeWasmSource } from "../src/node.ts";
import { compileOrThrow, ownSchemas, repoSchemas } from "./helpers.ts";

/** Type-checks in-memory files placed in this folder (so packages resolve from node_modules). */
function typeErrors(files: Record<string, string>): string[] {
  const dir = fileURLToPath(new URL("./", import.meta.url));
  const virtual = new Map(Object.entries(files).map(([name, text]) => [`${dir}${name}`, text]));
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    customConditions: ["@lucia-prisma/source"],
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile: read } = host;
  host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(name) ?? read.call(host, name);
  host.getSourceFile = (name, language, ...rest) => {
    const text = virtual.get(name);
    return text === undefined ? getSourceFile.call(host, name, language, ...rest) : ts.createSourceFile(name, text, language);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${diagnostic.file.fileName.slice(dir.length)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : "";
    return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  });
}

let compiler: SchemaCompiler;
before(async () => {
  compiler = await loadSchemaCompiler(nodeWasmSource());
});

describe("the client's .d.ts", () => {
  test("completes modelNames and userRelationKey of @lucia-auth/adapter-prisma from the schema", async () => {
    const schema = compileOrThrow(compiler, await readFile(new URL("renamed.sqlite.prisma", repoSchemas), "utf8"));
    const errors = typeErrors({
      "virtual-renamed-client.d.ts": schema.clientTypes,
      "virtual-renamed-check.ts": `
import { prisma, type ModelName, type RelationField } from "@lucia-auth/adapter-prisma";
import type { PrismaClient } from "./virtual-renamed-client";
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
declare const client: PrismaClient;
export const names: Equal<ModelName<PrismaClient>, "authUser" | "authSession" | "authKey"> = true;
export const relation: Equal<RelationField<PrismaClient, "authSession">, "owner"> = true;
prisma({ client, modelNames: { user: "authUser", session: "authSession", key: "authKey" }, userRelationKey: "owner" });
// @ts-expect-error user_id is a column, not a relation field
prisma({ client, modelNames: { user: "authUser", session: "authSession", key: "authKey" }, userRelationKey: "user_id" });
// @ts-expect-error there is no user model in this schema
prisma({ client, modelNames: { user: "user", session: "authSession", key: "authKey" }, userRelationKey: "owner" });
export async function use(): Promise<void> {
  const session = await client.authSession.findUnique({ where: { id: "s" }, include: { owner: true } });
  const username: string | undefined = session?.owner.username;
  const expires: bigint | undefined = session?.active_expires;
  await client.authUser.create({ data: { id: "u", username: "ann" } });
  // @ts-expect-error username is required
  await client.authUser.create({ data: { id: "u" } });
  const [count, keys] = await client.$transaction([client.authUser.count(), client.authKey.findMany()]);
  const total: number = count + keys.length;
  await client.$transaction(async (tx) => tx.authKey.deleteMany({ where: { user_id: "u" } }));
  void [username, expires, total];
}
`,
    });
    assert.deepEqual(errors, []);
  });

  test("types enums, defaults, optional fields, compound uniques and self relations", async () => {
    const schema = compileOrThrow(compiler, await readFile(new URL("features.sqlite.prisma", ownSchemas), "utf8"));
    const errors = typeErrors({
      "virtual-features-client.d.ts": schema.clientTypes,
      "virtual-features-check.ts": `
import type { PrismaClient, Role } from "./virtual-features-client";
declare const client: PrismaClient;
export async function use(): Promise<void> {
  const role: Role = "EDITOR";
  const member = await client.member.create({ data: { email: "a@example.com", role, mentor: { connect: { email: "b@example.com" } } } });
  const nickname: string | null = member.nickname;
  const mentor = await client.member.findUnique({ where: { id: member.id }, include: { mentees: true } });
  const mentees: number | undefined = mentor?.mentees.length;
  await client.badge.findUnique({ where: { memberId_kind: { memberId: 1, kind: "early" } } });
  // @ts-expect-error OWNER is not a Role
  await client.member.create({ data: { email: "c@example.com", role: "OWNER" } });
  void [nickname, mentees];
}
`,
    });
    assert.deepEqual(errors, []);
  });
});
