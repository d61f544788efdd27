// @ts-check
import { defineEcConfig } from "@astrojs/starlight/expressive-code";

/**
 * Expressive Code drops a file's final newline before it fills the copy button.
 * Snippets on this site are whole files, so the button gives the newline back:
 * what lands on the clipboard is byte for byte the file the tests use.
 * @type {import("@astrojs/starlight/expressive-code").ExpressiveCodePlugin}
 */
const copyWholeFile = {
  name: "copy-whole-file",
  hooks: {
    postprocessRenderedBlock: ({ codeBlock, renderData }) => {
      if (codeBlock.metaOptions.getBoolean("wholeFile") !== true) return;
      visit(renderData.blockAst, (node) => {
        const code = node.properties?.["dataCode"] ?? node.properties?.["data-code"];
        if (node.tagName === "button" && typeof code === "string") {
          node.properties["dataCode"] = `${code}\u007f`;
          delete node.properties["data-code"];
        }
      });
    },
  },
};

/** @param {any} node @param {(node: any) => void} fn */
function visit(node, fn) {
  fn(node);
  for (const child of node.children ?? []) visit(child, fn);
}

export default defineEcConfig({
  // Keep tabs as tabs: the copy button must give back the file unchanged.
  tabWidth: 0,
  plugins: [copyWholeFile],
});
