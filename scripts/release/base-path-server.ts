/**
 * Serves a built site the way a static host serves it under a sub-path: files of `dir` at
 * `<base>…` only (everything outside the base is a 404), `/x/` from `x/index.html`, and the
 * headers of the site's own `_headers` file (Netlify's and Cloudflare Pages' format).
 */
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";

const contentTypes: Record<string, string> = {
	".html": "text/html; charset=utf-8",
	".js": "text/javascript",
	".mjs": "text/javascript",
	".css": "text/css",
	".json": "application/json",
	".svg": "image/svg+xml",
	".png": "image/png",
	".xml": "application/xml",
	".txt": "text/plain; charset=utf-8",
	".woff2": "font/woff2",
	".tgz": "application/gzip",
};

export interface HeaderRule {
	pattern: RegExp;
	headers: [string, string][];
}

/** Reads a `_headers` file: a URL pattern (`*` matches anything) on its own line, its headers indented below. */
export function parseHeadersFile(text: string): HeaderRule[] {
	const rules: HeaderRule[] = [];
	for (const line of text.split("\n")) {
		if (line.trim() === "" || line.trim().startsWith("#")) continue;
		if (!/^\s/.test(line)) {
			const escaped = line.trim().replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
			rules.push({ pattern: new RegExp(`^${escaped}$`), headers: [] });
			continue;
		}
		const rule = rules.at(-1);
		const colon = line.indexOf(":");
		if (!rule || colon === -1) throw new Error(`_headers: a header line outside a rule, or without a colon: ${JSON.stringify(line)}`);
		rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
	}
	return rules;
}

async function fileFor(dir: string, relativePath: string): Promise<string | undefined> {
	const candidate = normalize(join(dir, decodeURIComponent(relativePath)));
	if (!candidate.startsWith(dir)) return undefined;
	const found = await stat(candidate).catch(() => undefined);
	if (found?.isFile()) return candidate;
	if (found?.isDirectory()) {
		const index = join(candidate, "index.html");
		if ((await stat(index).catch(() => undefined))?.isFile()) return index;
	}
	return undefined;
}

export interface RunningSite {
	origin: string;
	/** Every path requested outside the base, or not found. */
	notFound: string[];
	close(): Promise<void>;
}

export async function serveUnderBase(dir: string, base: string, port: number): Promise<RunningSite> {
	const rules = parseHeadersFile(await readFile(join(dir, "_headers"), "utf8"));
	const notFound: string[] = [];
	const server: Server = createServer(async (request, response) => {
		const path = new URL(request.url ?? "/", "http://host").pathname;
		const file = path.startsWith(base) ? await fileFor(dir, path.slice(base.length)) : undefined;
		if (file === undefined) {
			notFound.push(path);
			response.writeHead(404, { "content-type": "text/plain" }).end(`${path} is not part of the site`);
			return;
		}
		const headers: Record<string, string> = { "content-type": contentTypes[extname(file)] ?? "application/octet-stream" };
		for (const rule of rules.filter((candidate) => candidate.pattern.test(path))) {
			for (const [name, value] of rule.headers) headers[name.toLowerCase()] = value;
		}
		response.writeHead(200, headers).end(await readFile(file));
	});
	await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
	return {
		origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		notFound,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
