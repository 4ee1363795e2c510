import type { DeliverableRow, OrganizationRow, SectionRow } from "@pratica/db";
import MarkdownIt from "markdown-it";

export type ExportedDocument = {
  deliverable: DeliverableRow;
  sections: SectionRow[];
  authors: OrganizationRow[];
  signatories: { organization: OrganizationRow; statement: string | null; signedAt: Date }[];
};

// Raw HTML in the text stays text: user input never reaches a reader's browser as markup.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });
// Table alignment as a class rather than markdown-it's style="text-align:…": the print page's
// CSP allows its one stylesheet and no style attributes.
markdown.core.ruler.push("alignment_classes", (state) => {
  for (const token of state.tokens) {
    const align = String(token.attrGet("style") ?? "").match(/^text-align:(left|center|right)$/)?.[1];
    if (!align) continue;
    token.attrs = token.attrs?.filter(([name]) => name !== "style") ?? null;
    token.attrJoin("class", `align-${align}`);
  }
});

/** The print page's only styles, inline so the saved page stands alone; its CSP allows them by hash. */
export const PRINT_STYLESHEET = `
  body { font: 16px/1.5 Georgia, "Times New Roman", serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
  h1 { font-size: 2rem; line-height: 1.2; margin-bottom: .25rem; }
  h2 { font-size: 1.3rem; margin-top: 2rem; break-after: avoid; }
  .summary { font-size: 1.1rem; } .authors, .status { color: #444; }
  .signatories li { margin-bottom: .5rem; } blockquote { margin: .25rem 0 0 1rem; font-style: italic; }
  .align-left { text-align: left; } .align-center { text-align: center; } .align-right { text-align: right; }
  @page { margin: 2cm; }
  @media print { body { margin: 0; max-width: none; } a { color: inherit; } section { break-inside: auto; } }
`;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The current text as one Markdown document: title, summary, sections, co-authors, signatories. */
export function toMarkdown({ deliverable, sections, authors, signatories }: ExportedDocument): string {
  const parts = [`# ${deliverable.title}`];
  if (deliverable.summary) parts.push(deliverable.summary);
  if (authors.length) parts.push(`*${authors.map((o) => o.name).join(" · ")}*`);
  for (const s of sections) parts.push(`## ${s.heading}`, s.body.trim());
  if (signatories.length) {
    parts.push("## Signatories", signatories.map((s) => `- ${s.organization.name} (${day(s.signedAt)})`).join("\n"));
  }
  return `${parts.filter(Boolean).join("\n\n")}\n`;
}

/** A print-ready page: the browser's "print to PDF" turns it into the document. */
export function toPrintHtml(doc: ExportedDocument, lang: string): string {
  const { deliverable, sections, authors, signatories } = doc;
  const title = escapeHtml(deliverable.title);
  const body = [
    `<header><h1>${title}</h1>`,
    deliverable.summary ? `<p class="summary">${escapeHtml(deliverable.summary)}</p>` : "",
    authors.length ? `<p class="authors">${authors.map((o) => escapeHtml(o.name)).join(" · ")}</p>` : "",
    `<p class="status">${escapeHtml(deliverable.status)}${deliverable.publishedAt ? ` · ${day(deliverable.publishedAt)}` : ""}</p></header>`,
    ...sections.map((s) => `<section><h2>${escapeHtml(s.heading)}</h2>${markdown.render(s.body)}</section>`),
    signatories.length
      ? `<section class="signatories"><h2>${lang === "it" ? "Firmatari" : "Signatories"}</h2><ul>${signatories
          .map(
            (s) =>
              `<li><strong>${escapeHtml(s.organization.name)}</strong> <time>${day(s.signedAt)}</time>${
                s.statement ? `<blockquote>${escapeHtml(s.statement)}</blockquote>` : ""
              }</li>`,
          )
          .join("")}</ul></section>`
      : "",
  ].join("\n");
  return `<!doctype html>
<html lang="${lang === "it" ? "it" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${PRINT_STYLESHEET}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
