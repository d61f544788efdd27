import { lucia } from "lucia";
import { prisma } from "../src/index.ts";
import { openTarget, type DatabaseKind } from "../test/support/targets.ts";
import { operationNames } from "./operations.ts";

/** One statement as the docs show it: the SQL Prisma sent and its arguments, with run-specific values named. */
export interface CapturedStatement {
	sql: string;
	args: unknown[];
}

export type CapturedOperations = Record<string, CapturedStatement[]>;


/**
 * Runs each Lucia operation once through this adapter (default mode, reference schema, Prisma 7)
 * and records every statement the driver adapter receives. Values that differ from run to run
 * (random session ids, timestamps, password hashes) are replaced by what they are.
 */
export async function captureStatements(database: DatabaseKind): Promise<CapturedOperations> {
	const target = await openTarget({ database, prisma: 7, schema: "reference" });
	try {
		const auth = lucia({ adapter: prisma({ client: target.client as never, mode: "default" }), env: "DEV" });
		const sessionIds: string[] = [];
		const newSession = async () => {
			const session = await auth.createSession({ userId: "user-1", attributes: {} as Lucia.DatabaseSessionAttributes });
			sessionIds.push(session.sessionId);
			return session.sessionId;
		};
		const steps: Record<(typeof operationNames)[number], () => Promise<unknown>> = {
			createUser: () => auth.createUser({ userId: "user-0", key: null, attributes: {} as Lucia.DatabaseUserAttributes }),
			"createUser with key": () =>
				auth.createUser({
					userId: "user-1",
					key: { providerId: "username", providerUserId: "ada", password: "correct horse" },
					attributes: {} as Lucia.DatabaseUserAttributes
				}),
			useKey: () => auth.useKey("username", "ada", "correct horse"),
			createSession: newSession,
			validateSession: () => auth.validateSession(sessionIds[0]!),
			getAllUserSessions: () => auth.getAllUserSessions("user-1"),
			updateSessionAttributes: () => auth.updateSessionAttributes(sessionIds[0]!, {} as Lucia.DatabaseSessionAttributes),
			invalidateSession: () => auth.invalidateSession(sessionIds[0]!),
			invalidateAllUserSessions: async () => {
				await newSession();
				target.log.clear();
				return auth.invalidateAllUserSessions("user-1");
			},
			deleteUser: () => auth.deleteUser("user-1")
		};
		const captured: CapturedOperations = {};
		for (const name of operationNames) {
			target.log.clear();
			await steps[name]();
			captured[name] = target.log.entries.map(({ sql, args }) => ({ sql, args: args.map((arg) => nameValue(arg, sessionIds)) }));
		}
		return captured;
	} finally {
		await target.close();
	}
}

function nameValue(value: unknown, sessionIds: readonly string[]): unknown {
	if (typeof value === "string") {
		if (sessionIds.includes(value)) return "<session id>";
		if (value.startsWith("s2:")) return "<hashed password>";
		if (/^\d{13,}$/.test(value)) return "<timestamp>";
		return value;
	}
	if (typeof value === "number" && value > 1e12) return "<timestamp>";
	if (typeof value === "bigint") return value > 10n ** 12n ? "<timestamp>" : Number(value);
	return value;
}
