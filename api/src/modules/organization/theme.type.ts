import { THEMES } from "@pratica/rules";
import type { Locale } from "../../core/context.js";
import { Theme } from "../partners/partners.type.js";

// One GraphQL "Theme" type for every module (merge of the observatory branch with the partners
// and applications ones): the class is the partners module's; the observatory builds its values here.
export { Theme };

const BY_KEY = new Map<string, (typeof THEMES)[number]>(THEMES.map((t) => [t.key, t]));

/** The theme of that key in the caller's language; undefined for a key outside the vocabulary. */
export function themeOf(key: string, locale: Locale): Theme | undefined {
  const theme = BY_KEY.get(key);
  if (!theme) return undefined;
  return { key: theme.key, name: locale === "it" ? theme.it : theme.en, nameEn: theme.en, nameIt: theme.it };
}
