import type { Adapter, InitializeAdapter } from "lucia";
import { prisma } from "../../src/index.ts";

/**
 * `prisma()` without its compile-time checks: the test clients are loaded at run time, so
 * their types are unknown here, and some tests pass what only a JavaScript caller could.
 * (The types themselves are tested in types/completion.ts.)
 */
export const untypedPrisma = prisma as unknown as (...args: unknown[]) => InitializeAdapter<Adapter>;
