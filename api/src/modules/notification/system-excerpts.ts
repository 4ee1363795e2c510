import type { Locale } from "../../core/context.js";

/**
 * Sentences the system writes into a notification (not quoted from anyone): stored as a code in
 * `excerpt` and put into words when read, in the reader's language — the email's recipient's, the
 * web's viewer's — rather than stored in one language or as both at once.
 */
const SYSTEM_EXCERPTS = {
  "system:report-actioned": {
    en: "The moderators took action on what you reported.",
    it: "I moderatori sono intervenuti su quanto hai segnalato.",
  },
  "system:report-no-action": {
    en: "The moderators reviewed your report and took no action.",
    it: "I moderatori hanno esaminato la tua segnalazione e non sono intervenuti.",
  },
  "system:shown-again": {
    en: "The reports were reviewed: your content is shown again.",
    it: "Le segnalazioni sono state esaminate: il tuo contenuto è di nuovo visibile.",
  },
  "system:awaits-review": {
    en: "Hidden automatically after several reports; it awaits a moderator's review.",
    it: "Nascosto automaticamente dopo diverse segnalazioni; attende la revisione di un moderatore.",
  },
  "system:application-accepted": {
    en: "The application was accepted: welcome among the partners of the memorandum.",
    it: "La domanda è stata accolta: benvenuti tra i partner del protocollo d'intesa.",
  },
  "system:application-withdrawn": {
    en: "The applicant withdrew the application.",
    it: "Chi l'aveva presentata ha ritirato la domanda.",
  },
  "system:partner-interest-confirmed": {
    en: "Confirmed: your organisation is in the consortium.",
    it: "Confermato: la tua organizzazione è nel consorzio.",
  },
  "system:partner-interest-declined": {
    en: "Declined: thank you for your interest.",
    it: "Non accolto: grazie per l'interesse.",
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type SystemExcerpt = keyof typeof SYSTEM_EXCERPTS;

/** The excerpt as the reader reads it: a system code in their language, anything else as stored. */
export function excerptIn(locale: Locale, excerpt: string): string {
  return excerpt in SYSTEM_EXCERPTS ? SYSTEM_EXCERPTS[excerpt as SystemExcerpt][locale] : excerpt;
}
