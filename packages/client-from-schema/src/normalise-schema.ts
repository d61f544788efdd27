/**
 * Turns what a reader pastes into a schema for SQLite in the browser: models alone get a
 * datasource, and a datasource for another database (or one with connection settings) is
 * replaced. Line numbers are kept where possible, so diagnostics point at the reader's lines.
 */

/** Something the reader should know about how their schema was changed. */
export interface SchemaNotice {
  code: "datasource-added" | "datasource-replaced";
  message: string;
  /** 1-based line of the reader's text the notice is about, when there is one. */
  line?: number;
}

export type NormalisedSchema =
  | { ok: true; text: string; notices: SchemaNotice[] }
  | { ok: false; message: string; line: number };

/** Providers whose models have no SQLite equivalent, so replacing the datasource cannot help. */
const providersWithoutSqliteEquivalent = new Set(["mongodb"]);

const sqliteDatasource = ["datasource db {", '  provider = "sqlite"', "}"];

export function normaliseSchema(text: string): NormalisedSchema {
  const lines = text.split("\n");
  const blocks = findDatasourceBlocks(lines);
  if (blocks.length === 0) {
    const separator = text === "" || text.endsWith("\n") ? "\n" : "\n\n";
    return {
      ok: true,
      text: `${text}${separator}${sqliteDatasource.join("\n")}\n`,
      notices: [
        {
          code: "datasource-added",
          message: 'The schema has no datasource block, so `datasource db { provider = "sqlite" }` was added: the playground runs SQLite in your browser.',
        },
      ],
    };
  }

  const notices: SchemaNotice[] = [];
  // Replace from the last block up, so earlier line indexes stay valid.
  for (const block of [...blocks].reverse()) {
    const line = block.start + 1;
    if (block.provider !== undefined && providersWithoutSqliteEquivalent.has(block.provider)) {
      return {
        ok: false,
        line,
        message: `This schema is for ${block.provider}, which cannot run in the browser: the playground runs SQLite, and ${block.provider} models (ObjectId ids, composite types) have no SQLite equivalent. Write the schema for provider = "sqlite", "postgresql" or "mysql".`,
      };
    }
    const reasons: string[] = [];
    if (block.provider !== "sqlite") {
      reasons.push(block.provider === undefined ? "it names no provider we can read" : `it is for ${block.provider}`);
    }
    if (block.otherSettings.length > 0) {
      reasons.push(`its ${block.otherSettings.map((name) => `\`${name}\``).join(", ")} ${block.otherSettings.length === 1 ? "has" : "have"} no meaning for a database in your browser`);
    }
    if (reasons.length === 0) continue;
    const replacement = [`datasource ${block.name} {`, '  provider = "sqlite"'];
    while (replacement.length < block.end - block.start) replacement.push("");
    replacement.push("}");
    lines.splice(block.start, block.end - block.start + 1, ...replacement);
    notices.unshift({
      code: "datasource-replaced",
      line,
      message: `The datasource \`${block.name}\` was replaced by \`provider = "sqlite"\`: ${reasons.join(", and ")}. The playground runs SQLite in your browser.`,
    });
  }
  return { ok: true, text: lines.join("\n"), notices };
}

interface DatasourceBlock {
  name: string;
  /** 0-based indexes of the opening and closing lines. */
  start: number;
  end: number;
  provider: string | undefined;
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
      const settings = body.flatMap((line) => {
        const match = settingLine.exec(stripComment(line));
        return match === null ? [] : [{ key: match[1] ?? "", value: (match[2] ?? "").trim() }];
      });
      const provider = settings.find((setting) => setting.key === "provider")?.value;
      blocks.push({
        name: opening[2] ?? "db",
        start: index,
        end: Math.min(end, lines.length - 1),
        provider: provider !== undefined && /^"[^"]*"$/.test(provider) ? provider.slice(1, -1) : undefined,
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
