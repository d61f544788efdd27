/**
 * The modules the reader's code can import, as an app would: lucia 2.7, this repo's
 * `@lucia-auth/adapter-prisma`, and `@prisma/client`, whose `PrismaClient` is the genuine client
 * of the reader's schema over the run's fresh database. Lucia instances and adapters are
 * instrumented so every SQL statement shows the calls that caused it.
 */
import * as lucia from "lucia";
import * as luciaMiddleware from "lucia/middleware";
import * as luciaUtils from "lucia/utils";
import * as adapterPrisma from "@lucia-auth/adapter-prisma";
import { prismaErrorClasses } from "@lucia-prisma/client-from-schema";
import type { CallTracker } from "./call-tracker.ts";

/** The public methods of Lucia's `Auth`, the ones a reader calls. */
const luciaMethods = [
  "getUser",
  "createUser",
  "updateUserAttributes",
  "deleteUser",
  "useKey",
  "getSession",
  "getAllUserSessions",
  "validateSession",
  "createSession",
  "updateSessionAttributes",
  "invalidateSession",
  "invalidateAllUserSessions",
  "deleteDeadUserSessions",
  "createKey",
  "deleteKey",
  "getKey",
  "getAllUserKeys",
  "updateKeyPassword",
] as const;

export const importableModules = ["lucia", "lucia/middleware", "lucia/utils", "@lucia-auth/adapter-prisma", "@prisma/client"] as const;

export interface RunModules {
  require(specifier: string): unknown;
}

/** `PrismaClient` for this run: `new PrismaClient(options?)` returns a client of the reader's schema. */
export type ClientFactory = (options: { log?: unknown } | undefined) => object;

export function createRunModules(tracker: CallTracker, newClient: ClientFactory): RunModules {
  const instrumentedLucia = {
    ...lucia,
    lucia(...args: Parameters<typeof lucia.lucia>) {
      return tracker.instrument(lucia.lucia(...args), "lucia", luciaMethods);
    },
  };
  const instrumentedAdapter = {
    ...adapterPrisma,
    prisma(...args: unknown[]) {
      const initialize = Reflect.apply(adapterPrisma.prisma, undefined, args) as (error: unknown) => object;
      return (LuciaError: unknown) => tracker.instrument(initialize(LuciaError), "adapter");
    },
  };
  // A class, so `new PrismaClient()` reads as in an app; the constructor returns the real client.
  const PrismaClient = function PrismaClient(this: unknown, options?: { log?: unknown }) {
    if (!new.target) throw new TypeError("Class constructor PrismaClient cannot be invoked without 'new'");
    return newClient(options);
  } as unknown as new (options?: { log?: unknown }) => object;

  const modules: Record<(typeof importableModules)[number], unknown> = {
    lucia: instrumentedLucia,
    "lucia/middleware": luciaMiddleware,
    "lucia/utils": luciaUtils,
    "@lucia-auth/adapter-prisma": instrumentedAdapter,
    "@prisma/client": { PrismaClient, Prisma: { ...prismaErrorClasses } },
  };
  return {
    require(specifier) {
      if (specifier in modules) return modules[specifier as keyof typeof modules];
      throw new Error(
        `Cannot find module '${specifier}'. The playground runs your code with these modules only: ${importableModules.map((name) => `'${name}'`).join(", ")}.`,
      );
    },
  };
}
