/**
 * Fetches and compiles what PostgreSQL needs to start, only once the reader chooses it: PGlite's
 * wasm and file-system bundle, the build's snapshot of a fresh cluster, and Prisma's PostgreSQL
 * query compiler. Reports the bytes received as they come. (The schema engine, for the DDL of
 * edited schemas, comes from the schema tools, which have compiled it already.)
 */
import pgliteWasmUrl from "@electric-sql/pglite/pglite.wasm?url";
import pgliteDataUrl from "@electric-sql/pglite/pglite.data?url";
import clusterSnapshotUrl from "virtual:playground/postgresql-snapshot";
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
  const [pglite, fsBundle, cluster, queryCompiler] = await Promise.all([
    compile(pgliteWasmUrl),
    fetchCounting(pgliteDataUrl, "application/octet-stream").then((response) => response.blob()),
    fetchCounting(clusterSnapshotUrl, "application/octet-stream").then(async (response) => gzipOrTar(await response.arrayBuffer())),
    compile(postgresqlQueryCompilerWasmUrl),
  ]);
  return { pglite, fsBundle, cluster, queryCompiler };
}

/**
 * PGlite decompresses a tarball labelled as gzip. A server that sent the file with
 * `Content-Encoding: gzip` has had the browser decompress it already, so the label follows the bytes.
 */
function gzipOrTar(bytes: ArrayBuffer): Blob {
  const head = new Uint8Array(bytes, 0, 2);
  return new Blob([bytes], { type: head[0] === 0x1f && head[1] === 0x8b ? "application/gzip" : "application/x-tar" });
}
