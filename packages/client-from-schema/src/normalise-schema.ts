/**
 * Turns what a reader pastes into a schema for a database in the browser: SQLite (sql.js) or
 * PostgreSQL (PGlite). A SQLite or PostgreSQL datasource keeps its provider, models alone get a
 * SQLite datasource, and a datasource for another database (or one with connection settings) is
 * replaced. Line numbers are kept where possible, so diagnostics point at the reader's lines.
 */

/** The databases that run in the browser. */
export type BrowserProvider = "sqlite" | "postgresql";

export const browserProviders: readonly BrowserProvider[] = ["sqlite", "postgresql"];

/** Something the reader should know about how their schema was changed. */
export interface SchemaNotice {
  code: "datasource-added" | "datasource-replaced";
  message: string;
  /** 1-based line of the reader's text the notice is about, when there is one. */
  line?: number;
}

export type NormalisedSchema =
  | { ok: true; text: string; provider: BrowserProvider; notices: SchemaNotice[] }
  | { ok: false; message: string; line: number };

export interface NormaliseOptions {
  /**
   * The database to run the schema on, whatever its datasource says (a datasource for the
   * other one is replaced, with a notice). Without it, SQLite and PostgreSQL datasources are
   * kept, and every other schema runs on SQLite.
   */
  provider?: BrowserProvider;
}

/** Providers whose models have no SQL equivalent, so replacing the datasource cannot help. */
const providersWithoutSqlEquivalent = new Set(["mongodb"]);

const whatRunsHere = "client-from-schema runs SQLite and PostgreSQL schemas.";

function isBrowserProvider(provider: string | undefined): provider is BrowserProvider {
  return provider !== undefined && (browserProviders as readonly string[]).includes(provider);
}

export function normaliseSchema(text: string, options: NormaliseOptions = {}): NormalisedSchema {
  const lines = text.split("\n");
  const blocks = findDatasourceBlocks(lines);
  if (blocks.length === 0) {
    const provider = options.provider ?? "sqlite";
    const separator = text === "" || text.endsWith("\n") ? "\n" : "\n\n";
    return {
      ok: true,
      text: `${text}${separator}datasource db {\n  provider = "${provider}"\n}\n`,
      provider,
      notices: [
        {
          code: "datasource-added",
          message: `The schema has no datasource block, so \`datasource db { provider = "${provider}" }\` was added. ${whatRunsHere}`,
        },
      ],
    };
  }

  // One provider for the whole schema: the one asked for, else the first block's if it runs here.
  const written = blocks[0]?.provider;
  const provider = options.provider ?? (isBrowserProvider(written) ? written : "sqlite");
  const notices: SchemaNotice[] = [];
  // Replace from the last block up, so earlier line indexes stay valid.
  for (const block of [...blocks].reverse()) {
    const line = block.start + 1;
    if (block.provider !== undefined && providersWithoutSqlEquivalent.has(block.provider)) {
      return {
        ok: false,
        line,
        message: `This schema is for ${block.provider}, which client-from-schema cannot run: it runs SQLite and PostgreSQL schemas, and ${block.provider} models (ObjectId ids, composite types) have no SQL equivalent. Write the schema for provider = "sqlite", "postgresql" or "mysql".`,
      };
    }
    const reasons: string[] = [];
    if (block.provider !== provider) {
      reasons.push(block.provider === undefined ? "it names no provider we can read" : `it is for ${block.provider}`);
    }
    if (block.otherSettings.length > 0) {
      reasons.push(`its ${block.otherSettings.map((name) => `\`${name}\``).join(", ")} ${block.otherSettings.length === 1 ? "has" : "have"} no meaning for a database in your browser`);
    }
    if (reasons.length === 0) continue;
    const replacement = [`datasource ${block.name} {`, `  provider = "${provider}"`];
    while (replacement.length < block.end - block.start) replacement.push("");
    replacement.push("}");
    lines.splice(block.start, block.end - block.start + 1, ...replacement);
    notices.unshift({
      code: "datasource-replaced",
      line,
      message: `The datasource \`${block.name}\` was replaced by \`provider = "${provider}"\`: ${reasons.join(", and ")}. ${whatRunsHere}`,
    });
  }
  return { ok: true, text: lines.join("\n"), provider, notices };
}

/** The browser database the schema's first datasource names, if it names one. */
export function datasourceProvider(text: string): BrowserProvider | undefined {
  const provider = findDatasourceBlocks(text.split("\n"))[0]?.provider;
  return isBrowserProvider(provider) ? provider : undefined;
}

/**
 * The text with each datasource's `provider = "sqlite"` or `"postgresql"` set to `provider`, and
 * nothing else changed: switching databases keeps the reader's schema as they wrote it. A
 * datasource for another database is left for `normaliseSchema` to replace, with its notice.
 */
export function withBrowserProvider(text: string, provider: BrowserProvider): string {
  const lines = text.split("\n");
  for (const block of findDatasourceBlocks(lines)) {
    if (block.providerLine === undefined || !isBrowserProvider(block.provider)) continue;
    lines[block.providerLine] = (lines[block.providerLine] ?? "").replace(`"${block.provider}"`, `"${provider}"`);
  }
  return lines.join("\n");
}

interface DatasourceBlock {
  name: string;
  /** 0-based indexes of the opening and closing lines. */
  start: number;
  end: number;
  provider: string | undefined;
  /** 0-based index of the `provider = …` line, when there is one. */
  providerLine: number | undefined;
  otherSettings: string[];
}

const blockStart = /^\s*(\w+)\s+(\w+)\s*\{/;
const settingLine = /^\s*(\w+)\s*=\s*(.*)$/;

/** Top-level blocks cannot nest in a Prisma schema: a block ends at the first line starting with `}`. */
function findDatasourceBlocks(lines: string[]): DatasourceBlock[] {
  const blocks: DatasourceBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const opening = blockStart.exec(lines[index] ?? "");
    if (opening === null) continue;
    let end = index;
    if (!(lines[index] ?? "").trimEnd().endsWith("}")) {
      end = index + 1;
      while (end < lines.length && !(lines[end] ?? "").trim().startsWith("}")) end++;
    }
    if (opening[1] === "datasource") {
      const body = lines.slice(index + 1, end);
      const settings = body.flatMap((line, offset) => {
        const match = settingLine.exec(stripComment(line));
        return match === null ? [] : [{ key: match[1] ?? "", value: (match[2] ?? "").trim(), line: index + 1 + offset }];
      });
      const providerSetting = settings.find((setting) => setting.key === "provider");
      const provider = providerSetting?.value;
      blocks.push({
        name: opening[2] ?? "db",
        start: index,
        end: Math.min(end, lines.length - 1),
        provider: provider !== undefined && /^"[^"]*"$/.test(provider) ? provider.slice(1, -1) : undefined,
        providerLine: providerSetting?.line,
        otherSettings: settings.map((setting) => setting.key).filter((key) => key !== "provider"),
      });
    }
    index = end;
  }
  return blocks;
}

function stripComment(line: string): string {
  const comment = line.indexOf("//");
  return comment === -1 ? line : line.slice(0, comment);
}
