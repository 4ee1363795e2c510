import { SDGS, THEMES } from "@pratica/rules";
import type { Locale } from "../../core/context.js";
import type { Sdg, Theme } from "./partners.type.js";

const themeByKey = new Map<string, (typeof THEMES)[number]>(THEMES.map((t) => [t.key, t]));
const sdgByNumber = new Map<number, (typeof SDGS)[number]>(SDGS.map((s) => [s.n, s]));

/** A theme as the api shows it; a key no longer in the vocabulary is left out (null). */
export function themeOf(key: string, locale: Locale): Theme | null {
  const t = themeByKey.get(key);
  return t ? { key: t.key, name: locale === "it" ? t.it : t.en, nameEn: t.en, nameIt: t.it } : null;
}

export function sdgOf(n: number, locale: Locale): Sdg | null {
  const s = sdgByNumber.get(n);
  return s ? { number: s.n, name: locale === "it" ? s.it : s.en } : null;
}

export const themesOf = (keys: readonly string[], locale: Locale): Theme[] =>
  keys.flatMap((k) => themeOf(k, locale) ?? []);

export const sdgsOf = (numbers: readonly number[], locale: Locale): Sdg[] =>
  [...numbers].sort((a, b) => a - b).flatMap((n) => sdgOf(n, locale) ?? []);

export const allThemes = (locale: Locale): Theme[] =>
  themesOf(
    THEMES.map((t) => t.key),
    locale,
  );
export const allSdgs = (locale: Locale): Sdg[] =>
  sdgsOf(
    SDGS.map((s) => s.n),
    locale,
  );
