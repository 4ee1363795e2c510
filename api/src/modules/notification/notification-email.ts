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
  mutes: "THREAD" | "COMMUNITY" | "DELIVERABLE" | "EMAIL";
  preferencesUrl: string;
  unsubscribeUrl: string;
};

type Kind = NotificationRow["kind"];
type EcosystemKind = Extract<
  Kind,
  | "APPLICATION_SUBMITTED"
  | "APPLICATION_UPDATED"
  | "APPLICATION_DECIDED"
  | "ORGANIZATION_WITHDRAWN"
  | "FUNDING_CALL_CLOSING"
  | "PARTNER_INTEREST"
  | "PARTNER_INTEREST_DECIDED"
  | "SUPPLIER_MATCHED"
  | "SUPPLIER_ANSWERED"
  | "BUYER_REQUEST_DECIDED"
  | "CERTIFICATION_DECIDED"
>;
type Words = {
  subject: (m: NotificationMail) => string;
  heading: Record<Kind, (m: NotificationMail) => string>;
  open: Record<Kind, string>;
  why: Record<NotificationMail["mutes"], string>;
  /** Ecosystem news: why this reader is told (they are not told because of a watch level). */
  whyEcosystem: Record<EcosystemKind, string>;
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
    // Moderation: the excerpt is the case's own words (the content, the message to the author,
    // the appeal), shown below the heading; the heading never repeats it.
    CASE_OPENED: (m) => `New report to review in ${m.community}`,
    REPORT_OUTCOME: (m) => `The moderators of ${m.community} reviewed your report`,
    MODERATION_ACTION: (m) => `The moderators of ${m.community} acted on your content`,
    APPEAL_OPENED: (m) => `${m.actor} appealed a moderation decision in ${m.community}`,
    APPEAL_DECIDED: (m) => `Your appeal in ${m.community} was decided`,
    CASE_MESSAGE: (m) => `${m.actor} wrote to you about a moderation case in ${m.community}`,
    // The ecosystem: the title is the organisation's name; the excerpt the message or reason.
    APPLICATION_SUBMITTED: (m) => `${m.actor} applied for “${m.title}” to join the memorandum`,
    APPLICATION_UPDATED: (m) => `${m.actor} updated the application of “${m.title}”`,
    APPLICATION_DECIDED: (m) => `The platform team reviewed the application of “${m.title}”`,
    ORGANIZATION_WITHDRAWN: (m) => `“${m.title}” withdrew from the memorandum`,
    // Decisions and events: the title is the decision's or the event's; the excerpt says more.
    DECISION_OPENED: (m) => `A decision is open for your vote in ${m.community}: “${m.title}”`,
    DECISION_REMINDER: (m) => `“${m.title}” closes soon and you have not voted yet`,
    DECISION_OUTCOME: (m) => `The outcome of “${m.title}” is published`,
    EVENT_SEAT_OFFERED: (m) => `A seat is free for you at “${m.title}”: claim it`,
    EVENT_REGISTRATION: (m) => `Your registration for “${m.title}” changed`,
    EVENT_CHANGED: (m) => `“${m.title}” changed`,
    EVENT_CANCELLED: (m) => `“${m.title}” is cancelled`,
    EVENT_REMINDER: (m) => `“${m.title}” is tomorrow`,
    // The HUB and Buy Social: the title is the call's or the request's (the organisation's for a
    // certification); the excerpt names the organisation or quotes the message.
    FUNDING_CALL_CLOSING: (m) => `“${m.title}” closes in 14 days`,
    PARTNER_INTEREST: (m) => `${m.actor} is interested in your partner search for “${m.title}”`,
    PARTNER_INTEREST_DECIDED: (m) => `Your interest in the partner search for “${m.title}” was answered`,
    SUPPLIER_MATCHED: (m) => `A buyer is looking for what you supply: “${m.title}”`,
    SUPPLIER_ANSWERED: (m) => `${m.actor} answered your request “${m.title}”`,
    BUYER_REQUEST_DECIDED: (m) => `The buyer decided on “${m.title}”`,
    CERTIFICATION_DECIDED: (m) => `The platform team reviewed a certification of “${m.title}”`,
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
    APPLICATION_SUBMITTED: "Review the application",
    APPLICATION_UPDATED: "Review the application",
    APPLICATION_DECIDED: "See the application",
    ORGANIZATION_WITHDRAWN: "Open the organisation",
    DECISION_OPENED: "Vote",
    DECISION_REMINDER: "Vote",
    DECISION_OUTCOME: "Read the outcome",
    EVENT_SEAT_OFFERED: "Claim the seat",
    EVENT_REGISTRATION: "Open the event",
    EVENT_CHANGED: "Open the event",
    EVENT_CANCELLED: "Open the event",
    EVENT_REMINDER: "Open the event",
    FUNDING_CALL_CLOSING: "Open the call",
    PARTNER_INTEREST: "See the interest",
    PARTNER_INTEREST_DECIDED: "Open the partner search",
    SUPPLIER_MATCHED: "Open the request",
    SUPPLIER_ANSWERED: "Read the answer",
    BUYER_REQUEST_DECIDED: "Open the request",
    CERTIFICATION_DECIDED: "See the certification",
  },
  why: {
    THREAD: "You receive this because of your notification settings for this thread.",
    COMMUNITY: "You receive this because of your notification settings for this community.",
    DELIVERABLE: "You receive this because of your notification settings for this document.",
    EMAIL: "You receive this because it concerns a moderation case you take part in; watch levels do not silence it.",
  },
  whyEcosystem: {
    APPLICATION_SUBMITTED:
      "You receive this because you are a platform admin: applications to join the memorandum await your review.",
    APPLICATION_UPDATED:
      "You receive this because you are a platform admin: applications to join the memorandum await your review.",
    APPLICATION_DECIDED:
      "You receive this because it concerns an application to join the memorandum that you sent, or the organisation you represent.",
    ORGANIZATION_WITHDRAWN:
      "You receive this because you are a platform admin or a representative of this organisation.",
    FUNDING_CALL_CLOSING: "You receive this because you follow this funding call.",
    PARTNER_INTEREST: "You receive this because you represent the organisation that published this partner search.",
    PARTNER_INTEREST_DECIDED:
      "You receive this because you expressed interest in this partner search for your organisation.",
    SUPPLIER_MATCHED: "You receive this because you represent a supplier whose profile matches this request.",
    SUPPLIER_ANSWERED: "You receive this because you represent the buyer that published this request.",
    BUYER_REQUEST_DECIDED: "You receive this because your organisation answered this request.",
    CERTIFICATION_DECIDED: "You receive this because you represent this organisation.",
  },
  preferences: "Notification preferences",
  unsubscribe: {
    THREAD: "Mute this thread",
    COMMUNITY: "Mute this community",
    DELIVERABLE: "Mute this document",
    EMAIL: "Stop notification emails",
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
    CASE_OPENED: (m) => `Nuova segnalazione da esaminare in ${m.community}`,
    REPORT_OUTCOME: (m) => `I moderatori di ${m.community} hanno esaminato la tua segnalazione`,
    MODERATION_ACTION: (m) => `I moderatori di ${m.community} sono intervenuti su un tuo contenuto`,
    APPEAL_OPENED: (m) => `${m.actor} ha presentato ricorso contro una decisione di moderazione in ${m.community}`,
    APPEAL_DECIDED: (m) => `Il tuo ricorso in ${m.community} è stato deciso`,
    CASE_MESSAGE: (m) => `${m.actor} ti ha scritto su un caso di moderazione in ${m.community}`,
    APPLICATION_SUBMITTED: (m) => `${m.actor} ha chiesto l'adesione di «${m.title}» al protocollo d'intesa`,
    APPLICATION_UPDATED: (m) => `${m.actor} ha aggiornato la domanda di adesione di «${m.title}»`,
    APPLICATION_DECIDED: (m) => `Il team della piattaforma ha esaminato la domanda di adesione di «${m.title}»`,
    ORGANIZATION_WITHDRAWN: (m) => `«${m.title}» ha lasciato il protocollo d'intesa`,
    DECISION_OPENED: (m) => `Una decisione attende il tuo voto in ${m.community}: «${m.title}»`,
    DECISION_REMINDER: (m) => `«${m.title}» si chiude presto e non hai ancora votato`,
    DECISION_OUTCOME: (m) => `È pubblicato l'esito di «${m.title}»`,
    EVENT_SEAT_OFFERED: (m) => `Si è liberato un posto per te a «${m.title}»: prenotalo`,
    EVENT_REGISTRATION: (m) => `La tua iscrizione a «${m.title}» è cambiata`,
    EVENT_CHANGED: (m) => `«${m.title}» è cambiato`,
    EVENT_CANCELLED: (m) => `«${m.title}» è annullato`,
    EVENT_REMINDER: (m) => `«${m.title}» è domani`,
    FUNDING_CALL_CLOSING: (m) => `«${m.title}» si chiude tra 14 giorni`,
    PARTNER_INTEREST: (m) => `${m.actor} è interessato alla tua ricerca partner per «${m.title}»`,
    PARTNER_INTEREST_DECIDED: (m) => `Ha avuto risposta il tuo interesse per la ricerca partner su «${m.title}»`,
    SUPPLIER_MATCHED: (m) => `Un acquirente cerca ciò che fornisci: «${m.title}»`,
    SUPPLIER_ANSWERED: (m) => `${m.actor} ha risposto alla tua richiesta «${m.title}»`,
    BUYER_REQUEST_DECIDED: (m) => `L'acquirente ha deciso su «${m.title}»`,
    CERTIFICATION_DECIDED: (m) => `Il team della piattaforma ha esaminato una certificazione di «${m.title}»`,
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
    APPLICATION_SUBMITTED: "Esamina la domanda",
    APPLICATION_UPDATED: "Esamina la domanda",
    APPLICATION_DECIDED: "Vedi la domanda",
    ORGANIZATION_WITHDRAWN: "Apri l'organizzazione",
    DECISION_OPENED: "Vota",
    DECISION_REMINDER: "Vota",
    DECISION_OUTCOME: "Leggi l'esito",
    EVENT_SEAT_OFFERED: "Prendi il posto",
    EVENT_REGISTRATION: "Apri l'evento",
    EVENT_CHANGED: "Apri l'evento",
    EVENT_CANCELLED: "Apri l'evento",
    EVENT_REMINDER: "Apri l'evento",
    FUNDING_CALL_CLOSING: "Apri il bando",
    PARTNER_INTEREST: "Vedi l'interesse",
    PARTNER_INTEREST_DECIDED: "Apri la ricerca partner",
    SUPPLIER_MATCHED: "Apri la richiesta",
    SUPPLIER_ANSWERED: "Leggi la risposta",
    BUYER_REQUEST_DECIDED: "Apri la richiesta",
    CERTIFICATION_DECIDED: "Vedi la certificazione",
  },
  why: {
    THREAD: "Ricevi questa email per le tue impostazioni di notifica su questa discussione.",
    COMMUNITY: "Ricevi questa email per le tue impostazioni di notifica su questa comunità.",
    DELIVERABLE: "Ricevi questa email per le tue impostazioni di notifica su questo documento.",
    EMAIL:
      "Ricevi questa email perché riguarda un caso di moderazione che ti coinvolge; i livelli di notifica non la silenziano.",
  },
  whyEcosystem: {
    APPLICATION_SUBMITTED:
      "Ricevi questa email perché amministri la piattaforma: le domande di adesione al protocollo d'intesa attendono il tuo esame.",
    APPLICATION_UPDATED:
      "Ricevi questa email perché amministri la piattaforma: le domande di adesione al protocollo d'intesa attendono il tuo esame.",
    APPLICATION_DECIDED:
      "Ricevi questa email perché riguarda una domanda di adesione al protocollo d'intesa che hai inviato, o l'organizzazione che rappresenti.",
    ORGANIZATION_WITHDRAWN: "Ricevi questa email perché amministri la piattaforma o rappresenti questa organizzazione.",
    FUNDING_CALL_CLOSING: "Ricevi questa email perché segui questo bando.",
    PARTNER_INTEREST:
      "Ricevi questa email perché rappresenti l'organizzazione che ha pubblicato questa ricerca partner.",
    PARTNER_INTEREST_DECIDED:
      "Ricevi questa email perché hai manifestato interesse per questa ricerca partner a nome della tua organizzazione.",
    SUPPLIER_MATCHED:
      "Ricevi questa email perché rappresenti un fornitore il cui profilo corrisponde a questa richiesta.",
    SUPPLIER_ANSWERED: "Ricevi questa email perché rappresenti l'acquirente che ha pubblicato questa richiesta.",
    BUYER_REQUEST_DECIDED: "Ricevi questa email perché la tua organizzazione ha risposto a questa richiesta.",
    CERTIFICATION_DECIDED: "Ricevi questa email perché rappresenti questa organizzazione.",
  },
  preferences: "Preferenze di notifica",
  unsubscribe: {
    THREAD: "Silenzia questa discussione",
    COMMUNITY: "Silenzia questa comunità",
    DELIVERABLE: "Silenzia questo documento",
    EMAIL: "Non ricevere più email di notifica",
  },
};

export const NOTIFICATION_WORDS: Record<Locale, Words> = { it, en };

/** The moderation kinds: their subject is their heading (their excerpt is a message, not a title). */
const MODERATION: ReadonlySet<Kind> = new Set([
  "CASE_OPENED",
  "REPORT_OUTCOME",
  "MODERATION_ACTION",
  "APPEAL_OPENED",
  "APPEAL_DECIDED",
  "CASE_MESSAGE",
]);

/** Ecosystem news (the HUB's and Buy Social's too): its subject is its heading (the title alone would not say what happened). */
const ECOSYSTEM: ReadonlySet<Kind> = new Set([
  "APPLICATION_SUBMITTED",
  "APPLICATION_UPDATED",
  "APPLICATION_DECIDED",
  "ORGANIZATION_WITHDRAWN",
  "FUNDING_CALL_CLOSING",
  "PARTNER_INTEREST",
  "PARTNER_INTEREST_DECIDED",
  "SUPPLIER_MATCHED",
  "SUPPLIER_ANSWERED",
  "BUYER_REQUEST_DECIDED",
  "CERTIFICATION_DECIDED",
]);
const isEcosystem = (kind: Kind): kind is EcosystemKind => ECOSYSTEM.has(kind);

/** One notification as an email, in the recipient's language. */
export function notificationEmail(locale: Locale, m: NotificationMail): EmailContent {
  const w = NOTIFICATION_WORDS[locale];
  return {
    locale,
    subject: MODERATION.has(m.kind) || isEcosystem(m.kind) ? `[${m.community}] ${w.heading[m.kind](m)}` : w.subject(m),
    heading: w.heading[m.kind](m),
    paragraphs: m.excerpt ? [m.excerpt] : [],
    action: { label: w.open[m.kind], url: m.url },
    notes: [isEcosystem(m.kind) ? w.whyEcosystem[m.kind] : w.why[m.mutes]],
    footerLinks: [
      { label: w.preferences, url: m.preferencesUrl },
      { label: w.unsubscribe[m.mutes], url: m.unsubscribeUrl },
    ],
  };
}
