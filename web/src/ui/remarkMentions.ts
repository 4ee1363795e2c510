import { findMentions } from "@pratica/rules";

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  data?: Record<string, unknown>;
}

/** Where mentions are not mentions: inside links and code. */
const SKIP = new Set(["link", "linkReference", "inlineCode", "code", "definition", "html"]);

function split(text: string): MdNode[] | null {
  const parts: MdNode[] = [];
  let last = 0;
  // The same `@handle` rule the api uses to notify people.
  for (const { handle, start, end } of findMentions(text)) {
    const mention = `@${handle}`;
    if (start > last) parts.push({ type: "text", value: text.slice(last, start) });
    // An unknown node type with hName becomes that element; its text stays text.
    parts.push({
      type: "mention",
      data: {
        hName: "span",
        hProperties: { className: ["mention"] },
        hChildren: [{ type: "text", value: mention }],
      },
    });
    last = end;
  }
  if (parts.length === 0) return null;
  if (last < text.length) parts.push({ type: "text", value: text.slice(last) });
  return parts;
}

function walk(node: MdNode): void {
  if (!node.children) return;
  const next: MdNode[] = [];
  for (const child of node.children) {
    if (child.type === "text" && typeof child.value === "string") {
      next.push(...(split(child.value) ?? [child]));
    } else {
      if (!SKIP.has(child.type)) walk(child);
      next.push(child);
    }
  }
  node.children = next;
}

/** A remark plugin that marks `@handle` mentions so they can be styled; no HTML is involved. */
export function remarkMentions() {
  return (tree: MdNode) => walk(tree);
}
