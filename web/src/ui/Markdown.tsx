import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { type HeadingLevel, remarkHeadingLevels } from "./remarkHeadingLevels";
import { remarkMentions } from "./remarkMentions";
import "./markdown.css";

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
};

interface MarkdownProps {
  source: string;
  className?: string;
  /**
   * The level of the text's first heading: one below the heading the text sits under (3 under
   * an h2). Its other headings follow its outline without skipping a level. Without it, headings
   * in user text sit under the page's own h1 and h2: `#` is an h3, `##` an h4, and so on.
   */
  headingLevel?: HeadingLevel;
}

/**
 * The one way user text is shown: Markdown with GitHub's extensions, never raw HTML.
 * react-markdown builds React elements (no innerHTML) and turns HTML in the text into plain
 * text; its default URL filter drops `javascript:` and other unsafe links.
 */
export function Markdown({ source, className, headingLevel }: MarkdownProps) {
  return (
    <div className={["markdown", className ?? ""].filter(Boolean).join(" ")}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm, remarkMentions, [remarkHeadingLevels, { start: headingLevel }]]}
        components={components}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
