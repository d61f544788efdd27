/** The parts of a hast node this plugin looks at. */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function walk(node: HastNode, visit: (node: HastNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/**
 * Starlight lets wide tables scroll sideways inside their own box. A box that scrolls must be
 * reachable by keyboard (WCAG 2.1.1), so every content table becomes a focusable region.
 */
export function rehypeFocusableTables() {
  return (tree: HastNode) => {
    walk(tree, (node) => {
      if (node.type === "element" && node.tagName === "table") node.properties = { ...node.properties, tabIndex: 0 };
    });
  };
}
