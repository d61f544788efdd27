/**
 * The same queries for a generated client and a client built from schema text. Each scenario
 * returns what every step gave back (or which Prisma error it threw).
 */
import { delegate, outcome, type Outcome, type TestClient } from "./helpers.ts";

/** Lucia's three tables under any names: the reference schema and the renamed one. */
export function luciaScenario(names: { user: string; session: string; key: string; relation: string }) {
  return async (client: TestClient): Promise<Outcome[]> => {
    const user = delegate(client, names.user);
    const session = delegate(client, names.session);
    const key = delegate(client, names.key);
    const userData = names.user === "user" ? { id: "u1" } : { id: "u1", username: "ann" };
    return [
      await outcome("create user", () => user.create!({ data: userData })),
      await outcome("create session beyond 2^53", () =>
        session.create!({ data: { id: "s1", user_id: "u1", active_expires: 9007199254740993n, idle_expires: 1700000000000 } }),
      ),
      await outcome("create key", () => key.create!({ data: { id: "email:ann", user_id: "u1", hashed_password: "h" } })),
      await outcome("session with its user", () => session.findUnique!({ where: { id: "s1" }, include: { [names.relation]: true } })),
      await outcome("duplicate key", () => key.create!({ data: { id: "email:ann", user_id: "u1" } })),
      await outcome("session for a missing user", () =>
        session.create!({ data: { id: "s2", user_id: "nobody", active_expires: 1, idle_expires: 1 } }),
      ),
      await outcome("batch transaction", () =>
        client.$transaction([
          session.create!({ data: { id: "s3", user_id: "u1", active_expires: 5, idle_expires: 6 } }),
          session.findMany!({ where: { user_id: "u1" }, orderBy: { id: "asc" } }),
        ]),
      ),
      await outcome("update a missing session", () => session.update!({ where: { id: "missing" }, data: { idle_expires: 2 } })),
      await outcome("count sessions", () => session.count!({ where: { active_expires: { gt: 5 } } })),
      await outcome("delete user cascades", () => user.delete!({ where: { id: "u1" } })),
      await outcome("sessions left", () => session.findMany!()),
    ];
  };
}

export async function featuresScenario(client: TestClient): Promise<Outcome[]> {
  const member = delegate(client, "member");
  const badge = delegate(client, "badge");
  const joinedAt = new Date("2024-02-03T04:05:06.789Z");
  return [
    await outcome("create with defaults", () => member.create!({ data: { email: "mentor@example.com", joinedAt } })),
    await outcome("create with a mentor", () =>
      member.create!({ data: { email: "mentee@example.com", nickname: "Bo", role: "EDITOR", joinedAt, mentor: { connect: { email: "mentor@example.com" } } } }),
    ),
    await outcome("invalid enum value", () => member.create!({ data: { email: "x@example.com", role: "OWNER", joinedAt } })),
    await outcome("self relation both ways", () =>
      member.findUnique!({ where: { email: "mentor@example.com" }, include: { mentees: true, mentor: true, _count: { select: { mentees: true } } } }),
    ),
    await outcome("badges", () =>
      badge.createMany!({ data: [{ memberId: 1, kind: "early" }, { memberId: 1, kind: "helpful", level: 3, note: "kind" }] }),
    ),
    await outcome("compound unique lookup", () => badge.findUnique!({ where: { memberId_kind: { memberId: 1, kind: "helpful" } } })),
    await outcome("compound unique violation", () => badge.create!({ data: { memberId: 1, kind: "early" } })),
    await outcome("enum filter and ordering", () =>
      member.findMany!({ where: { role: { in: ["READER", "EDITOR"] }, nickname: null }, orderBy: { email: "desc" }, select: { email: true, role: true, score: true, active: true } }),
    ),
    await outcome("upsert", () =>
      badge.upsert!({ where: { memberId_kind: { memberId: 2, kind: "new" } }, create: { memberId: 2, kind: "new" }, update: { level: { increment: 1 } } }),
    ),
    await outcome("aggregate", () => delegate(client, "badge").aggregate!({ _sum: { level: true }, _max: { level: true } })),
    await outcome("interactive transaction rolls back", () =>
      client.$transaction(async (tx: TestClient) => {
        await delegate(tx, "member").update!({ where: { id: 1 }, data: { score: 99.5 } });
        throw new Error("roll back");
      }),
    ),
    await outcome("score after rollback", () => member.findUnique!({ where: { id: 1 }, select: { score: true } })),
    await outcome("mentor deleted, mentee kept", async () => {
      await member.delete!({ where: { id: 1 } });
      return member.findMany!({ select: { email: true, mentorId: true } });
    }),
  ];
}
