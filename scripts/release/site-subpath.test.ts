/**
 * The site built for a host and a sub-path with Astro's own flags
 * (`astro build --site <origin> --base /lucia-prisma/`), served with nothing outside the base and
 * with its own `_headers`, then crawled in Chromium: every page, every request a page makes, the
 * social and canonical URLs, the sitemap, search, and the install commands (npm, pnpm, Yarn) run in
 * empty folders.
 */
import assert from "node:assert/strict";
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "@playwright/test";
import { betterSqlite3LocalPrebuild, freeLoopbackPort } from "@internal/test-kit";
import { chromiumLaunchOptions } from "@internal/test-kit/chromium";
import { installCommand, tarballUrl } from "../../src/utils/install-commands.ts";
import { publishedPackages } from "../../src/utils/published-packages.ts";
import { serveUnderBase, type RunningSite } from "./base-path-server.ts";
import { managerEnv, pinnedManagers, pinnedVersion, runManager } from "./package-managers.ts";
import { createApp, npmInstall, prismaGenerate, runIn } from "./stranger-app.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const base = "/lucia-prisma/";
const outDir = join(repoRoot, ".tmp", "subpath-site");

let site: RunningSite;
let browser: Browser;
let siteUrl: string;

before(async () => {
	const port = await freeLoopbackPort();
	siteUrl = `http://127.0.0.1:${port}`;
	await rm(outDir, { recursive: true, force: true });
	await runIn(repoRoot, process.execPath, [join(repoRoot, "node_modules/astro/astro.js"), "build", "--site", siteUrl, "--base", base, "--outDir", outDir], process.env);
	site = await serveUnderBase(outDir, base, port);
	browser = await chromium.launch(chromiumLaunchOptions);
});

after(async () => {
	await browser?.close();
	await site?.close();
});

interface PageReport {
	url: string;
	failures: string[];
	links: string[];
	meta: Record<string, string | null>;
}

async function visit(page: Page, url: string): Promise<PageReport> {
	const failures: string[] = [];
	page.removeAllListeners("response");
	page.removeAllListeners("requestfailed");
	page.on("response", (response) => {
		if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
	});
	page.on("requestfailed", (request) => failures.push(`failed ${request.url()}: ${request.failure()?.errorText}`));
	const response = await page.goto(url, { waitUntil: "networkidle" });
	assert.equal(response?.status(), 200, `${url} answered ${response?.status()}`);
	// The playground keeps loading its tools after the network first goes quiet; it marks when it
	// has everything (which also proves those loads work under the base).
	if ((await page.locator("#playground").count()) > 0) {
		await page.locator("#playground[data-complete]").waitFor({ state: "attached", timeout: 60_000 });
	}
	const links = await page.locator("a[href]").evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
	const meta = await page.evaluate(() => ({
		ogImage: document.querySelector('meta[property="og:image"]')?.getAttribute("content") ?? null,
		twitterImage: document.querySelector('meta[name="twitter:image"]')?.getAttribute("content") ?? null,
		canonical: document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null,
	}));
	return { url, failures, links, meta };
}

describe(`the site under ${base}`, () => {
	let reports: PageReport[] = [];

	before(async () => {
		const page = await browser.newPage();
		const queue = [`${siteUrl}${base}`];
		const seen = new Set(queue);
		while (queue.length > 0) {
			const report = await visit(page, queue.shift()!);
			reports.push(report);
			for (const link of report.links) {
				const url = new URL(link);
				url.hash = "";
				url.search = "";
				const isPage = url.origin === siteUrl && !/\.(txt|xml|tgz|png|svg)$/.test(url.pathname);
				if (isPage && !seen.has(url.href)) {
					seen.add(url.href);
					queue.push(url.href);
				}
			}
		}
		await page.close();
	});

	test("every page and every request it makes is answered, and nothing outside the base is asked for", () => {
		assert.ok(reports.length >= 10, `crawled only ${reports.length} pages`);
		assert.deepEqual(reports.flatMap((report) => report.failures.map((failure) => `${report.url}: ${failure}`)), []);
		assert.deepEqual(site.notFound, []);
	});

	test("every link on every page stays on the site or is an external https link", () => {
		const stray = reports.flatMap((report) =>
			report.links.filter((link) => !link.startsWith(`${siteUrl}${base}`) && !link.startsWith("https://")).map((link) => `${report.url} → ${link}`),
		);
		assert.deepEqual(stray, []);
	});

	test("social image and canonical URLs carry the site and the base", () => {
		for (const report of reports.filter((candidate) => !candidate.url.endsWith("/404/"))) {
			assert.equal(report.meta["ogImage"], `${siteUrl}${base}social.png`, report.url);
			assert.equal(report.meta["twitterImage"], `${siteUrl}${base}social.png`, report.url);
			assert.equal(report.meta["canonical"], report.url, report.url);
		}
	});

	test("the sitemap lists the crawled pages, under the base", async () => {
		const index = await (await fetch(`${siteUrl}${base}sitemap-index.xml`)).text();
		const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
		const locs = (await Promise.all(sitemaps.map(async (url) => (await fetch(url)).text()))).flatMap((xml) =>
			[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!),
		);
		assert.ok(locs.length > 0);
		const crawled = new Set(reports.map((report) => report.url));
		assert.deepEqual(locs.filter((loc) => !crawled.has(loc)), []);
	});

	test("search finds the reference and links to it under the base", async () => {
		const page = await browser.newPage();
		await page.goto(`${siteUrl}${base}`);
		await page.getByRole("button", { name: "Search" }).click();
		await page.getByRole("dialog").locator("input.pagefind-ui__search-input").fill("userRelationKey");
		const first = page.getByRole("dialog").locator(".pagefind-ui__result-link").first();
		await first.waitFor();
		const hrefs = await page.locator(".pagefind-ui__result-link").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
		assert.ok(hrefs.includes(`${siteUrl}${base}reference/`), hrefs.join("\n"));
		await page.close();
	});

	test("llms.txt and llms-full.txt are served, with links under the base", async () => {
		const index = await fetch(`${siteUrl}${base}llms.txt`);
		assert.equal(index.status, 200);
		assert.match(await index.text(), new RegExp(`${siteUrl}${base}llms-full\\.txt`));
		const full = await (await fetch(`${siteUrl}${base}llms-full.txt`)).text();
		assert.match(full, /userRelationKey/);
		assert.doesNotMatch(full, /\]\(\/(?!lucia-prisma\/)/, "a root-relative link without the base");
	});

	test("_headers: hashed assets are cached for a year, wasm has its MIME type, the playground its policy", async () => {
		const headers = await readFile(join(outDir, "_headers"), "utf8");
		assert.match(headers, new RegExp(`^${base}_astro/\\*\\n  Cache-Control: public, max-age=31536000, immutable$`, "m"));
		assert.match(headers, new RegExp(`^${base}playground/\\*\\n  Content-Security-Policy: `, "m"));
		const asset = reports.length > 0 ? (await readdir(join(outDir, "_astro"))).find((file) => file.endsWith(".css")) : undefined;
		assert.ok(asset);
		const response = await fetch(`${siteUrl}${base}_astro/${asset}`);
		assert.equal(response.headers.get("cache-control"), "public, max-age=31536000, immutable");
		for (const wasm of [...headers.matchAll(/^(\S+\.wasm)$/gm)].map((match) => match[1]!)) {
			assert.equal((await fetch(`${siteUrl}${wasm}`)).headers.get("content-type"), "application/wasm", wasm);
		}
	});
});

/** Every line of the install blocks that start with `add` (`npm i`, `pnpm add`, `yarn add`), in page order, each once. */
async function siteInstallLines(add: string): Promise<string[]> {
	const lines = new Set<string>();
	for (const page of ["quick-start", "reference", "guides/migrating-from-3"]) {
		const html = await readFile(join(outDir, page, "index.html"), "utf8");
		for (const match of html.matchAll(new RegExp(`data-code="(${add} [^"]+)"`, "g"))) {
			// Expressive Code's copy button keeps the lines of a block apart with U+007F.
			for (const line of match[1]!.split("\u007f")) lines.add(line);
		}
	}
	const shown = [...lines];
	assert.deepEqual(shown.filter((line) => line.includes("&")), [], "an HTML entity this test would have to decode");
	const adapterUrl = tarballUrl(publishedPackages(repoRoot).find((pkg) => pkg.name === "@lucia-auth/adapter-prisma")!, siteUrl, base);
	assert.ok(shown.some((line) => line.includes(adapterUrl)), shown.join("\n"));
	assert.ok(shown.some((line) => / lucia@2( |$)/.test(line)), shown.join("\n"));
	return shown;
}

/** What the app needs for the Lucia flow besides the site's packages: sql.js and this project's other packages, from the site. */
function flowPackages(): string[] {
	const others = publishedPackages(repoRoot).filter((pkg) => pkg.name !== "@lucia-auth/adapter-prisma");
	return ["sql.js@1.16.0", ...others.map((pkg) => tarballUrl(pkg, siteUrl, base))];
}

async function installedVersion(app: string, name: string): Promise<string> {
	return (JSON.parse(await readFile(join(app, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

/** The Lucia flow of the pack-and-install test, in `app` (which has the flow's packages), on the reference schema. */
async function luciaFlow(app: string): Promise<unknown> {
	const reference = await readFile(join(repoRoot, "packages/adapter-prisma/schemas/reference.sqlite.prisma"), "utf8");
	await mkdir(join(app, "prisma"));
	await writeFile(join(app, "prisma/schema.prisma"), reference.replace(/generator client \{[^}]*\}/, 'generator client {\n  provider = "prisma-client-js"\n}'));
	await prismaGenerate(app);
	await copyFile(fileURLToPath(new URL("./app/lucia-flow.mjs", import.meta.url)), join(app, "lucia-flow.mjs"));
	const { stdout } = await runIn(app, process.execPath, ["lucia-flow.mjs", "default"]);
	return JSON.parse(stdout);
}

const flowResult = {
	form: "default",
	sameUser: true,
	state: "active",
	duplicate: "AUTH_DUPLICATE_KEY_ID",
	afterSignOut: "AUTH_INVALID_SESSION_ID",
	afterDelete: "AUTH_INVALID_USER_ID",
};

describe("the install commands on the site, run in an empty folder", () => {
	test("npm: install Lucia 2 and the adapter the site serves, and a Lucia flow runs there", async () => {
		const app = await createApp("site-install");
		for (const line of await siteInstallLines("npm i")) {
			const [, , ...args] = line.split(" ");
			const dev = args[0] === "-D";
			// --ignore-scripts: better-sqlite3 compiles from source here (minutes); the flow runs on sql.js.
			await npmInstall(app, ["--ignore-scripts", ...args.filter((arg) => arg !== "-D")], dev);
		}
		assert.match(await installedVersion(app, "lucia"), /^2\./);
		assert.equal(await installedVersion(app, "@lucia-auth/adapter-prisma"), "3.1.0");
		await npmInstall(app, flowPackages());
		assert.deepEqual(await luciaFlow(app), flowResult);
		await rm(app, { recursive: true, force: true });
	});

	for (const manager of pinnedManagers) {
		const name = `${manager.command} ${pinnedVersion(manager)}`;
		test(`${name}: the commands as shown, install scripts and all; better-sqlite3 loads, and a Lucia flow runs there`, async () => {
			const app = await createApp(`site-install-${manager.dependency}`);
			// The manager's store, caches and the better-sqlite3 prebuild live here, not in the home folder.
			const home = await mkdtemp(join(tmpdir(), `${manager.dependency}-home-`));
			const env = managerEnv(home, betterSqlite3LocalPrebuild(join(home, "prebuilds")));
			try {
				assert.equal((await runManager(manager, home, `${manager.command} --version`, env)).stdout.trim(), pinnedVersion(manager));
				for (const line of await siteInstallLines(`${manager.command} add`)) await runManager(manager, app, line, env);
				assert.match(await installedVersion(app, "lucia"), /^2\./);
				assert.equal(await installedVersion(app, "@lucia-auth/adapter-prisma"), "3.1.0");

				await copyFile(fileURLToPath(new URL("./app/sqlite-binding.mjs", import.meta.url)), join(app, "sqlite-binding.mjs"));
				const { stdout } = await runIn(app, process.execPath, ["sqlite-binding.mjs"]);
				assert.match((JSON.parse(stdout) as { sqlite: string }).sqlite, /^3\./);

				// The flow's own packages, with the command the site would show for them.
				await runManager(manager, app, installCommand(manager.command, flowPackages()), env);
				assert.deepEqual(await luciaFlow(app), flowResult);
				await rm(app, { recursive: true, force: true });
			} finally {
				await rm(home, { recursive: true, force: true });
			}
		});
	}
});
