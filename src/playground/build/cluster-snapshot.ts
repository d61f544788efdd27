/**
 * The PostgreSQL cluster the playground starts from: made once per build with PGlite in Node
 * (its wasm is the browser's), dumped as PGlite's gzipped data-dir tarball. The page starts
 * PostgreSQL from it (`loadDataDir`), so initdb, seconds of CPU, never runs in the browser.
 */
import { PGlite } from "@electric-sql/pglite";

/** PGlite's data directory in its own file system. */
const dataDir = "/pglite/data";
const walPage = 8192;
const walSegmentName = /^[0-9A-F]{24}$/;

let snapshot: Promise<Uint8Array<ArrayBuffer>> | undefined;

/**
 * A fresh cluster less two things nothing in the playground reads, which would otherwise be most
 * of what the browser downloads and unpacks:
 * - `template0` (only `CREATE DATABASE … TEMPLATE template0` uses it; `template1` stays);
 * - the WAL before the last checkpoint. initdb's WAL fills the first 16 MB segment half-way. The
 *   cluster moves to a new segment and checkpoints there, the other segments are deleted, and
 *   the new one is cut after the page holding the checkpoint. Starting, PostgreSQL replays from
 *   that checkpoint, takes the end of the file for the end of the WAL, and writes on from there.
 */
export function clusterSnapshot(): Promise<Uint8Array<ArrayBuffer>> {
  snapshot ??= makeSnapshot();
  return snapshot;
}

async function makeSnapshot(): Promise<Uint8Array<ArrayBuffer>> {
  const db = await PGlite.create();
  try {
    await db.exec("UPDATE pg_database SET datistemplate = false WHERE datname = 'template0'");
    await db.exec("DROP DATABASE template0");
    await db.query("SELECT pg_switch_wal()");
    await db.exec("CHECKPOINT");
    const { rows } = await db.query<{ segment: string; offset: number }>(
      "SELECT pg_walfile_name(lsn) AS segment, (SELECT file_offset FROM pg_walfile_name_offset(lsn)) AS offset FROM pg_current_wal_insert_lsn() AS lsn",
    );
    const end = rows[0];
    if (end === undefined) throw new Error("PostgreSQL did not report where its WAL ends.");
    const { FS } = db.Module;
    const walDir = `${dataDir}/pg_wal`;
    for (const name of FS.readdir(walDir)) {
      if (walSegmentName.test(name) && name !== end.segment) FS.unlink(`${walDir}/${name}`);
    }
    FS.truncate(`${walDir}/${end.segment}`, Math.ceil((end.offset + 1) / walPage) * walPage);
    return new Uint8Array(await (await db.dumpDataDir("gzip")).arrayBuffer());
  } finally {
    await db.close();
  }
}
