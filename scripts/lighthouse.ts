/**
 * Lighthouse's mobile audit (simulated slow 4G, 4× CPU slowdown: its default configuration) of
 * pages of the built site, in the system's Chromium where there is one. Used by
 * `npm run bench:playground`; prints nothing itself.
 */
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromiumLaunchOptions, systemChromium } from "@internal/test-kit/chromium";

export interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  firstContentfulPaint: number;
  largestContentfulPaint: number;
  totalBlockingTime: number;
  cumulativeLayoutShift: number;
  speedIndex: number;
  /** Bytes the audited load transferred in all (gzip as served). */
  transferred: number;
  /** The largest response that started before the observed largest contentful paint, if any. */
  largestBeforePaint: { url: string; bytes: number } | undefined;
}

interface NetworkItem {
  url: string;
  networkRequestTime: number;
  transferSize: number;
}

// The flags every browser test here uses, headless as chrome-launcher needs it said.
const flags = ["--headless=new", ...(chromiumLaunchOptions.args ?? [])];

/** One audit of `url` in a fresh browser (a cold cache, as a first visit). */
export async function audit(url: string): Promise<LighthouseFigures> {
  const chrome = await launch({ ...(systemChromium ? { chromePath: systemChromium } : {}), chromeFlags: flags, logLevel: "silent" });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices"] });
    if (result === undefined) throw new Error(`Lighthouse returned no result for ${url}`);
    const { categories, audits } = result.lhr;
    if (result.lhr.runtimeError !== undefined) throw new Error(`Lighthouse could not audit ${url}: ${result.lhr.runtimeError.message}`);
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const numeric = (id: string) => audits[id]?.numericValue ?? Number.NaN;
    const observedPaint = (audits["metrics"]?.details as { items?: { observedLargestContentfulPaint?: number }[] } | undefined)?.items?.[0]?.observedLargestContentfulPaint ?? 0;
    const requests = ((audits["network-requests"]?.details as { items?: NetworkItem[] } | undefined)?.items ?? []).filter((item) => item.networkRequestTime < observedPaint);
    const largest = requests.reduce<NetworkItem | undefined>((big, item) => (big === undefined || item.transferSize > big.transferSize ? item : big), undefined);
    return {
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      firstContentfulPaint: numeric("first-contentful-paint"),
      largestContentfulPaint: numeric("largest-contentful-paint"),
      totalBlockingTime: numeric("total-blocking-time"),
      cumulativeLayoutShift: numeric("cumulative-layout-shift"),
      speedIndex: numeric("speed-index"),
      transferred: numeric("total-byte-weight"),
      largestBeforePaint: largest === undefined ? undefined : { url: largest.url, bytes: largest.transferSize },
    };
  } finally {
    chrome.kill();
  }
}
