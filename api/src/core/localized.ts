import type { Locale } from "./context.js";

/** A text kept in both languages: `en` is the table's plain column (`name`), `it` its `…It` twin. */
export type BothLanguages = { en: string | null; it: string | null };

/**
 * The one rule for names and descriptions kept in both languages: the caller's language, or the
 * other one when that is empty (an organisation entered in Italian only still shows a name in
 * English). Null only when both are empty.
 */
export function localized(locale: Locale, text: BothLanguages): string | null {
  const [first, second] = locale === "it" ? [text.it, text.en] : [text.en, text.it];
  if (first?.trim()) return first;
  if (second?.trim()) return second;
  return null;
}
