import type { Adapter, InitializeAdapter } from "lucia";
import { prisma } from "../../src/index.ts";
import type { Target } from "./targets.ts";

/**
 * `prisma()` without its compile-time checks: the test clients are loaded at run time, so
 * their types are unknown here, and some tests pass what only a JavaScript caller could.
 * (The types themselves are tested in types/completion.ts.)
 */
export const untypedPrisma = prisma as unknown as (...args: unknown[]) => InitializeAdapter<Adapter>;

/** The options a reader would write for the target's schema: default mode for the reference schema. */
export function initializeAdapterFor(target: Target): InitializeAdapter<Adapter> {
	const { client, names, spec } = target;
	return spec.schema === "reference"
		? prisma({ client, mode: "default" })
		: untypedPrisma({
				client,
				modelNames: { user: names.user, key: names.key, session: names.session },
				userRelationKey: names.userRelationKey
			});
}
