import { EU_AND_ASSOCIATED_COUNTRIES } from "@pratica/rules";

/**
 * The countries a partner search may name are the api's list (rules: EU_AND_ASSOCIATED_COUNTRIES,
 * ISO 3166-1 alpha-2). Names come from the browser's Intl.DisplayNames in the reader's language,
 * so no list of names is shipped.
 */

/** A country code's name in `language` (the code itself where the browser has none). */
export function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The codes sorted by their names in `language`. */
export function sortedCountries(language: string): { code: string; name: string }[] {
  const collator = new Intl.Collator(language);
  return EU_AND_ASSOCIATED_COUNTRIES.map((code) => ({ code, name: countryName(code, language) })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}
