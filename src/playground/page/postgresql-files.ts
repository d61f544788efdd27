/**
 * Fetches and compiles what PostgreSQL needs, only once the reader chooses it: PGlite's wasm,
 * initdb's wasm and file-system bundle, Prisma's PostgreSQL query compiler and the schema engine
 * (for the DDL of edited schemas), and the build's snapshot of a fresh cluster. Reports the
 * bytes received as they come.
 */
import pgliteWasmUrl from "@electric-sql/pglite/pglite.wasm?url";
import initdbWasmUrl from "@electric-sql/pglite/initdb.wasm?url";
import pgliteDataUrl from "@electric-sql/pglite/pglite.data?url";
import clusterSnapshotUrl from "virtual:playground/postgresql-snapshot";
import { schemaEngineWasmUrl } from "virtual:client-from-schema/wasm-urls";
import type { PostgresqlFiles } from "../protocol.ts";

export interface Progress {
  received: number;
  /** The files' size uncompressed, as the build measured it. */
  total: number;
}

export async function loadPostgresqlFiles(totalBytes: number, onProgress: (progress: Progress) => void): Promise<PostgresqlFiles> {
  let received = 0;
  /** The response, with its body counted as it streams and the given type (compileStreaming insists on application/wasm). */
  const fetchCounting = async (url: string, type = "application/wasm"): Promise<Response> => {
    const response = await fetch(url);
    if (!response.ok || response.body === null) throw new Error(`Could not load ${url}: HTTP ${response.status}`);
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        onProgress({ received, total: Math.max(totalBytes, received) });
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(counter), { headers: { "Content-Type": type } });
  };
  const compile = (url: string) => WebAssembly.compileStreaming(fetchCounting(url));
  const { postgresqlQueryCompilerWasmUrl } = await import("virtual:client-from-schema/postgresql-wasm-url");
  const [pglite, initdb, fsBundle, cluster, queryCompiler, schemaEngine] = await Promise.all([
    compile(pgliteWasmUrl),
    compile(initdbWasmUrl),
    fetchCounting(pgliteDataUrl, "application/octet-stream").then((response) => response.blob()),
    fetchCounting(clusterSnapshotUrl, "application/octet-stream").then(async (response) => gzipOrTar(await response.arrayBuffer())),
    compile(postgresqlQueryCompilerWasmUrl),
    compile(schemaEngineWasmUrl),
  ]);
  return { pglite, initdb, fsBundle, cluster, queryCompiler, schemaEngine };
}

/**
 * PGlite decompresses a tarball labelled as gzip. A server that sent the file with
 * `Content-Encoding: gzip` has had the browser decompress it already, so the label follows the bytes.
 */
function gzipOrTar(bytes: ArrayBuffer): Blob {
  const head = new Uint8Array(bytes, 0, 2);
  return new Blob([bytes], { type: head[0] === 0x1f && head[1] === 0x8b ? "application/gzip" : "application/x-tar" });
}
