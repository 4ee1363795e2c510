import { QUOTE_MAX } from "@pratica/rules";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The passage of a section's Markdown source that the reader selected in its rendered text.
 * The api takes a quote only if it is an exact substring of the source, so the selection is
 * looked up in it: as it is, then letting Markdown's marks (emphasis, list bullets, quotes)
 * sit between the words. Null when it cannot be found or is too long.
 */
export function quoteFromSelection(selected: string, body: string): string | null {
  const text = selected.replace(/\s+/gu, " ").trim();
  if (!text || text.length > QUOTE_MAX) return null;
  if (body.includes(text)) return text;
  const trimmed = selected.trim();
  if (body.includes(trimmed)) return trimmed;
  const pattern = [...text].map((ch) => (ch === " " ? "[\\s>*+#-]+" : escapeRegExp(ch))).join("[*_`~]*");
  try {
    const match = new RegExp(pattern, "u").exec(body);
    return match && match[0].length <= QUOTE_MAX ? match[0] : null;
  } catch {
    return null;
  }
}
