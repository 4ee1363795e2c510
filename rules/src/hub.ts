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
