import escapeHtml from "escape-html";
import type { Locale } from "../../core/context.js";
import type { MailMessage } from "./mail.service.js";

/**
 * What an email says, once: the layout renders it as the HTML part and as the plain-text part,
 * so the two never drift apart. Every string is already in the recipient's language.
 */
export type EmailContent = {
  locale: Locale;
  subject: string;
  /** The first line, as large type in HTML. */
  heading: string;
  /** Paragraphs of plain text (escaped in HTML; never HTML themselves). */
  paragraphs: readonly string[];
  /** The one thing to do, as a button in HTML and a bare URL in text. */
  action?: { label: string; url: string } | undefined;
  /** Grouped lines under the action (a digest's communities and threads). */
  sections?: readonly EmailSection[] | undefined;
  /** Small print under the main text: why this email came, what to do if it was not you. */
  notes?: readonly string[] | undefined;
  /** Footer links, e.g. "Notification preferences", "Unsubscribe". */
  footerLinks?: readonly { label: string; url: string }[] | undefined;
};

export type EmailSection = {
  title: string;
  items: readonly { text: string; url?: string | undefined; detail?: string | undefined }[];
};

const FOOTER: Record<Locale, string> = {
  it: "Pratica — la piattaforma delle comunità di pratica dell'ecosistema dell'impatto sociale.",
  en: "Pratica — the platform of the social-impact ecosystem's communities of practice.",
};

// The app's palette (web/src/ui/theme.css, light theme); inline because mail clients drop <style>.
const C = {
  bg: "#f5f7f7",
  surface: "#ffffff",
  text: "#172026",
  muted: "#4a5860",
  border: "#d4dcdf",
  accent: "#0b5e6b",
};
const FONT = "system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif";

export function renderEmail(to: string, content: EmailContent): MailMessage {
  return { to, subject: content.subject, text: toText(content), html: toHtml(content) };
}

function toText(c: EmailContent): string {
  const lines: string[] = [c.heading, "", ...c.paragraphs.flatMap((p) => [p, ""])];
  if (c.action) lines.push(`${c.action.label}:`, c.action.url, "");
  for (const section of c.sections ?? []) {
    lines.push(section.title, "-".repeat(Math.min(section.title.length, 72)));
    for (const item of section.items) {
      lines.push(`- ${item.text}${item.detail ? ` (${item.detail})` : ""}`);
      if (item.url) lines.push(`  ${item.url}`);
    }
    lines.push("");
  }
  for (const note of c.notes ?? []) lines.push(note, "");
  lines.push("-- ", FOOTER[c.locale]);
  for (const link of c.footerLinks ?? []) lines.push(`${link.label}: ${link.url}`);
  return `${lines.join("\n")}\n`;
}

const e = (text: string) => escapeHtml(text);

function toHtml(c: EmailContent): string {
  const p = (text: string, style = "") =>
    `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;color:${C.text};${style}">${e(text)}</p>`;
  const action = c.action
    ? `<p style="margin:24px 0"><a href="${e(c.action.url)}" style="display:inline-block;background:${C.accent};color:#ffffff;text-decoration:none;font-weight:600;padding:12px 20px;border-radius:8px">${e(c.action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;line-height:1.5;color:${C.muted};word-break:break-all">${e(c.action.url)}</p>`
    : "";
  const sections = (c.sections ?? [])
    .map(
      (s) =>
        `<h2 style="margin:24px 0 8px;font-size:18px;color:${C.text}">${e(s.title)}</h2><ul style="margin:0 0 16px;padding-left:20px">` +
        s.items
          .map(
            (item) =>
              `<li style="margin:0 0 8px;font-size:16px;line-height:1.5;color:${C.text}">` +
              (item.url ? `<a href="${e(item.url)}" style="color:${C.accent}">${e(item.text)}</a>` : e(item.text)) +
              (item.detail ? ` <span style="color:${C.muted}">(${e(item.detail)})</span>` : "") +
              "</li>",
          )
          .join("") +
        "</ul>",
    )
    .join("");
  const notes = (c.notes ?? []).map((note) => p(note, `font-size:13px;color:${C.muted}`)).join("");
  const links = (c.footerLinks ?? [])
    .map((link) => `<a href="${e(link.url)}" style="color:${C.muted}">${e(link.label)}</a>`)
    .join(" · ");
  return `<!doctype html>
<html lang="${c.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(c.subject)}</title></head>
<body style="margin:0;padding:0;background:${C.bg};font-family:${FONT}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${C.bg}"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:${C.surface};border:1px solid ${C.border};border-radius:12px">
<tr><td style="padding:20px 28px;border-bottom:4px solid ${C.accent};font-size:20px;font-weight:700;color:${C.accent}">Pratica</td></tr>
<tr><td style="padding:28px">
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:${C.text}">${e(c.heading)}</h1>
${c.paragraphs.map((text) => p(text)).join("")}${action}${sections}${notes}
</td></tr>
<tr><td style="padding:16px 28px;border-top:1px solid ${C.border};font-size:13px;line-height:1.5;color:${C.muted}">${e(FOOTER[c.locale])}${links ? `<br>${links}` : ""}</td></tr>
</table></td></tr></table>
</body></html>
`;
}
