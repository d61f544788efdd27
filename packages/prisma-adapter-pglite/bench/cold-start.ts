/**
 * Cold-start benchmark in Node: `node --import tsx packages/prisma-adapter-pglite/bench/cold-start.ts [runs]`.
 * Prints, as median (min–max) over the runs, the time to a ready PGlite started from nothing
 * (`PGlite.create()`, which runs initdb) and from a snapshot of an initialised cluster
 * (`loadDataDir`, as a page could ship one), then the first query through this adapter and a
 * Prisma-shaped round trip (BEGIN, INSERT … RETURNING, COMMIT). Printed, not asserted.
 */
import { loadavg } from "node:os";
import { PGlite } from "@electric-sql/pglite";
import type { SqlQuery } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "../src/index.ts";

const runs = Number(process.argv[2] ?? 3);
const samples: Record<string, number[]> = {};
const add = (name: string, value: number) => (samples[name] ??= []).push(value);
const q = (sql: string, ...args: unknown[]): SqlQuery => ({ sql, args, argTypes: args.map(() => ({ scalarType: "unknown", arity: "scalar" })) });

async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  add(name, performance.now() - started);
  return result;
}

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  return `${median.toFixed(0)} ms (${sorted[0]?.toFixed(0)}–${sorted.at(-1)?.toFixed(0)}, n=${values.length})`;
}

const loadBefore = loadavg()[0] ?? 0;
const seed = await PGlite.create();
const snapshot = await seed.dumpDataDir("gzip");
await seed.close();

for (let run = 0; run < runs; run++) {
  for (const [name, start] of [
    ["PGlite.create() from nothing (initdb)", () => PGlite.create()],
    ["PGlite.create() from a snapshot (loadDataDir)", () => PGlite.create({ loadDataDir: snapshot })],
  ] as const) {
    const db = await timed(name, start);
    const adapter = await new PrismaPGlite(db).connect();
    await timed("first query through the adapter", () => adapter.queryRaw(q("SELECT 1::int AS one")));
    await adapter.executeScript('CREATE TABLE "User" ("id" TEXT PRIMARY KEY)');
    await timed("BEGIN, INSERT … RETURNING, COMMIT", async () => {
      const transaction = await adapter.startTransaction();
      await transaction.queryRaw(q('INSERT INTO "User" ("id") VALUES ($1) RETURNING "id"', `u${run}`));
      await transaction.executeRaw(q("COMMIT"));
      await transaction.commit();
    });
    await db.close();
  }
}

console.log(`Node ${process.version}, PGlite in memory; load average ${loadBefore.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)}`);
console.log(`snapshot of an initialised cluster: ${snapshot.size.toLocaleString("en")} bytes (gzip)`);
for (const [name, values] of Object.entries(samples)) console.log(`${name.padEnd(48)} ${summary(values)}`);
