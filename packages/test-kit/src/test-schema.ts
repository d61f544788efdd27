import { hasSetting, listBlocks, readStringSetting, removeBlocks } from "./schema-text.ts";

export type PrismaMajor = 7 | 6;
export type SchemaProvider = "sqlite" | "postgresql" | "mysql";

export interface TestSchemaOptions {
  prisma: PrismaMajor;
  /** Generator output, as written into the schema (relative to the schema file or absolute). */
  output: string;
  previewFeatures?: readonly string[] | undefined;
}

export interface TestSchema {
  text: string;
  provider: SchemaProvider;
}

/**
 * Prisma 6 refuses a datasource without `url`, even though a driver adapter never reads it.
 * These placeholders only satisfy the validator.
 */
const placeholderUrl: Record<SchemaProvider, string> = {
  sqlite: "file:./unused.db",
  postgresql: "postgresql://unused@127.0.0.1:9/unused",
  mysql: "mysql://unused@127.0.0.1:9/unused",
};

/**
 * Replaces every generator block with one made for tests and keeps the datasource and models.
 * Prisma 7 gets the TypeScript `prisma-client` generator (ESM, Node runtime); Prisma 6 gets
 * `prisma-client-js` with `engineType = "client"`, which runs on a driver adapter with the
 * query compiler and needs no native engine.
 */
export function rewriteSchemaForTest(schema: string, options: TestSchemaOptions): TestSchema {
  const blocks = listBlocks(schema);
  const datasources = blocks.filter((b) => b.kind === "datasource");
  const datasource = datasources[0];
  if (datasource === undefined || datasources.length > 1) {
    throw new Error(`Expected exactly one datasource block, found ${datasources.length}`);
  }
  const provider = readStringSetting(datasource.body, "provider");
  if (provider !== "sqlite" && provider !== "postgresql" && provider !== "mysql") {
    throw new Error(`Unsupported datasource provider ${JSON.stringify(provider)}`);
  }

  let text = removeBlocks(schema, blocks.filter((b) => b.kind === "generator"));
  if (options.prisma === 6 && !hasSetting(datasource.body, "url")) {
    text = text.replace(
      /^([ \t]*datasource[ \t]+\w+[ \t]*\{[^\n]*\n)/m,
      `$1  url      = "${placeholderUrl[provider]}"\n`,
    );
  }
  return { text: `${generatorBlock(options)}\n${text.trimStart()}`, provider };
}

function generatorBlock(options: TestSchemaOptions): string {
  const lines =
    options.prisma === 7
      ? [`provider = "prisma-client"`, `runtime = "nodejs"`, `moduleFormat = "esm"`]
      : [`provider = "prisma-client-js"`, `engineType = "client"`];
  lines.push(`output = ${JSON.stringify(options.output)}`);
  if (options.previewFeatures !== undefined && options.previewFeatures.length > 0) {
    lines.push(`previewFeatures = ${JSON.stringify(options.previewFeatures)}`);
  }
  return `generator client {\n${lines.map((l) => `  ${l}`).join("\n")}\n}\n`;
}
