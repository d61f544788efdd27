import { existsSync } from "node:fs";
import type { LaunchOptions } from "@playwright/test";

const debianChromium = "/usr/bin/chromium";

/** A Chromium of the system (Debian's), when installed; otherwise Playwright's own is used. */
export const systemChromium: string | undefined = existsSync(debianChromium) ? debianChromium : undefined;

/**
 * How every browser test here starts Chromium: Debian's build where it is installed (Playwright
 * cannot download its own offline), Playwright's own elsewhere; headless, no sandbox (CI runs as
 * root), and no background networking, which a closed network answers with refused connections.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  headless: true,
  ...(systemChromium ? { executablePath: systemChromium } : {}),
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--font-render-hinting=none"
  ]
};
