export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

interface MdNode {
  type: string;
  depth?: number;
  children?: MdNode[];
}

/** Each heading, in reading order, wherever it sits (in a quote, in a list). */
function* headings(node: MdNode): Generator<MdNode> {
  for (const child of node.children ?? []) {
    if (child.type === "heading") yield child;
    yield* headings(child);
  }
}

const clamp = (level: number) => Math.min(6, Math.max(1, level));

/**
 * Without `start`, every heading moves down two levels (`#` is an h3), as user text always did.
 *
 * With `start`, the text's own outline is kept but laid under the page's: its first heading
 * becomes `start`, and a heading deeper than the one before it goes one level further only, so
 * no level is ever skipped: under an h2, `###` alone is an h3, and `#` then `###` are an h3 and
 * an h4. Past h6 headings stay h6.
 */
export function remarkHeadingLevels(options: { start?: HeadingLevel } = {}) {
  const { start } = options;
  return (tree: MdNode) => {
    if (start === undefined) {
      for (const heading of headings(tree)) heading.depth = clamp((heading.depth ?? 1) + 2);
      return;
    }
    // The open headings above the current point: their depth in the source, their level on the page.
    const open: { source: number; level: number }[] = [];
    for (const heading of headings(tree)) {
      const source = heading.depth ?? 1;
      while (open.length > 0 && (open.at(-1)?.source ?? 0) >= source) open.pop();
      const level = clamp((open.at(-1)?.level ?? start - 1) + 1);
      open.push({ source, level });
      heading.depth = level;
    }
  };
}
