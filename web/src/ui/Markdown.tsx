import type { ComponentProps } from "react";
import ReactMarkdown, { type Components, type ExtraProps } from "react-markdown";
import remarkGfm from "remark-gfm";
import { remarkMentions } from "./remarkMentions";
import "./markdown.css";

/** Headings in user text sit under the page's own h1 and h2. */
function shifted(level: 3 | 4 | 5 | 6) {
  const Tag = `h${level}` as const;
  return ({ node: _node, ...props }: ComponentProps<"h3"> & ExtraProps) => <Tag {...props} />;
}

const components: Components = {
  // Links leave Pratica in a new tab and pass no referrer or ranking on.
  a: ({ node: _node, href, children, ...props }) => (
    <a {...props} href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  ),
  // Images from anywhere would let any author track readers: show a link to them instead.
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} target="_blank" rel="noopener noreferrer nofollow">
        {alt || src}
      </a>
    ) : (
      (alt ?? null)
    ),
  h1: shifted(3),
  h2: shifted(4),
  h3: shifted(5),
  h4: shifted(6),
  h5: shifted(6),
  h6: shifted(6),
};

interface MarkdownProps {
  source: string;
  className?: string;
}

/**
 * The one way user text is shown: Markdown with GitHub's extensions, never raw HTML.
 * react-markdown builds React elements (no innerHTML) and turns HTML in the text into plain
 * text; its default URL filter drops `javascript:` and other unsafe links.
 */
export function Markdown({ source, className }: MarkdownProps) {
  return (
    <div className={["markdown", className ?? ""].filter(Boolean).join(" ")}>
      <ReactMarkdown remarkPlugins={[remarkGfm, remarkMentions]} components={components}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
