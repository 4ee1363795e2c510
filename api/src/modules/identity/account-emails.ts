import type { Locale } from "../../core/context.js";
import { renderEmail } from "../mail/email-layout.js";
import type { MailMessage } from "../mail/mail.service.js";

/**
 * The account emails, in Italian and English, each written once as structured content that the
 * layout renders as both parts. The recipient's language is `users.locale` (set at registration
 * from the register form's language).
 */

type Recipient = { email: string; displayName: string; locale: Locale };

export function confirmationEmail(to: Recipient, url: string): MailMessage {
  return to.locale === "it"
    ? renderEmail(to.email, {
        locale: "it",
        subject: "Conferma il tuo indirizzo email su Pratica",
        heading: `Benvenuta o benvenuto, ${to.displayName}`,
        paragraphs: [
          "Per scrivere su Pratica (partecipare alle discussioni, proporre materiali, entrare nelle comunità) conferma che questo indirizzo è tuo.",
        ],
        action: { label: "Conferma l'indirizzo", url },
        notes: [
          "Il link vale 3 giorni e si usa una volta sola.",
          "Se non hai creato tu l'account, ignora questa email.",
        ],
      })
    : renderEmail(to.email, {
        locale: "en",
        subject: "Confirm your email address on Pratica",
        heading: `Welcome, ${to.displayName}`,
        paragraphs: [
          "To write on Pratica (take part in discussions, propose material, join communities), confirm that this address is yours.",
        ],
        action: { label: "Confirm the address", url },
        notes: ["The link works for 3 days, once.", "If you did not create the account, ignore this email."],
      });
}

export function passwordResetEmail(to: Recipient, url: string): MailMessage {
  return to.locale === "it"
    ? renderEmail(to.email, {
        locale: "it",
        subject: "Reimposta la password di Pratica",
        heading: "Reimposta la password",
        paragraphs: [
          `${to.displayName}, qualcuno (speriamo tu) ha chiesto di reimpostare la password del tuo account Pratica.`,
          "Scegliendo una nuova password uscirai da tutti i dispositivi collegati.",
        ],
        action: { label: "Scegli una nuova password", url },
        notes: [
          "Il link vale un'ora e si usa una volta sola.",
          "Se non l'hai chiesto tu, ignora questa email: la password resta quella di prima.",
        ],
      })
    : renderEmail(to.email, {
        locale: "en",
        subject: "Reset your Pratica password",
        heading: "Reset your password",
        paragraphs: [
          `${to.displayName}, someone (we hope you) asked to reset the password of your Pratica account.`,
          "Choosing a new password logs you out on every device.",
        ],
        action: { label: "Choose a new password", url },
        notes: [
          "The link works for one hour, once.",
          "If you did not ask, ignore this email: your password stays as it was.",
        ],
      });
}

export function emailChangeConfirmationEmail(to: Recipient & { newEmail: string }, url: string): MailMessage {
  return to.locale === "it"
    ? renderEmail(to.newEmail, {
        locale: "it",
        subject: "Conferma il nuovo indirizzo email su Pratica",
        heading: "Conferma il nuovo indirizzo",
        paragraphs: [
          `${to.displayName}, hai chiesto di usare ${to.newEmail} per il tuo account Pratica al posto di ${to.email}.`,
        ],
        action: { label: "Usa questo indirizzo", url },
        notes: ["Il link vale un giorno e si usa una volta sola.", "Se non l'hai chiesto tu, ignora questa email."],
      })
    : renderEmail(to.newEmail, {
        locale: "en",
        subject: "Confirm your new email address on Pratica",
        heading: "Confirm your new address",
        paragraphs: [
          `${to.displayName}, you asked to use ${to.newEmail} for your Pratica account instead of ${to.email}.`,
        ],
        action: { label: "Use this address", url },
        notes: ["The link works for one day, once.", "If you did not ask, ignore this email."],
      });
}

export function emailChangeNoticeEmail(to: Recipient & { newEmail: string }, securityUrl: string): MailMessage {
  return to.locale === "it"
    ? renderEmail(to.email, {
        locale: "it",
        subject: "Richiesta di cambio dell'indirizzo email su Pratica",
        heading: "Il tuo indirizzo sta per cambiare",
        paragraphs: [
          `${to.displayName}, è stato chiesto di sostituire questo indirizzo con ${to.newEmail}. Il cambio avviene solo quando il nuovo indirizzo viene confermato.`,
        ],
        action: { label: "Controlla la sicurezza dell'account", url: securityUrl },
        notes: ["Se non sei stata o stato tu, cambia subito la password ed esci dagli altri dispositivi."],
      })
    : renderEmail(to.email, {
        locale: "en",
        subject: "A change of your email address on Pratica was requested",
        heading: "Your address is about to change",
        paragraphs: [
          `${to.displayName}, someone asked to replace this address with ${to.newEmail}. The change happens only once the new address is confirmed.`,
        ],
        action: { label: "Review your account security", url: securityUrl },
        notes: ["If it was not you, change your password at once and log out your other devices."],
      });
}

export function passwordChangedEmail(to: Recipient, securityUrl: string): MailMessage {
  return to.locale === "it"
    ? renderEmail(to.email, {
        locale: "it",
        subject: "La password di Pratica è cambiata",
        heading: "La tua password è cambiata",
        paragraphs: [
          `${to.displayName}, la password del tuo account Pratica è appena stata cambiata; gli altri dispositivi sono stati disconnessi.`,
        ],
        action: { label: "Controlla la sicurezza dell'account", url: securityUrl },
        notes: ["Se non sei stata o stato tu, reimposta subito la password dalla pagina di accesso."],
      })
    : renderEmail(to.email, {
        locale: "en",
        subject: "Your Pratica password was changed",
        heading: "Your password was changed",
        paragraphs: [
          `${to.displayName}, the password of your Pratica account was just changed; your other devices were logged out.`,
        ],
        action: { label: "Review your account security", url: securityUrl },
        notes: ["If it was not you, reset your password at once from the login page."],
      });
}
