/** The downloaded project's files: versions, schema, code and package.json (the project test runs them). */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { projectCode, projectFiles, projectSchema, type ProjectInput } from "../project/project-files.ts";
import { projectVersions } from "../project/versions.ts";

const root = new URL("../../../", import.meta.url);
const installedVersion = (name: string) => (JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, root), "utf8")) as { version: string }).version;

test("the project pins exactly what this repository installs and the playground runs", () => {
  for (const [name, version] of Object.entries(projectVersions)) {
    const installed = name === "@lucia-auth/adapter-prisma" ? (JSON.parse(readFileSync(new URL("packages/adapter-prisma/package.json", root), "utf8")) as { version: string }).version : installedVersion(name);
    assert.equal(version, installed, `projectVersions["${name}"] is ${version}, but ${installed} is installed: update src/playground/project/versions.ts`);
  }
});

const input = (changes: Partial<ProjectInput> = {}): ProjectInput => ({
  schema: 'datasource db {\n  provider = "sqlite"\n}\n\nmodel User {\n  id String @id\n}\n',
  code: 'import { PrismaClient } from "@prisma/client";\nconst client = new PrismaClient();\n',
  database: "sqlite",
  title: null,
  adapterTarball: "https://docs.example.org/packages/lucia-auth-adapter-prisma-3.1.0.tgz",
  output: null,
  ...changes,
});
const file = (files: { path: string; text: string }[], path: string) => files.find((candidate) => candidate.path === path)!.text;

test("package.json: the driver adapter of the database, the adapter from the site's tarball, exact versions", () => {
  for (const [database, adapter, driver] of [
    ["sqlite", "@prisma/adapter-better-sqlite3", "better-sqlite3"],
    ["postgresql", "@prisma/adapter-pg", "pg"],
  ] as const) {
    const manifest = JSON.parse(file(projectFiles(input({ database })), "package.json")) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> };
    assert.equal(manifest.dependencies[adapter], "7.10.0");
    assert.equal(manifest.dependencies[driver], projectVersions[driver]);
    assert.equal(manifest.dependencies["@lucia-auth/adapter-prisma"], "https://docs.example.org/packages/lucia-auth-adapter-prisma-3.1.0.tgz");
    assert.equal(manifest.dependencies["lucia"], "2.7.7");
    assert.equal(manifest.devDependencies["prisma"], "7.10.0");
    for (const version of [...Object.values(manifest.dependencies), ...Object.values(manifest.devDependencies)]) assert.match(version, /^(\d+\.\d+\.\d+|https:\/\/.+\.tgz)$/);
    assert.equal(manifest.scripts["start"], "npm run db && npm run generate && npm run app");
  }
});

test("the schema gets one prisma-client generator, keeps previewFeatures, and the datasource of the database", () => {
  const schema = [
    "generator client {",
    '  provider        = "prisma-client-js"',
    '  previewFeatures = ["relationJoins"]',
    "}",
    "",
    "generator docs {",
    '  provider = "prisma-docs-generator"',
    "}",
    "",
    'datasource db {\n  provider = "sqlite"\n}',
    "",
    "model User {\n  id String @id\n}",
    "",
  ].join("\n");
  const text = projectSchema(schema, "postgresql");
  assert.equal((text.match(/^generator /gm) ?? []).length, 1);
  assert.match(text, /^generator client \{\n {2}provider = "prisma-client"\n {2}output {3}= "\.\.\/src\/generated\/prisma"\n {2}previewFeatures = \["relationJoins"\]\n\}\n\ndatasource db \{\n {2}provider = "postgresql"\n\}/);
  assert.match(text, /model User \{\n {2}id String @id\n\}\n$/);
  // Models alone get both.
  assert.match(projectSchema("model User {\n  id String @id\n}\n", "sqlite"), /^generator client \{[^}]+\}\n\n[\s\S]*provider = "sqlite"/);
});

test("the code: the generated client, and every new PrismaClient() given the driver adapter", () => {
  const code = [
    "import { lucia } from \"lucia\";",
    "import {",
    "  PrismaClient,",
    "  Prisma,",
    "} from '@prisma/client';",
    "",
    "const client = new PrismaClient();",
    "const logged = new PrismaClient({ errorFormat: \"minimal\" });",
  ].join("\n");
  assert.equal(
    projectCode(code),
    [
      "import { lucia } from \"lucia\";",
      "import {",
      "  PrismaClient,",
      "  Prisma,",
      "} from './generated/prisma/client';",
      'import { adapter, log } from "./database";',
      "",
      "const client = new PrismaClient({ adapter, log });",
      "const logged = new PrismaClient({ adapter, log, errorFormat: \"minimal\" });",
    ].join("\n"),
  );
});

test("the README says what the playground printed, or that it had not run this state", () => {
  const printed = file(projectFiles(input({ output: { lines: [{ stream: "stdout", text: "signed in: abc" }], thrown: "LuciaError: AUTH_INVALID_KEY_ID" } })), "README.md");
  assert.match(printed, /```text\nsigned in: abc\nLuciaError: AUTH_INVALID_KEY_ID\n```/);
  assert.match(printed, /npm install\nnpm start/);
  assert.match(file(projectFiles(input()), "README.md"), /had not run this code/);
  assert.match(file(projectFiles(input({ database: "postgresql" })), "README.md"), /PostgreSQL database you can throw away/);
});
