/**
 * Builds the proof page, serves it on a free loopback port under a strict Content Security Policy
 * (no 'unsafe-eval'), and drives Chromium. Shared by the browser test and the benchmark.
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "@playwright/test";
import { chromiumLaunchOptions } from "@internal/test-kit/chromium";
import { promisify } from "node:util";
import { execFile } from "node:child_process";
import type { Proof } from "./protocol.ts";

export type { Proof };

const run = promisify(execFile);

export const distDir = fileURLToPath(new URL("../.browser-dist/", import.meta.url));

/** Everything from the page's own origin; wasm may compile ('wasm-unsafe-eval'); no eval of JS. */
export const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'";


/**
 * Builds in a child process: the build compiles the reference schema with this package's own
 * modules, and schema-engine-wasm's bindings hold one wasm instance per process, which a second
 * copy of those modules (the test's) must not replace.
 */
export async function buildProofPage(): Promise<void> {
  const vite = fileURLToPath(new URL("./bin/vite.js", import.meta.resolve("vite/package.json")));
  await run(process.execPath, [vite, "build", "--config", fileURLToPath(new URL("./vite.config.ts", import.meta.url))]);
}

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
};

/** Serves the built page; every response carries the CSP header (workers take theirs from it too). */
export async function serveProofPage(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const file = normalize(join(distDir, path === "/" ? "index.html" : path));
    if (!file.startsWith(distDir)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          "content-type": contentTypes[extname(file)] ?? "application/octet-stream",
          "content-security-policy": contentSecurityPolicy,
          "cache-control": "no-store",
        });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

export interface ProofRun {
  proof: Proof;
  consoleErrors: string[];
  /** Every URL the page and its worker requested, in order. */
  requests: string[];
}

/** Opens the page in a fresh context (cold cache) and waits until the worker has run both schemas. */
export async function runProof(browser: Browser, url: string): Promise<ProofRun> {
  const context = await browser.newContext();
  try {
    const requests: string[] = [];
    context.on("request", (request) => requests.push(request.url()));
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { proof?: { done: boolean } }).proof?.done === true, null, { timeout: 60_000 });
    const proof = await page.evaluate(() => (window as unknown as { proof: Proof }).proof);
    return { proof, consoleErrors, requests };
  } finally {
    await context.close();
  }
}
