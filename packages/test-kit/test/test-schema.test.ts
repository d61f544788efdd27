import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { rewriteSchemaForTest } from "../src/test-schema.ts";

const schema = `// leading comment
generator client {
  provider = "prisma-client"
  output   = "../src/generated/prisma" // a } in a comment
}

datasource db {
  provider = "postgresql"
}

model User {
  id String @id @default("{}")
}
`;

describe("rewriteSchemaForTest", () => {
  test("Prisma 7: one prisma-client generator for Node ESM, datasource and models kept", () => {
    const { text, provider } = rewriteSchemaForTest(schema, { prisma: 7, output: "./client" });
    assert.equal(provider, "postgresql");
    assert.equal(
      text,
      `generator client {
  provider = "prisma-client"
  runtime = "nodejs"
  moduleFormat = "esm"
  output = "./client"
}

// leading comment

datasource db {
  provider = "postgresql"
}

model User {
  id String @id @default("{}")
}
`,
    );
  });

  test("Prisma 6: prisma-client-js with the client engine and a placeholder url the validator wants", () => {
    const { text } = rewriteSchemaForTest(schema, { prisma: 6, output: "/abs/out", previewFeatures: ["relationJoins"] });
    assert.match(
      text,
      /^generator client \{\n  provider = "prisma-client-js"\n  engineType = "client"\n  output = "\/abs\/out"\n  previewFeatures = \["relationJoins"\]\n\}\n/,
    );
    assert.match(text, /datasource db \{\n  url      = "postgresql:\/\/[^"]+"\n  provider = "postgresql"\n\}/);
    assert.equal(text.match(/generator/g)?.length, 1);
  });

  test("Prisma 6: a url already in the datasource is kept as it is", () => {
    const withUrl = schema.replace(`provider = "postgresql"`, `provider = "postgresql"\n  url = env("DB")`);
    const { text } = rewriteSchemaForTest(withUrl, { prisma: 6, output: "./client" });
    assert.equal(text.match(/url/g)?.length, 1);
    assert.match(text, /url = env\("DB"\)/);
  });

  test("a schema without a datasource or with an unknown provider is refused", () => {
    assert.throws(() => rewriteSchemaForTest("model A {\n  id Int @id\n}\n", { prisma: 7, output: "x" }), /exactly one datasource/);
    assert.throws(
      () => rewriteSchemaForTest(schema.replace("postgresql", "mongodb"), { prisma: 7, output: "x" }),
      /Unsupported datasource provider "mongodb"/,
    );
  });
});
