/**
 * The countries a partner search may name: the EU's, the EEA's and those associated with or
 * candidates to its programmes (ISO 3166-1 alpha-2, as the api stores them). Names come from the
 * browser's Intl.DisplayNames in the reader's language, so no list of names is shipped.
 */
export const SEARCH_COUNTRIES = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
  "IS",
  "LI",
  "NO",
  "CH",
  "GB",
  "AL",
  "BA",
  "ME",
  "MK",
  "RS",
  "TR",
  "UA",
  "MD",
  "GE",
  "AM",
  "IL",
  "TN",
] as const;

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
  return SEARCH_COUNTRIES.map((code) => ({ code, name: countryName(code, language) })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}
