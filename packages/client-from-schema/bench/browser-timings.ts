/**
 * Browser benchmark: `node --import tsx packages/client-from-schema/bench/browser-timings.ts [runs]`.
 * Builds the proof page, serves it on 127.0.0.1 under the strict CSP, and loads it in a fresh
 * headless Chromium per run (cold caches). Prints, as median (min–max) over the runs:
 *   - navigation → ready client (first query result) for a schema compiled at build time,
 *     as the playground's default schema is;
 *   - navigation → ready client when the first schema comes from text (whole pipeline, cold);
 *   - a second schema from text once the wasm is loaded (and, after a build-time first schema, warmed
 *     up by one compile and diff in idle time): text → first result, and → all steps done;
 *   - on PostgreSQL (`?database=postgresql`, PGlite in the worker, cold): navigation → PGlite
 *     started, → first result, and a second schema from text → first result;
 * and the bytes (raw and gzip -9) of each wasm and data file and of the JavaScript, and the extra
 * bytes a PostgreSQL page fetches that a SQLite page does not.
 */
import { readdir, readFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { basename, join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildProofPage, distDir, launchChromium, runProof, serveProofPage, type Proof } from "../browser/harness.ts";

const runs = Number(process.argv[2] ?? 5);

function milliseconds(proof: Proof, label: string, from: string, to: string): number {
  const report = proof.reports.find((candidate) => candidate.label === label);
  if (report === undefined) throw new Error(`no ${label} report: ${proof.failures.join("; ")}`);
  const start = from === "navigation" ? proof.navigationStart : report.marks[from];
  const end = report.marks[to];
  if (start === undefined || end === undefined) throw new Error(`missing mark ${from} or ${to}`);
  return end - start;
}

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  return `${median.toFixed(0)} ms (${sorted[0]?.toFixed(0)}–${sorted.at(-1)?.toFixed(0)}, n=${values.length})`;
}

await buildProofPage();
const server = await serveProofPage();
const samples: Record<string, number[]> = {};
const add = (name: string, value: number) => (samples[name] ??= []).push(value);
const loadBefore = loadavg()[0] ?? 0;
const fetched: Record<"sqlite" | "postgresql", Set<string>> = { sqlite: new Set(), postgresql: new Set() };
try {
  for (let index = 0; index < runs; index++) {
    for (const mode of ["precompiled", "text", "postgresql"] as const) {
      const browser = await launchChromium();
      try {
        const query = mode === "postgresql" ? "?database=postgresql" : `?first=${mode}`;
        const { proof, requests } = await runProof(browser, `${server.url}${query}`);
        if (proof.failures.length > 0) throw new Error(proof.failures.join("; "));
        for (const url of requests) fetched[proof.database].add(basename(new URL(url).pathname));
        if (mode === "postgresql") {
          if (proof.databaseReady !== undefined) add("PostgreSQL: navigation → PGlite started (cold)", proof.databaseReady - proof.navigationStart);
          add("PostgreSQL: navigation → ready client, first schema from text (cold)", milliseconds(proof, "reference", "navigation", "firstResult"));
          add("PostgreSQL: second schema from text → first result", milliseconds(proof, "renamed", "started", "firstResult"));
          continue;
        }
        if (mode === "precompiled") {
          add("navigation → ready client, schema compiled at build time", milliseconds(proof, "reference", "navigation", "firstResult"));
        } else {
          add("navigation → ready client, first schema from text (cold)", milliseconds(proof, "reference", "navigation", "firstResult"));
        }
        const after = mode === "precompiled" ? "after the build-time one and a warm-up" : "after one from text";
        add(`second schema from text → first result (${after})`, milliseconds(proof, "renamed", "started", "firstResult"));
        add(`second schema from text → all 7 steps (${after})`, milliseconds(proof, "renamed", "started", "finished"));
      } finally {
        await browser.close();
      }
    }
  }
} finally {
  await server.close();
}

console.log(`Chromium headless, 127.0.0.1, fresh browser per run; load average ${loadBefore.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)}`);
for (const [name, values] of Object.entries(samples)) console.log(`${name.padEnd(84)} ${summary(values)}`);

console.log("\nAssets (raw / gzip -9):");
const assets = join(distDir, "assets");
let javascript = { raw: 0, gzip: 0 };
for (const file of (await readdir(assets)).sort()) {
  const bytes = await readFile(join(assets, file));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  if (file.endsWith(".wasm") || file.endsWith(".data")) console.log(`  ${file.replace(/-[\w-]{8}\.(wasm|data)$/, ".$1").padEnd(40)} ${bytes.length.toLocaleString("en")} / ${gzip.toLocaleString("en")}`);
  else javascript = { raw: javascript.raw + bytes.length, gzip: javascript.gzip + gzip };
}
console.log(`  ${"JavaScript (all chunks)".padEnd(40)} ${javascript.raw.toLocaleString("en")} / ${javascript.gzip.toLocaleString("en")}`);

const extra = { raw: 0, gzip: 0 };
const onlyPostgres = [...fetched.postgresql].filter((file) => file.includes(".") && !fetched.sqlite.has(file)).sort();
for (const file of onlyPostgres) {
  const bytes = await readFile(join(assets, file));
  extra.raw += bytes.length;
  extra.gzip += gzipSync(bytes, { level: 9 }).length;
}
// The proof page bundles each worker on its own, so this list also holds the PostgreSQL worker's own
// copy of code the SQLite worker has too (the pipeline, prisma-schema-wasm's glue).
console.log(`\nFetched by a PostgreSQL page and not by a SQLite one: ${onlyPostgres.join(", ")}`);
console.log(`  ${"extra bytes for PostgreSQL".padEnd(40)} ${extra.raw.toLocaleString("en")} / ${extra.gzip.toLocaleString("en")}`);
