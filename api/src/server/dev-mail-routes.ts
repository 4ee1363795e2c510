import { type Database, type DevMailRow, devMailbox } from "@pratica/db";
import { desc, eq } from "drizzle-orm";
import escapeHtml from "escape-html";
import { type Request, type Response, Router } from "express";
import type { Locale } from "../core/context.js";
import { localeOf } from "./context.js";
import { printPagePolicy } from "./security-headers.js";

/** How many messages the list shows, newest first: a development mailbox, not an archive. */
const LIST_SIZE = 200;

const STRINGS = {
  it: {
    title: "Casella di sviluppo",
    intro:
      "Senza SMTP_URL, in sviluppo, Pratica non invia posta: ogni messaggio resta qui. In produzione questa pagina non esiste.",
    empty:
      "Nessun messaggio per ora. Registrati, chiedi di reimpostare la password o invita qualcuno: il messaggio arriverà qui.",
    to: "A",
    subject: "Oggetto",
    received: "Ricevuto",
    back: "Tutti i messaggi",
    links: "Link nel messaggio",
    noLinks: "Nessun link.",
    headers: "Intestazioni",
    text: "Testo semplice",
    html: "Versione HTML",
    notFound: "Messaggio non trovato.",
  },
  en: {
    title: "Development mailbox",
    intro:
      "Without SMTP_URL, in development, Pratica sends no mail: every message stays here. In production this page does not exist.",
    empty: "No messages yet. Register, ask to reset a password or invite someone: the message will arrive here.",
    to: "To",
    subject: "Subject",
    received: "Received",
    back: "All messages",
    links: "Links in the message",
    noLinks: "No links.",
    headers: "Headers",
    text: "Plain text",
    html: "HTML version",
    notFound: "Message not found.",
  },
} as const satisfies Record<Locale, Record<string, string>>;

// The page's own stylesheet, allowed by hash (no script on these pages at all).
const STYLESHEET = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;background:#f5f7f7;color:#172026}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.5rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:.5rem .75rem;border-bottom:1px solid #d4dcdf;vertical-align:top}
a{color:#0b5e6b}a:focus-visible{outline:3px solid #0b5e6b;outline-offset:2px}
pre{white-space:pre-wrap;word-break:break-word;background:#fff;border:1px solid #d4dcdf;padding:1rem}
iframe{width:100%;height:36rem;border:1px solid #d4dcdf;background:#fff}
.muted{color:#4a5860}
`;

const e = (text: string) => escapeHtml(text);

/**
 * The development mailbox (`/dev/mail`): what the mail sender kept instead of sending, because
 * development runs with no SMTP server (config.devMailbox). Mounted only then; in production the
 * paths are unknown and answer 404. Server-rendered, scriptless pages: no app code is needed to
 * read a reset link, and the emails' HTML is shown in a sandboxed frame of its own.
 */
export function devMailRoutes(db: Database): Router {
  const router = Router();
  const page = printPagePolicy(STYLESHEET);
  // The message page frames the email's HTML (/dev/mail/:id/html): with default-src 'none' alone
  // the frame was blocked and showed the browser's error page instead of the email.
  const messagePage = printPagePolicy(STYLESHEET, { frameSrc: ["'self'"] });

  router.get("/dev/mail", page, async (req, res) => {
    const t = STRINGS[localeOf(req.headers["accept-language"])];
    const rows = await db
      .select({ id: devMailbox.id, to: devMailbox.to, subject: devMailbox.subject, createdAt: devMailbox.createdAt })
      .from(devMailbox)
      .orderBy(desc(devMailbox.createdAt), desc(devMailbox.id))
      .limit(LIST_SIZE);
    const list = rows.length
      ? `<table><thead><tr><th scope="col">${t.received}</th><th scope="col">${t.to}</th><th scope="col">${t.subject}</th></tr></thead><tbody>${rows
          .map(
            (row) =>
              `<tr><td>${time(row.createdAt)}</td><td>${e(row.to)}</td><td><a href="/dev/mail/${row.id}">${e(row.subject)}</a></td></tr>`,
          )
          .join("")}</tbody></table>`
      : `<p>${t.empty}</p>`;
    send(res, t, t.title, `<h1>${t.title}</h1><p class="muted">${t.intro}</p>${list}`);
  });

  router.get("/dev/mail/:id", messagePage, async (req, res) => {
    const t = STRINGS[localeOf(req.headers["accept-language"])];
    const message = await find(db, req);
    if (!message)
      return send(res.status(404), t, t.notFound, `<h1>${t.notFound}</h1><p><a href="/dev/mail">${t.back}</a></p>`);
    const links = linksIn(message.text);
    const headers = Object.entries(message.headers);
    send(
      res,
      t,
      message.subject,
      `<p><a href="/dev/mail">← ${t.back}</a></p><h1>${e(message.subject)}</h1>` +
        `<p>${t.to}: ${e(message.to)} · ${t.received}: ${time(message.createdAt)}</p>` +
        `<h2>${t.links}</h2>${links.length ? `<ul>${links.map((url) => `<li><a href="${e(url)}">${e(url)}</a></li>`).join("")}</ul>` : `<p>${t.noLinks}</p>`}` +
        (headers.length
          ? `<h2>${t.headers}</h2><table><tbody>${headers.map(([name, value]) => `<tr><th scope="row">${e(name)}</th><td>${e(value)}</td></tr>`).join("")}</tbody></table>`
          : "") +
        `<h2>${t.html}</h2><iframe title="${t.html}" sandbox="allow-popups allow-top-navigation-by-user-activation" src="/dev/mail/${message.id}/html"></iframe>` +
        `<h2>${t.text}</h2><pre>${e(message.text)}</pre>`,
    );
  });

  // The email's own HTML, framed by the message page only: its inline styles allowed, nothing else.
  router.get("/dev/mail/:id/html", async (req, res) => {
    const message = await find(db, req);
    if (!message) return res.status(404).type("text").send("Not found");
    res.setHeader(
      "Content-Security-Policy",
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
    );
    res.setHeader("X-Frame-Options", "SAMEORIGIN");
    return res.type("html").send(message.html);
  });
  return router;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function find(db: Database, req: Request): Promise<DevMailRow | undefined> {
  const id = String(req.params.id);
  if (!UUID.test(id)) return undefined;
  const [row] = await db.select().from(devMailbox).where(eq(devMailbox.id, id)).limit(1);
  return row;
}

/** The links of the plain-text part, in order, once each: the ones a reader would click. */
export function linksIn(text: string): string[] {
  // A sentence's closing punctuation is not part of the link it follows.
  return [...new Set((text.match(/https?:\/\/[^\s<>"]+/g) ?? []).map((url) => url.replace(/[.,;:!?)]+$/, "")))];
}

const time = (at: Date) =>
  `<time datetime="${at.toISOString()}">${at.toISOString().replace("T", " ").slice(0, 19)} UTC</time>`;

function send(res: Response, t: (typeof STRINGS)[Locale], title: string, body: string) {
  const lang = t === STRINGS.it ? "it" : "en";
  res
    .type("html")
    .setHeader("Cache-Control", "no-store")
    .send(
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(title)} — Pratica</title><style>${STYLESHEET}</style></head><body><main>${body}</main></body></html>`,
    );
}
