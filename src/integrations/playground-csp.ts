/**
 * Writes the playground's Content-Security-Policy into its built page as the first element of
 * `<head>` after the charset, with the hash of every inline script the page has (Starlight's
 * theme and search scripts), so the policy holds whatever serves the files.
 */
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { playgroundPagePolicy } from "../playground/security-policy.ts";

const inlineScript = /<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g;
const dataBlock = /\btype="(application\/(ld\+)?json|importmap)"/;

export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = "", body = ""] of html.matchAll(inlineScript)) {
    if (dataBlock.test(attributes)) continue;
    hashes.add(`sha256-${createHash("sha256").update(body, "utf8").digest("base64")}`);
  }
  return [...hashes];
}

export function withContentSecurityPolicy(html: string): string {
  const charset = /<meta charset="utf-8"\s*\/?>/i.exec(html);
  if (charset === null) throw new Error("The playground page has no <meta charset>: the Content-Security-Policy needs a place at the top of <head>.");
  const policy = playgroundPagePolicy(inlineScriptHashes(html));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const at = charset.index + charset[0].length;
  return `${html.slice(0, at)}${meta}${html.slice(at)}`;
}

export function playgroundContentSecurityPolicy(): AstroIntegration {
  return {
    name: "playground-content-security-policy",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const page = fileURLToPath(new URL("playground/index.html", dir));
        await writeFile(page, withContentSecurityPolicy(await readFile(page, "utf8")));
        logger.info("Content-Security-Policy written into playground/index.html");
      },
    },
  };
}
