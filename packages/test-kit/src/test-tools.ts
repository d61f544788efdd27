/**
 * Tools `npm test` needs beyond npm packages. It installs what it can itself and otherwise prints
 * one line per missing tool saying what to install (database servers report their own SKIPPED lines).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "@playwright/test";
import { systemChromium } from "./chromium.ts";

function onPath(command: string): boolean {
	return spawnSync(command, ["--version"], { stdio: "ignore" }).status === 0;
}

/** Debian's Chromium, else Playwright's own, downloaded with `playwright install chromium` if missing. */
function ensureChromium(): string | undefined {
	if (systemChromium) return undefined;
	if (existsSync(chromium.executablePath())) return undefined;
	console.log("No system Chromium found: installing Playwright's Chromium (npx playwright install chromium)");
	const cli = createRequire(import.meta.url).resolve("@playwright/test/cli");
	// Its output on failure is a download stack trace; the MISSING line says what to do instead.
	const result = spawnSync(process.execPath, [cli, "install", "chromium"], { stdio: "ignore" });
	if (result.status === 0 && existsSync(chromium.executablePath())) return undefined;
	return "Chromium, for the browser and end-to-end tests: install your system's chromium package, or run `npx playwright install chromium` where the network allows it";
}

/** Returns one line per tool that is still missing, after installing what could be installed. */
export function ensureTestTools(): string[] {
	const missing: string[] = [];
	const browser = ensureChromium();
	if (browser) missing.push(browser);
	if (!onPath("git")) missing.push("git, for the docs' last-updated dates: install git");
	if (!onPath("tar")) missing.push("tar, to list the packed tarballs: install tar");
	return missing;
}
