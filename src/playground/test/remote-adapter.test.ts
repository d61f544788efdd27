/**
 * A Prisma driver adapter across a MessagePort (the playground's code worker ↔ database worker),
 * tested in Node with the genuine generated Prisma Client over PGlite: the shared suite gives
 * exactly what @prisma/adapter-pg gives on a real server, errors keep their Prisma codes, each
 * statement's event arrives before its answer, and a closed session refuses everything.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { describeSharedSuite } from "@internal/driver-adapter-suite";
import { PrismaPGlite, type QueryEvent } from "@lucia-prisma/adapter-pglite";
import { loadClientModule, openPgClient, postgresServerUrl, schemaDdl, sharedPGlite } from "../../../packages/prisma-adapter-pglite/test/support/database.ts";
import { PortAdapterFactory } from "../remote-adapter/client.ts";
import { serveDriverAdapter } from "../remote-adapter/server.ts";

/** A generated client whose adapter is the shared PGlite served across a fresh MessageChannel. */
async function openClientOverPort(extras: Record<string, (...args: unknown[]) => Promise<unknown>> = {}) {
  const [{ PrismaClient }, script, db] = await Promise.all([loadClientModule(), schemaDdl(), sharedPGlite()]);
  await db.exec(`DROP SCHEMA IF EXISTS "public" CASCADE;\nCREATE SCHEMA "public";\n${script}`);
  const { port1, port2 } = new MessageChannel();
  const served = serveDriverAdapter(port1, { factory: (emit) => new PrismaPGlite(db, { onQuery: emit }), extras });
  const events: QueryEvent[] = [];
  const adapter = new PortAdapterFactory(port2, { provider: "postgres", adapterName: "@lucia-prisma/adapter-pglite", onEvent: (event) => events.push(event as QueryEvent) });
  const client = new PrismaClient({ adapter });
  return {
    client,
    adapter,
    served,
    events,
    db,
    async close() {
      await client.$disconnect().catch(() => {});
      await served.close();
      port2.close();
    },
  };
}

if (postgresServerUrl() === undefined) {
  console.log("SKIPPED: the shared suite over a MessagePort vs @prisma/adapter-pg: DATABASE_URL_POSTGRES is not set and no server was started (npm test starts one when Debian's postgresql is installed)");
} else {
  describeSharedSuite({
    provider: "postgresql",
    reference: "pg",
    candidate: "pglite over a MessagePort",
    openClient: (adapter) => (adapter === "pg" ? openPgClient() : openClientOverPort()),
  });
}

describe("a driver adapter across a MessagePort", () => {
  test("a unique violation reaches the client as P2002 naming the field, as with the adapter itself", async () => {
    const { client, close } = await openClientOverPort();
    try {
      await client.author.create({ data: { email: "taken@x" } });
      await assert.rejects(client.author.create({ data: { email: "taken@x" } }), (error: { code?: string; meta?: { target?: unknown } }) => {
        assert.equal(error.code, "P2002");
        return true;
      });
    } finally {
      await close();
    }
  });

  test("each statement's event arrives before the answer to the call that ran it, with its transaction boundary", async () => {
    const { client, events, close } = await openClientOverPort();
    try {
      events.length = 0;
      const seenBeforeAnswer: number[] = [];
      await client.$transaction(async (tx) => {
        await tx.author.count();
        seenBeforeAnswer.push(events.length);
      });
      assert.deepEqual(seenBeforeAnswer, [2], "BEGIN and the count had been reported when the count answered");
      assert.deepEqual(
        events.map((event) => [event.sql.split(" ")[0], event.inTransaction, event.transactionBoundary ?? null]),
        [["BEGIN", true, "begin"], ["SELECT", true, null], ["COMMIT", true, "end"]],
      );
    } finally {
      await close();
    }
  });

  test("closing the session rolls back a transaction left open, and the client's later calls fail with the reason", async () => {
    const { client, served, db, close } = await openClientOverPort();
    try {
      let reachedInside!: () => void;
      const inside = new Promise<void>((resolve) => (reachedInside = resolve));
      let carryOn!: () => void;
      const abandoned = client.$transaction(async (tx) => {
        await tx.author.create({ data: { email: "never@x" } });
        reachedInside();
        await new Promise<void>((resolve) => (carryOn = resolve));
        await tx.author.create({ data: { email: "after@x" } });
      });
      await inside;
      await served.close("This run has ended.");
      const rows = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM "public"."Author"');
      assert.equal(rows.rows[0]?.count, 0, "the abandoned transaction was rolled back");
      carryOn();
      await assert.rejects(abandoned, /This run has ended\./);
    } finally {
      await close();
    }
  });

  test("a fenced factory refuses calls with its reason, and so do calls still waiting", async () => {
    const { adapter, close } = await openClientOverPort({ slow: () => new Promise(() => {}) });
    try {
      const waiting = adapter.extra("slow");
      adapter.fence("This run has ended.");
      await assert.rejects(waiting, /This run has ended\./);
      await assert.rejects(adapter.connect(), /This run has ended\./);
    } finally {
      await close();
    }
  });

  test("extras answer, and an unknown one is refused by name", async () => {
    const { adapter, close } = await openClientOverPort({ twice: async (value) => Number(value) * 2 });
    try {
      assert.equal(await adapter.extra("twice", 21), 42);
      await assert.rejects(adapter.extra("missing"), /No such call: missing/);
    } finally {
      await close();
    }
  });
});
