/**
 * The built site served the way a compressing static host serves it: every file gzip-compressed,
 * `/path/` answered with `/path/index.html`. For the benchmarks, never for tests of behaviour.
 */
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".ttf": "font/ttf",
  ".woff2": "font/woff2",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  origin: string;
  close(): void;
}

export async function serveGzipped(directory: string): Promise<StaticServer> {
  const gzipped = new Map<string, Buffer>();
  const server = createServer(async (request, response) => {
    let path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(directory, path));
    if (!file.startsWith(directory)) return void response.writeHead(403).end();
    try {
      let body = gzipped.get(file);
      if (body === undefined) {
        body = gzipSync(await readFile(file));
        gzipped.set(file, body);
      }
      response.writeHead(200, { "content-type": contentTypes[extname(file)] ?? "application/octet-stream", "content-encoding": "gzip" });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}
