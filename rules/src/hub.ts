/** Limits and vocabularies of the HUB for European projects (issue 18, docs/hub.md). */

/**
 * Programme keys, derived from a call's identifier by its first segment (api hub/programme.ts);
 * UNKNOWN when none fits. Names for people are in the web's and the emails' translations.
 */
export const PROGRAMMES = [
  "HORIZON",
  "ESF_PLUS",
  "ERASMUS_PLUS",
  "CERV",
  "INTERREG",
  "LIFE",
  "CREATIVE_EUROPE",
  "DIGITAL",
  "SMP",
  "AMIF",
  "EU4HEALTH",
  "EUSPA",
  "OTHER",
  "UNKNOWN",
] as const;
export type Programme = (typeof PROGRAMMES)[number];

/** An import or upload larger than this is refused before it is read. */
export const FUNDING_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Followers of a call are reminded this many days before its deadline. */
export const CALL_CLOSING_REMINDER_DAYS = 14;

export const PARTNER_SEARCH_EXPERTISE_MAX = 2_000;
export const PARTNER_SEARCH_DESCRIPTION_MAX = 10_000;
export const PARTNER_SEARCH_COUNTRIES_MAX = 40;
export const PARTNER_INTEREST_MESSAGE_MAX = 4_000;

/**
 * The countries a partner search may name (ISO 3166-1 alpha-2, upper case; "EL" is not used, Greece
 * is "GR"): the EU's 27 member states, the EEA's, and the countries associated to its programmes
 * (Horizon Europe, Erasmus+, CERV, Creative Europe) in 2026, plus the United Kingdom and Switzerland.
 * Names for people come from `Intl.DisplayNames` on the web, so no list of names ships here.
 */
// biome-ignore format: two-letter codes read better in rows
export const EU_AND_ASSOCIATED_COUNTRIES = [
  // EU member states
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
  "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
  // EEA and associated countries
  "IS", "LI", "NO", "CH", "GB", "AL", "AM", "BA", "FO", "GE", "IL", "XK", "MD", "ME", "MK", "RS", "TN", "TR",
  "UA", "NZ", "CA", "KR", "EG", "JP",
] as const;
