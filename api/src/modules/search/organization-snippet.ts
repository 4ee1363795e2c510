import type { OrganizationRow } from "@pratica/db";
import type { Locale } from "../../core/context.js";
import { localized } from "../../core/localized.js";
import { MARK_END, MARK_START } from "./search.service.js";

/** The mark of a former partner, first in its snippet (the directory's `isFormerPartner` says it too). */
export const FORMER_PARTNER: Record<Locale, string> = { en: "Former partner", it: "Ex partner" };

/**
 * The user's words as organisations' names are matched: web-search syntax (quotes, a leading
 * minus) taken out, spaces collapsed. Names are not documents: "-word" or a phrase mean nothing there.
 */
export function organizationWords(text: string): string {
  return text
    .replace(/"/g, " ")
    .replace(/(^|\s)-+/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * An organisation's snippet: its name in the caller's language, the other language's after a
 * dash when it differs, the words that begin with one of the user's words marked (U+E000…U+E001,
 * as every snippet); a former partner's starts with the mark of one. A name found through a
 * typo has nothing marked.
 */
export function organizationSnippet(o: OrganizationRow, words: string, locale: Locale): string {
  const first = localized(locale, { en: o.name, it: o.nameIt }) ?? o.slug;
  const other = localized(locale === "it" ? "en" : "it", { en: o.name, it: o.nameIt });
  const names = other && other !== first ? `${first} — ${other}` : first;
  const typed = organizationWords(words).split(" ").map(fold).filter(Boolean);
  const marked = names.replace(/[\p{L}\p{N}]+/gu, (word) =>
    typed.some((t) => fold(word).startsWith(t)) ? `${MARK_START}${word}${MARK_END}` : word,
  );
  return o.withdrawnOn ? `${FORMER_PARTNER[locale]} · ${marked}` : marked;
}
