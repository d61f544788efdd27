import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { chromium, type Browser } from "@playwright/test";
import { chromiumLaunchOptions } from "@internal/test-kit/chromium";
import { build } from "esbuild";
import type { ExerciseReport } from "./browser/exercise.ts";

/**
 * The adapter in Chromium, in a page and in a Web Worker: bundled for the browser (no Node
 * built-ins available), over sql.js's browser build, served from a local server.
 */
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

async function bundle(entry: string): Promise<string> {
	const result = await build({
		entryPoints: [here(entry)],
		bundle: true,
		write: false,
		format: "esm",
		platform: "browser",
		target: "es2022",
		conditions: ["@lucia-prisma/source"],
		logLevel: "silent",
	});
	const [output] = result.outputFiles;
	assert.ok(output, `esbuild produced nothing for ${entry}`);
	return output.text;
}

let server: Server;
let origin: string;
let browser: Browser;

before(async () => {
	const [page, worker, wasm] = await Promise.all([
		bundle("./browser/page-entry.ts"),
		bundle("./browser/worker-entry.ts"),
		readFile(fileURLToPath(import.meta.resolve("sql.js/dist/sql-wasm-browser.wasm"))),
	]);
	const files: Record<string, [string, string | Buffer]> = {
		"/": ["text/html", '<!doctype html><script type="module" src="/page.js"></script>'],
		"/page.js": ["text/javascript", page],
		"/worker.js": ["text/javascript", worker],
		"/sql-wasm.wasm": ["application/wasm", wasm],
	};
	server = createServer((request, response) => {
		const file = files[new URL(request.url ?? "/", "http://localhost").pathname];
		if (file === undefined) {
			response.writeHead(404).end();
			return;
		}
		response.writeHead(200, { "content-type": file[0] }).end(file[1]);
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	browser = await chromium.launch(chromiumLaunchOptions);
});

after(async () => {
	await browser?.close();
	await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

function checkReport(report: ExerciseReport): void {
	assert.deepEqual(report.rows, [["a", "9007199254740993", "bytes"]]);
	assert.equal(report.bigint, "9007199254740993");
	assert.deepEqual(report.bytes, [0, 1, 255]);
	assert.equal(report.errorKind, "UniqueConstraintViolation");
	assert.deepEqual(
		report.events.map((event) => [event.sql.split(" ")[0], event.inTransaction, event.failed]),
		[
			["CREATE", false, false],
			["BEGIN", true, false],
			["INSERT", true, false],
			["COMMIT", true, false],
			["INSERT", false, true],
			["SELECT", false, false],
		],
	);
	assert.ok(report.exportedBytes > 0);
	assert.equal(report.reopenedCount, 1);
}

describe("in Chromium", () => {
	test("the adapter works in a page", async () => {
		const page = await browser.newPage();
		try {
			const errors: string[] = [];
			page.on("pageerror", (error) => errors.push(error.message));
			await page.goto(`${origin}/`);
			await page.waitForFunction(() => "runExercise" in globalThis);
			const report = await page.evaluate(
				(wasmUrl) => (globalThis as unknown as { runExercise(url: string): Promise<ExerciseReport> }).runExercise(wasmUrl),
				`${origin}/sql-wasm.wasm`,
			);
			checkReport(report);
			assert.deepEqual(errors, []);
		} finally {
			await page.close();
		}
	});

	test("the adapter works in a Web Worker", async () => {
		const page = await browser.newPage();
		try {
			await page.goto(`${origin}/`);
			const outcome = await page.evaluate(
				([workerUrl, wasmUrl]) =>
					new Promise<{ report?: ExerciseReport; error?: string }>((resolve) => {
						const worker = new Worker(workerUrl, { type: "module" });
						worker.onmessage = (message) => resolve(message.data);
						worker.onerror = (event) => resolve({ error: event.message });
						worker.postMessage({ wasmUrl });
					}),
				[`${origin}/worker.js`, `${origin}/sql-wasm.wasm`] as const,
			);
			assert.equal(outcome.error, undefined);
			assert.ok(outcome.report);
			checkReport(outcome.report);
		} finally {
			await page.close();
		}
	});
});
