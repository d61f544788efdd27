/**
 * The "3.0.x" column of the docs' "Moving from 3.0.x" table and the errors page's note, checked by
 * running the published 3.0.2 adapter on the same databases and Prisma 6 and 7 clients as this one.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { LuciaError } from "lucia";
import { prisma as published } from "lucia-adapter-prisma-3";
import type { Adapter } from "lucia";
import { rejectsWithLucia, rejectsWithPrisma } from "./suite/expectations.ts";
import { openTarget, serverUrl, targetLabel, type Target, type TargetSpec } from "./support/targets.ts";

const specs: TargetSpec[] = (["sqlite", "postgresql", "mysql"] as const)
	.filter((database) => database === "sqlite" || serverUrl(database) !== undefined)
	.flatMap((database) => ([7, 6] as const).map((prisma) => ({ database, prisma, schema: "reference" as const })));

for (const spec of specs) {
	describe(`@lucia-auth/adapter-prisma 3.0.2 · ${targetLabel(spec)}`, () => {
		let target: Target;
		let adapter: Adapter;
		before(async () => {
			target = await openTarget(spec);
			adapter = published(target.client as Parameters<typeof published>[0])(LuciaError);
		});
		after(async () => {
			await target?.close();
		});

		test("has no getSessionAndUser: Lucia reads the session, then the user, in two Prisma calls", () => {
			assert.equal(adapter.getSessionAndUser, undefined);
		});

		// 3.0.2 looks for "`id`" in Prisma's message. Whether the message names the column depends on
		// the database and the Prisma version: these are the combinations where it does.
		const messageNamesId = spec.database === "sqlite" || (spec.database === "postgresql" && spec.prisma === 6);

		test(
			messageNamesId
				? "a taken key id is AUTH_DUPLICATE_KEY_ID (Prisma's message names `id`)"
				: "a taken key id reaches the app as Prisma's raw P2002 (Prisma's message does not name `id`)",
			async () => {
				await adapter.setUser({ id: "u1" }, { id: "username:ada", user_id: "u1", hashed_password: null });
				const duplicate = adapter.setUser({ id: "u2" }, { id: "username:ada", user_id: "u2", hashed_password: null });
				if (messageNamesId) await rejectsWithLucia(duplicate, "AUTH_DUPLICATE_KEY_ID");
				else await rejectsWithPrisma(duplicate, "P2002");
				await target.reset();
			}
		);

		if (messageNamesId) {
			test("a taken user id is misreported as AUTH_DUPLICATE_KEY_ID", async () => {
				await adapter.setUser({ id: "u1" }, null);
				await rejectsWithLucia(adapter.setUser({ id: "u1" }, { id: "username:bob", user_id: "u1", hashed_password: null }), "AUTH_DUPLICATE_KEY_ID");
				await target.reset();
			});
		}

		test("updating a missing user, key or session lets Prisma's P2025 through", async () => {
			await rejectsWithPrisma(adapter.updateUser("nobody", { id: "nobody" }), "P2025");
			await rejectsWithPrisma(adapter.updateKey("username:nobody", { hashed_password: null }), "P2025");
			await rejectsWithPrisma(adapter.updateSession?.("nothing", { idle_expires: 1 }) ?? Promise.resolve(), "P2025");
		});

		test("a wrong model name is accepted at creation and fails with a TypeError on first use", async () => {
			const misnamed = published(target.client as Parameters<typeof published>[0], { user: "users", key: "key", session: "session" })(LuciaError);
			await assert.rejects(misnamed.getUser("u1"), TypeError);
		});
	});
}
