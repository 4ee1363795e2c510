import MarkdownIt, { type Token } from "markdown-it";

// Parsed as the web shows it (react-markdown with GitHub's extensions): raw HTML is text, and
// bare `https://…` and `www.…` become links. linkify-it's "fuzzy" links (a bare `example.com`)
// are not links on the page, so they are dropped below; addresses (mailto) are not counted.
const markdown = new MarkdownIt({ html: false, linkify: true });
markdown.linkify.set({ fuzzyLink: true, fuzzyEmail: false });

const WEB_LINK = /^(https?:)?\/\//i;
const AUTOLINKED_AS_ON_THE_PAGE = /^(https?:\/\/|www\.)/i;

/**
 * The links to other sites a post's Markdown shows: `[text](https://…)`, `<https://…>`, bare
 * `https://…` and `www.…`, and images (the web shows an image as a link to it). Links inside
 * Pratica (`/t/…`) and code spans are not counted: a new member may point to a thread freely.
 */
export function countWebLinks(source: string): number {
  let count = 0;
  const walk = (tokens: Token[]) => {
    for (const [i, token] of tokens.entries()) {
      if (token.type === "link_open") {
        const href = String(token.attrGet("href") ?? "");
        const shown = token.markup === "linkify" ? String(tokens[i + 1]?.content ?? "") : href;
        if (WEB_LINK.test(href) && (token.markup !== "linkify" || AUTOLINKED_AS_ON_THE_PAGE.test(shown))) count++;
      } else if (token.type === "image" && WEB_LINK.test(String(token.attrGet("src") ?? ""))) {
        count++;
      }
      if (token.children) walk(token.children);
    }
  };
  walk(markdown.parse(source, {}));
  return count;
}
