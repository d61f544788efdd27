/** The parts of a hast node this plugin looks at. */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  /** MDX components in the content (`<LinkCard href="/quick-start/" />`) carry their props here. */
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: HastNode[];
}

const linkAttributes = new Set(["href", "src"]);

/** `/errors/#x` under base `/docs/` becomes `/docs/errors/#x`; other links stay as written. */
export function withBase(href: string, base: string): string {
  if (!href.startsWith("/") || href.startsWith("//")) return href;
  const prefix = base.endsWith("/") ? base.slice(0, -1) : base;
  if (prefix === "" || href === prefix || href.startsWith(`${prefix}/`)) return href;
  return `${prefix}${href}`;
}

function walk(node: HastNode, visit: (node: HastNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/**
 * The docs link to each other as `/guides/attributes/`, site-absolute paths. Served under a
 * sub-path (`astro build --base /lucia-prisma/`), those would leave the site, so every
 * root-relative `href` and `src` in the content, of HTML elements and of MDX components, gets the
 * base in front.
 */
export function rehypeBaseLinks(options: { base: string }) {
  return (tree: HastNode) => {
    walk(tree, (node) => {
      for (const [name, value] of Object.entries(node.properties ?? {})) {
        if (linkAttributes.has(name) && typeof value === "string") node.properties![name] = withBase(value, options.base);
      }
      for (const attribute of node.attributes ?? []) {
        if (attribute.type === "mdxJsxAttribute" && linkAttributes.has(attribute.name ?? "") && typeof attribute.value === "string") {
          attribute.value = withBase(attribute.value, options.base);
        }
      }
    });
  };
}
