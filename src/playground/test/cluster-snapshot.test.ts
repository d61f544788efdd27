/** The PostgreSQL cluster the playground starts from, started here as the browser starts it. */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import { clusterSnapshot } from "../build/cluster-snapshot.ts";
import { startPostgresql } from "../database/postgresql.ts";

const start = async () => PGlite.create({ loadDataDir: new Blob([await clusterSnapshot()], { type: "application/gzip" }) });
let db: PGlite;

before(async () => {
  db = await start();
});
after(async () => {
  await db.close();
});

test("the snapshot is a working cluster with template1 and without template0", async () => {
  const { rows } = await db.query<{ datname: string }>("SELECT datname FROM pg_database ORDER BY datname");
  assert.deepEqual(
    rows.map(({ datname }) => datname),
    ["postgres", "template1"],
  );
  await db.exec("CREATE DATABASE scratch");
  await db.exec("DROP DATABASE scratch");
});

test("its WAL is one segment cut short: no 16 MB file to unpack", async () => {
  const fresh = await start();
  try {
    const { FS } = fresh.Module;
    const segments = FS.readdir("/pglite/data/pg_wal").filter((name) => /^[0-9A-F]{24}$/.test(name));
    assert.equal(segments.length, 1, `one WAL segment, not ${segments.join(", ")}`);
    const size = FS.stat(`/pglite/data/pg_wal/${segments[0]}`).size;
    assert.ok(size <= 64 * 1024, `the WAL segment holds ${size} bytes; a whole one is 16 MB`);
  } finally {
    await fresh.close();
  }
});

test("PostgreSQL writes on past the cut WAL, into new segments, and what it wrote survives a restart", async () => {
  const fresh = await start();
  let reloaded: PGlite | undefined;
  try {
    await fresh.exec("CREATE TABLE filler (id serial PRIMARY KEY, text text NOT NULL)");
    // 40 MB of rows: more than two whole WAL segments.
    await fresh.exec("INSERT INTO filler (text) SELECT repeat(md5(n::text), 32) FROM generate_series(1, 40000) AS n");
    await fresh.exec("CHECKPOINT");
    const { rows: walRows } = await fresh.query<{ segments: number }>("SELECT count(*)::int AS segments FROM pg_ls_waldir()");
    assert.ok((walRows[0]?.segments ?? 0) > 1, "the inserts filled more than the cut segment");
    reloaded = await PGlite.create({ loadDataDir: await fresh.dumpDataDir("none") });
    const { rows } = await reloaded.query<{ count: number; bytes: number }>("SELECT count(*)::int AS count, sum(length(text))::int AS bytes FROM filler");
    assert.deepEqual(rows[0], { count: 40000, bytes: 40000 * 1024 });
  } finally {
    await fresh.close();
    await reloaded?.close();
  }
});

test("the database worker's startPostgresql starts it from PGlite's files and the snapshot, with no initdb to run", async () => {
  const pgliteDist = dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
  const db = await startPostgresql({
    pglite: await WebAssembly.compile(await readFile(join(pgliteDist, "pglite.wasm"))),
    fsBundle: new Blob([await readFile(join(pgliteDist, "pglite.data"))]),
    cluster: new Blob([await clusterSnapshot()], { type: "application/gzip" }),
  });
  try {
    const { rows } = await db.query<{ database: string }>("SELECT current_database() AS database");
    assert.deepEqual(rows, [{ database: "postgres" }]);
  } finally {
    await db.close();
  }
});
