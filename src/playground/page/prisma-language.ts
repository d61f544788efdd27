/**
 * The Prisma schema language for Monaco: highlighting (a Monarch grammar), brackets and comments,
 * and Prisma's own formatter and completions through the tools worker.
 */
import type * as Monaco from "monaco-editor/editor/editor.api";
import type { ToolsClient } from "./tools-client.ts";

export const prismaLanguageId = "prisma";

const grammar: Monaco.languages.IMonarchLanguage = {
  defaultToken: "",
  tokenizer: {
    root: [
      [/\/\/\/.*$/, "comment.doc"],
      [/\/\/.*$/, "comment"],
      [/\b(model|enum|datasource|generator|type|view)\b/, "keyword"],
      [/@@?[A-Za-z_][\w.]*/, "annotation"],
      [/\b(String|Boolean|Int|BigInt|Float|Decimal|DateTime|Json|Bytes|Unsupported)\b/, "type"],
      [/"([^"\\]|\\.)*"/, "string"],
      [/\b(true|false|null)\b/, "keyword"],
      [/-?\d+(\.\d+)?/, "number"],
      [/[A-Z]\w*/, "type.identifier"],
      [/[a-z_]\w*/, "identifier"],
      [/[{}()[\]]/, "@brackets"],
      [/[?!=:,]/, "delimiter"],
    ],
  },
};

const completionKinds: Record<number, Monaco.languages.CompletionItemKind> = {
  // LSP CompletionItemKind → Monaco's enum, for the kinds Prisma uses.
  7: 5, // Class
  10: 9, // Property
  13: 15, // EnumMember
  14: 17, // Keyword
  5: 3, // Field
};

export function registerPrismaLanguage(monaco: typeof Monaco, tools: ToolsClient): void {
  monaco.languages.register({ id: prismaLanguageId, extensions: [".prisma"], aliases: ["Prisma"] });
  monaco.languages.setMonarchTokensProvider(prismaLanguageId, grammar);
  monaco.languages.setLanguageConfiguration(prismaLanguageId, {
    comments: { lineComment: "//" },
    brackets: [
      ["{", "}"],
      ["[", "]"],
      ["(", ")"],
    ],
    autoClosingPairs: [
      { open: "{", close: "}" },
      { open: "[", close: "]" },
      { open: "(", close: ")" },
      { open: '"', close: '"', notIn: ["string", "comment"] },
    ],
  });
  monaco.languages.registerDocumentFormattingEditProvider(prismaLanguageId, {
    async provideDocumentFormattingEdits(model) {
      const formatted = await tools.format(model.getValue());
      return formatted === null || formatted === model.getValue() ? [] : [{ range: model.getFullModelRange(), text: formatted }];
    },
  });
  monaco.languages.registerCompletionItemProvider(prismaLanguageId, {
    triggerCharacters: ["@", " ", "(", ":", "["],
    async provideCompletionItems(model, position) {
      const items = await tools.complete(model.getValue(), position.lineNumber - 1, position.column - 1);
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      return {
        suggestions: items.map((item) => ({
          label: item.label,
          kind: completionKinds[item.kind ?? 0] ?? monaco.languages.CompletionItemKind.Text,
          ...(item.detail === undefined ? {} : { detail: item.detail }),
          ...(item.documentation === undefined ? {} : { documentation: item.documentation }),
          insertText: item.insertText ?? item.label,
          range,
        })),
      };
    },
  });
}
