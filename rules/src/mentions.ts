/** A handle's length after the `@`: handles are made from display names (db/src/handle.ts). */
export const HANDLE_MIN = 2;
export const HANDLE_MAX = 40;

/** What may come before the `@` (group 1). */
const LEAD = "(^|[^\\p{L}\\p{N}_@/])";

/**
 * An `@handle` mention: lowercase ASCII letters, digits, `_` and `-`, starting with a letter or
 * digit. The `@` must not follow a letter, digit, `_`, `@` or `/`, so emails and paths like
 * `a@b.org` or `/@x` are not mentions; `\b` refuses a handle cut off by a longer word. Group 1
 * is what came before the `@`, group 2 the handle. Global: use it with `matchAll`, not `test`.
 * Code spans are the caller's business: the api strips them from Markdown, the web skips code
 * nodes of the parsed tree.
 */
export const MENTION = new RegExp(`${LEAD}@([a-z0-9][a-z0-9_-]{${HANDLE_MIN - 1},${HANDLE_MAX - 1}})\\b`, "gu");

/**
 * A mention being typed at the end of the text (the web suggests members from it): the same lead
 * and characters, from one character on and in any case, so suggestions show while typing.
 */
export const MENTION_BEING_TYPED = new RegExp(`${LEAD}@([a-z0-9][a-z0-9_-]{0,${HANDLE_MAX - 1}})$`, "iu");

export interface Mention {
  handle: string;
  /** Where the `@` is. */
  start: number;
  /** Just after the handle. */
  end: number;
}

/** The mentions in plain text (not Markdown: strip or skip code first), in order. */
export function findMentions(text: string): Mention[] {
  const found: Mention[] = [];
  for (const match of text.matchAll(MENTION)) {
    const handle = match[2];
    if (!handle) continue;
    const start = match.index + (match[1] ?? "").length;
    found.push({ handle, start, end: start + 1 + handle.length });
  }
  return found;
}
