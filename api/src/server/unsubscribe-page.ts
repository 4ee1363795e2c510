import escapeHtml from "escape-html";
import type { Locale } from "../core/context.js";
import type { UnsubscribeScope } from "../modules/notification/unsubscribe-token.js";

/** The pages of the one-click unsubscribe (unsubscribe-routes.ts), in Italian and English. */

export const UNSUBSCRIBE_STYLESHEET =
  "body{margin:0;background:#f5f7f7;color:#172026;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}" +
  "main{max-width:36rem;margin:3rem auto;padding:2rem;background:#fff;border:1px solid #d4dcdf;border-radius:12px}" +
  "h1{font-size:1.4rem;margin:0 0 1rem}p{margin:0 0 1rem}a{color:#0b5e6b}" +
  "button{font:inherit;font-weight:600;color:#fff;background:#0b5e6b;border:0;border-radius:8px;padding:.7rem 1.2rem;cursor:pointer}" +
  "button:focus-visible,a:focus-visible{outline:3px solid #172026;outline-offset:2px}" +
  ".brand{font-weight:700;color:#0b5e6b;margin:0 0 1.5rem}";

type Scope = UnsubscribeScope["scope"];

const WORDS = {
  en: {
    title: "Notification emails",
    confirm: "Stop these emails?",
    what: {
      THREAD: "You will no longer be notified about this thread, by email or in the app.",
      COMMUNITY: "You will no longer be notified about this community, by email or in the app.",
      DELIVERABLE: "You will no longer be notified about this document, by email or in the app.",
      EMAIL: "You will no longer receive notification emails or digests. You will still see notifications in the app.",
    } satisfies Record<Scope, string>,
    button: {
      THREAD: "Mute this thread",
      COMMUNITY: "Mute this community",
      DELIVERABLE: "Mute this document",
      EMAIL: "Stop notification emails",
    } satisfies Record<Scope, string>,
    done: "Done",
    doneWhat: {
      THREAD: "This thread is muted.",
      COMMUNITY: "This community is muted.",
      DELIVERABLE: "This document is muted.",
      EMAIL: "Notification emails are off.",
    } satisfies Record<Scope, string>,
    invalid: "This link does not work",
    invalidText:
      "The link is incomplete or has been changed, so nothing was changed. Copy the whole link from the email, or change your notification preferences in Pratica.",
    preferences: "Notification preferences",
  },
  it: {
    title: "Email di notifica",
    confirm: "Non ricevere più queste email?",
    what: {
      THREAD: "Non riceverai più notifiche su questa discussione, né per email né nell'app.",
      COMMUNITY: "Non riceverai più notifiche su questa comunità, né per email né nell'app.",
      DELIVERABLE: "Non riceverai più notifiche su questo documento, né per email né nell'app.",
      EMAIL: "Non riceverai più email di notifica né riepiloghi. Le notifiche restano visibili nell'app.",
    } satisfies Record<Scope, string>,
    button: {
      THREAD: "Silenzia questa discussione",
      COMMUNITY: "Silenzia questa comunità",
      DELIVERABLE: "Silenzia questo documento",
      EMAIL: "Disattiva le email di notifica",
    } satisfies Record<Scope, string>,
    done: "Fatto",
    doneWhat: {
      THREAD: "Questa discussione è silenziata.",
      COMMUNITY: "Questa comunità è silenziata.",
      DELIVERABLE: "Questo documento è silenziato.",
      EMAIL: "Le email di notifica sono disattivate.",
    } satisfies Record<Scope, string>,
    invalid: "Questo link non funziona",
    invalidText:
      "Il link è incompleto o è stato modificato, quindi non è cambiato nulla. Copia il link intero dall'email, oppure cambia le preferenze di notifica in Pratica.",
    preferences: "Preferenze di notifica",
  },
} as const;

const e = (text: string) => escapeHtml(text);

function page(lang: Locale, heading: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${e(heading)} — Pratica</title><style>${UNSUBSCRIBE_STYLESHEET}</style></head>
<body><main><p class="brand">Pratica</p><h1>${e(heading)}</h1>${body}</main></body></html>
`;
}

const preferencesLink = (lang: Locale) => `<p><a href="/settings/notifications">${e(WORDS[lang].preferences)}</a></p>`;

/** GET: says what the link would do and offers the button that does it; changes nothing. */
export function confirmPage(lang: Locale, what: UnsubscribeScope, token: string): string {
  const w = WORDS[lang];
  const action = `/unsubscribe?token=${encodeURIComponent(token)}`;
  return page(
    lang,
    w.confirm,
    `<p>${e(w.what[what.scope])}</p>
<form method="post" action="${e(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${e(w.button[what.scope])}</button></form>
${preferencesLink(lang)}`,
  );
}

export function donePage(lang: Locale, what: UnsubscribeScope): string {
  const w = WORDS[lang];
  return page(lang, w.done, `<p role="status">${e(w.doneWhat[what.scope])}</p>${preferencesLink(lang)}`);
}

export function invalidPage(lang: Locale): string {
  const w = WORDS[lang];
  return page(lang, w.invalid, `<p>${e(w.invalidText)}</p>${preferencesLink(lang)}`);
}
