import type { Locale } from "../../core/context.js";
import type { EmailContent } from "../mail/email-layout.js";

/** Who is invited to what, as the email tells it. */
export type InvitationLetter =
  | { kind: "REPRESENTATIVE"; organizationName: string; inviterName: string | null; url: string; days: number }
  | { kind: "MEMBER"; organizationName: string; inviterName: string | null; url: string; days: number }
  | { kind: "ADMIN"; inviterName: string | null; url: string; days: number };

/** The invitation email in the invitee's language (chosen by the inviter; Italian by default). */
export function invitationEmail(locale: Locale, letter: InvitationLetter): EmailContent {
  if (letter.kind === "MEMBER") return locale === "it" ? italianColleague(letter) : englishColleague(letter);
  return locale === "it" ? italian(letter) : english(letter);
}

type Colleague = Extract<InvitationLetter, { kind: "MEMBER" }>;

function italianColleague(l: Colleague): EmailContent {
  const by = l.inviterName ? `${l.inviterName} ti invita` : "Sei invitato o invitata";
  return {
    locale: "it",
    subject: `Invito a unirti a ${l.organizationName} su Pratica`,
    heading: `Unisciti a ${l.organizationName}`,
    paragraphs: [
      `${by} a far parte di ${l.organizationName} su Pratica, la piattaforma delle comunità di pratica dell'ecosistema dell'impatto sociale.`,
      "Come membro dell'organizzazione comparirai tra le sue persone e potrai partecipare alle comunità a suo nome.",
      "Se non hai ancora un account, aprendo il link ne crei uno con questo indirizzo; se ce l'hai già, accedi con questo indirizzo e accetta.",
    ],
    action: { label: "Accetta l'invito", url: l.url },
    notes: [
      `Il link vale ${l.days} giorni e si può usare una volta sola.`,
      "Se non ti aspettavi questo invito, ignora questa email: senza il link non succede nulla.",
    ],
  };
}

function englishColleague(l: Colleague): EmailContent {
  const by = l.inviterName ? `${l.inviterName} invites you` : "You are invited";
  return {
    locale: "en",
    subject: `Invitation to join ${l.organizationName} on Pratica`,
    heading: `Join ${l.organizationName}`,
    paragraphs: [
      `${by} to join ${l.organizationName} on Pratica, the platform of the social-impact ecosystem's communities of practice.`,
      "As a member of the organisation you are listed among its people and take part in the communities on its behalf.",
      "If you have no account yet, the link creates one with this address; if you have one, log in with this address and accept.",
    ],
    action: { label: "Accept the invitation", url: l.url },
    notes: [
      `The link works for ${l.days} days, once.`,
      "If you did not expect this invitation, ignore this email: nothing happens without the link.",
    ],
  };
}

function italian(l: Exclude<InvitationLetter, Colleague>): EmailContent {
  const by = l.inviterName ? `${l.inviterName} ti invita` : "Sei invitato o invitata";
  const what =
    l.kind === "REPRESENTATIVE"
      ? `a rappresentare ${l.organizationName} su Pratica, la piattaforma delle comunità di pratica dell'ecosistema dell'impatto sociale.`
      : "ad amministrare Pratica, la piattaforma delle comunità di pratica dell'ecosistema dell'impatto sociale.";
  const role =
    l.kind === "REPRESENTATIVE"
      ? "Come rappresentante potrai firmare i documenti condivisi a nome dell'organizzazione."
      : "Come amministratore o amministratrice potrai creare comunità e organizzazioni, invitare rappresentanti e gestire gli account.";
  return {
    locale: "it",
    subject:
      l.kind === "REPRESENTATIVE"
        ? `Invito a rappresentare ${l.organizationName} su Pratica`
        : "Invito ad amministrare Pratica",
    heading: l.kind === "REPRESENTATIVE" ? `Rappresenta ${l.organizationName}` : "Amministra Pratica",
    paragraphs: [
      `${by} ${what}`,
      role,
      "Se non hai ancora un account, aprendo il link ne crei uno con questo indirizzo; se ce l'hai già, accedi con questo indirizzo e accetta.",
    ],
    action: { label: "Accetta l'invito", url: l.url },
    notes: [
      `Il link vale ${l.days} giorni e si può usare una volta sola.`,
      "Se non ti aspettavi questo invito, ignora questa email: senza il link non succede nulla.",
    ],
  };
}

function english(l: Exclude<InvitationLetter, Colleague>): EmailContent {
  const by = l.inviterName ? `${l.inviterName} invites you` : "You are invited";
  const what =
    l.kind === "REPRESENTATIVE"
      ? `to represent ${l.organizationName} on Pratica, the platform of the social-impact ecosystem's communities of practice.`
      : "to run Pratica, the platform of the social-impact ecosystem's communities of practice, as an admin.";
  const role =
    l.kind === "REPRESENTATIVE"
      ? "As a representative you can endorse shared documents on the organisation's behalf."
      : "As an admin you can create communities and organisations, invite representatives and look after accounts.";
  return {
    locale: "en",
    subject:
      l.kind === "REPRESENTATIVE"
        ? `Invitation to represent ${l.organizationName} on Pratica`
        : "Invitation to run Pratica as an admin",
    heading: l.kind === "REPRESENTATIVE" ? `Represent ${l.organizationName}` : "Run Pratica",
    paragraphs: [
      `${by} ${what}`,
      role,
      "If you have no account yet, the link creates one with this address; if you have one, log in with this address and accept.",
    ],
    action: { label: "Accept the invitation", url: l.url },
    notes: [
      `The link works for ${l.days} days, once.`,
      "If you did not expect this invitation, ignore this email: nothing happens without the link.",
    ],
  };
}
