import type { NotificationRow } from "@pratica/db";
import type { Locale } from "../../core/context.js";
import type { EmailContent } from "../mail/email-layout.js";

/** What one notification email says, with everything already looked up (names, titles, links). */
export type NotificationMail = {
  kind: NotificationRow["kind"];
  actor: string;
  community: string;
  /** The thread's, document's or proposal's title. */
  title: string;
  excerpt: string;
  url: string;
  /** What the unsubscribe link mutes, to say so in the email. */
  mutes: "THREAD" | "COMMUNITY" | "DELIVERABLE";
  preferencesUrl: string;
  unsubscribeUrl: string;
};

type Kind = NotificationRow["kind"];
type Words = {
  subject: (m: NotificationMail) => string;
  heading: Record<Kind, (m: NotificationMail) => string>;
  open: Record<Kind, string>;
  why: Record<NotificationMail["mutes"], string>;
  preferences: string;
  unsubscribe: Record<NotificationMail["mutes"], string>;
};

const en: Words = {
  subject: (m) => `[${m.community}] ${m.title}`,
  heading: {
    REPLY_TO_THREAD: (m) => `${m.actor} replied in “${m.title}”`,
    REPLY_TO_POST: (m) => `${m.actor} replied to your post in “${m.title}”`,
    MENTION: (m) => `${m.actor} mentioned you in “${m.title}”`,
    NEW_THREAD: (m) => `${m.actor} started “${m.title}” in ${m.community}`,
    RESOURCE_DECIDED: (m) => `The curators reviewed your proposal “${m.title}”`,
    AMENDMENT_PROPOSED: (m) => `${m.actor} proposed an amendment to “${m.title}”`,
    AMENDMENT_DECIDED: (m) => `${m.actor} decided on an amendment to “${m.title}”`,
    CASE_OPENED: (m) => `New report to review in ${m.community}: “${m.title}”`,
    REPORT_OUTCOME: (m) => `The moderators reviewed your report on “${m.title}”`,
    MODERATION_ACTION: (m) => `The moderators acted on your content “${m.title}”`,
    APPEAL_OPENED: (m) => `${m.actor} appealed a moderation decision on “${m.title}”`,
    APPEAL_DECIDED: (m) => `Your appeal on “${m.title}” was decided`,
    CASE_MESSAGE: (m) => `${m.actor} wrote about the moderation of “${m.title}”`,
  },
  open: {
    REPLY_TO_THREAD: "Read the reply",
    REPLY_TO_POST: "Read the reply",
    MENTION: "Read the post",
    NEW_THREAD: "Open the thread",
    RESOURCE_DECIDED: "Open the proposal",
    AMENDMENT_PROPOSED: "Open the document",
    AMENDMENT_DECIDED: "Open the document",
    CASE_OPENED: "Review the case",
    REPORT_OUTCOME: "See the outcome",
    MODERATION_ACTION: "See why",
    APPEAL_OPENED: "Review the appeal",
    APPEAL_DECIDED: "See the decision",
    CASE_MESSAGE: "Read the message",
  },
  why: {
    THREAD: "You receive this because of your notification settings for this thread.",
    COMMUNITY: "You receive this because of your notification settings for this community.",
    DELIVERABLE: "You receive this because of your notification settings for this document.",
  },
  preferences: "Notification preferences",
  unsubscribe: {
    THREAD: "Mute this thread",
    COMMUNITY: "Mute this community",
    DELIVERABLE: "Mute this document",
  },
};

const it: Words = {
  subject: (m) => `[${m.community}] ${m.title}`,
  heading: {
    REPLY_TO_THREAD: (m) => `${m.actor} ha risposto in «${m.title}»`,
    REPLY_TO_POST: (m) => `${m.actor} ha risposto a un tuo messaggio in «${m.title}»`,
    MENTION: (m) => `${m.actor} ti ha menzionato in «${m.title}»`,
    NEW_THREAD: (m) => `${m.actor} ha aperto «${m.title}» in ${m.community}`,
    RESOURCE_DECIDED: (m) => `I curatori hanno esaminato la tua proposta «${m.title}»`,
    AMENDMENT_PROPOSED: (m) => `${m.actor} ha proposto un emendamento a «${m.title}»`,
    AMENDMENT_DECIDED: (m) => `${m.actor} ha deciso su un emendamento a «${m.title}»`,
    CASE_OPENED: (m) => `Nuova segnalazione da esaminare in ${m.community}: «${m.title}»`,
    REPORT_OUTCOME: (m) => `I moderatori hanno esaminato la tua segnalazione su «${m.title}»`,
    MODERATION_ACTION: (m) => `I moderatori sono intervenuti sul tuo contenuto «${m.title}»`,
    APPEAL_OPENED: (m) => `${m.actor} ha presentato ricorso su una decisione di moderazione su «${m.title}»`,
    APPEAL_DECIDED: (m) => `Il tuo ricorso su «${m.title}» è stato deciso`,
    CASE_MESSAGE: (m) => `${m.actor} ha scritto sulla moderazione di «${m.title}»`,
  },
  open: {
    REPLY_TO_THREAD: "Leggi la risposta",
    REPLY_TO_POST: "Leggi la risposta",
    MENTION: "Leggi il messaggio",
    NEW_THREAD: "Apri la discussione",
    RESOURCE_DECIDED: "Apri la proposta",
    AMENDMENT_PROPOSED: "Apri il documento",
    AMENDMENT_DECIDED: "Apri il documento",
    CASE_OPENED: "Esamina il caso",
    REPORT_OUTCOME: "Vedi l'esito",
    MODERATION_ACTION: "Vedi il motivo",
    APPEAL_OPENED: "Esamina il ricorso",
    APPEAL_DECIDED: "Vedi la decisione",
    CASE_MESSAGE: "Leggi il messaggio",
  },
  why: {
    THREAD: "Ricevi questa email per le tue impostazioni di notifica su questa discussione.",
    COMMUNITY: "Ricevi questa email per le tue impostazioni di notifica su questa comunità.",
    DELIVERABLE: "Ricevi questa email per le tue impostazioni di notifica su questo documento.",
  },
  preferences: "Preferenze di notifica",
  unsubscribe: {
    THREAD: "Silenzia questa discussione",
    COMMUNITY: "Silenzia questa comunità",
    DELIVERABLE: "Silenzia questo documento",
  },
};

export const NOTIFICATION_WORDS: Record<Locale, Words> = { it, en };

/** One notification as an email, in the recipient's language. */
export function notificationEmail(locale: Locale, m: NotificationMail): EmailContent {
  const w = NOTIFICATION_WORDS[locale];
  return {
    locale,
    subject: w.subject(m),
    heading: w.heading[m.kind](m),
    paragraphs: m.excerpt ? [m.excerpt] : [],
    action: { label: w.open[m.kind], url: m.url },
    notes: [w.why[m.mutes]],
    footerLinks: [
      { label: w.preferences, url: m.preferencesUrl },
      { label: w.unsubscribe[m.mutes], url: m.unsubscribeUrl },
    ],
  };
}
