/**
 * The playground's state in the URL hash, so the address bar always shares what the reader sees.
 * `#p=<base>` alone when the schema and code are the base's (a preset, or a docs example as
 * `example:<path>`); otherwise `&z=` carries, deflated and base64url-encoded, only the parts
 * that differ from it, and `&db=` the database when it is not the base's. Reading takes
 * `location`-like input, so tests can call it directly. A payload is inflated as a stream and
 * given up past `maxLinkText`, so no link can hang or crash the tab.
 */
import { isDatabaseChoice } from "../database.ts";
import type { PlaygroundState } from "../presets.ts";

export interface UrlState extends PlaygroundState {
  /** The preset or example the state started from. */
  base: string;
}

/** The most a link's payload may inflate to, in bytes of UTF-8 (its schema and code together, as JSON). */
export const maxLinkText = 1_000_000;

/** A state read from a link, with a notice when the link could not be read in full. */
export interface DecodedState extends UrlState {
  notice?: string;
}

export const oversizedLinkNotice = `This link holds more than the playground accepts (over 1 MB of text once unpacked): it opens its starting point instead.`;

class OversizedLink extends Error {}

interface Changes {
  s?: string;
  c?: string;
}

export async function encodeState(state: UrlState, base: PlaygroundState): Promise<string> {
  const changes: Changes = {};
  if (state.schema !== base.schema) changes.s = state.schema;
  if (state.code !== base.code) changes.c = state.code;
  const params = new URLSearchParams({ p: state.base });
  if (state.database !== base.database) params.set("db", state.database);
  if (changes.s !== undefined || changes.c !== undefined) params.set("z", await deflate(JSON.stringify(changes)));
  return `#${params.toString()}`;
}

/**
 * The state a URL describes, or undefined when it names none. `?example=<path>` (the docs'
 * links) is read when the hash holds no state. `lookup` gives a base's schema and code.
 */
export async function decodeState(
  location: { hash: string; search: string },
  lookup: (base: string) => PlaygroundState | undefined,
): Promise<DecodedState | undefined> {
  const hash = new URLSearchParams(location.hash.replace(/^#/, ""));
  const base = hash.get("p") ?? exampleBase(location.search);
  if (base === undefined) return undefined;
  const baseState = lookup(base);
  if (baseState === undefined) return undefined;
  const database = hash.get("db");
  const opened = { base, ...baseState, ...(isDatabaseChoice(database) ? { database } : {}) };
  const packed = hash.get("z");
  if (packed === null) return opened;
  try {
    const changes = JSON.parse(await inflate(packed)) as Changes;
    return {
      ...opened,
      schema: typeof changes.s === "string" ? changes.s : baseState.schema,
      code: typeof changes.c === "string" ? changes.c : baseState.code,
    };
  } catch (error) {
    // A truncated, mangled or oversized link: open its base rather than nothing.
    return error instanceof OversizedLink ? { ...opened, notice: oversizedLinkNotice } : opened;
  }
}

function exampleBase(search: string): string | undefined {
  const example = new URLSearchParams(search).get("example");
  return example === null ? undefined : `example:${example}`;
}

async function deflate(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

async function inflate(packed: string): Promise<string> {
  const stream = new Blob([fromBase64Url(packed) as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxLinkText) {
      await reader.cancel();
      throw new OversizedLink();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}
