/**
 * What the code editor's TypeScript sees besides the reader's file: where the packages' types
 * are, what the playground's `@prisma/client` exports besides the schema's client, and Lucia's
 * global types. Shared by the editor and by the test that type-checks every preset with them.
 */

/** Paths (under `file:///`) and contents of the small files that complete the type libraries. */
export const packageManifests: { path: string; content: string }[] = [
  {
    path: "node_modules/lucia/package.json",
    content: JSON.stringify({
      name: "lucia",
      types: "dist/index.d.ts",
      typesVersions: { "*": { middleware: ["dist/middleware/index.d.ts"], utils: ["dist/utils/index.d.ts"] } },
    }),
  },
  {
    path: "node_modules/@lucia-auth/adapter-prisma/package.json",
    content: JSON.stringify({ name: "@lucia-auth/adapter-prisma", types: "src/index.ts" }),
  },
];

export const clientTypesPath = "node_modules/@prisma/client/index.d.ts";

/** `@prisma/client` for a schema: the schema's client types plus the constructor and the error classes. */
export function prismaClientModule(clientTypes: string): string {
  return `${clientTypes}
export declare const PrismaClient: {
  new (options?: { log?: ("query" | "info" | "warn" | "error")[] }): PrismaClient;
};
export declare namespace Prisma {
  class PrismaClientKnownRequestError extends Error { code: string; meta?: Record<string, unknown>; clientVersion: string }
  class PrismaClientUnknownRequestError extends Error { clientVersion: string }
  class PrismaClientValidationError extends Error { clientVersion: string }
  class PrismaClientInitializationError extends Error { clientVersion: string }
}
`;
}

export const environmentTypesPath = "playground-env.d.ts";

/** Lucia's global types as an app declares them (loosely here: any attributes are allowed); a downloaded project gets them too. */
export const luciaTypes = `declare namespace Lucia {
  type Auth = import("lucia").Auth;
  type DatabaseUserAttributes = Record<string, any>;
  type DatabaseSessionAttributes = Record<string, any>;
}
`;

/** Lucia's global types and `process.env`. */
export const environmentTypes = `${luciaTypes}declare const process: { env: Record<string, string | undefined> };
`;

/** Compiler options for the code editor (numbers, as Monaco's TypeScript defaults take them). */
export const codeCompilerOptions = {
  target: 99, // ESNext
  module: 99, // ESNext: top-level await
  moduleResolution: 2, // Node: package.json `types` and `typesVersions`
  strict: true,
  noEmit: true,
  allowImportingTsExtensions: true,
  skipLibCheck: true,
  lib: ["lib.es2022.d.ts", "lib.webworker.d.ts"],
};
