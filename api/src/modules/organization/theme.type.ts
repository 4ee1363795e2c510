import { THEMES } from "@pratica/rules";
import type { Locale } from "../../core/context.js";
import { Theme } from "./vocabulary.type.js";

// One GraphQL "Theme" type for every module (merge of the applications and observatory branches):
// the class lives in vocabulary.type.ts; the observatory builds its values with `themeOf`.
export { Theme };

const BY_KEY = new Map<string, (typeof THEMES)[number]>(THEMES.map((t) => [t.key, t]));

/** The theme of that key (its `name` is resolved in the caller's language by ThemeResolver). */
export function themeOf(key: string, locale: Locale): (Theme & { name: string }) | undefined {
  const theme = BY_KEY.get(key);
  if (!theme) return undefined;
  return { key: theme.key, name: locale === "it" ? theme.it : theme.en, nameEn: theme.en, nameIt: theme.it };
}
