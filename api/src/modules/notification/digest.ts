import type { Locale } from "../../core/context.js";
import type { EmailContent, EmailSection } from "../mail/email-layout.js";

/** One unread notification as a digest sees it: already named and linked. */
export type DigestItem = {
  communityId: string | null;
  community: string;
  /** What it is about: a thread, a document or a proposal (one line of the digest each). */
  subjectKey: string;
  title: string;
  url: string;
  createdAt: Date;
};

export type DigestGroup = {
  community: string;
  subjects: { title: string; unread: number; firstUnreadUrl: string }[];
};

/**
 * Groups a member's unread notifications by community, then by thread (or document, or
 * proposal): how many are unread, and a link to the first unread one. Communities and subjects
 * come in the order of their oldest unread news.
 */
export function groupDigest(items: readonly DigestItem[]): DigestGroup[] {
  const sorted = [...items].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const communities = new Map<string, { community: string; subjects: Map<string, DigestGroup["subjects"][number]> }>();
  for (const item of sorted) {
    const key = item.communityId ?? "";
    let group = communities.get(key);
    if (!group) {
      group = { community: item.community, subjects: new Map() };
      communities.set(key, group);
    }
    const subject = group.subjects.get(item.subjectKey);
    if (subject) subject.unread += 1;
    else group.subjects.set(item.subjectKey, { title: item.title, unread: 1, firstUnreadUrl: item.url });
  }
  return [...communities.values()].map((g) => ({ community: g.community, subjects: [...g.subjects.values()] }));
}

type Words = {
  subject: (unread: number) => string;
  heading: (period: "DAILY" | "WEEKLY") => string;
  summary: (unread: number, subjects: number) => string;
  unread: (n: number) => string;
  action: string;
  why: (period: "DAILY" | "WEEKLY") => string;
  preferences: string;
  unsubscribe: string;
};

const en: Words = {
  subject: (n) => `Pratica: ${n} unread ${n === 1 ? "notification" : "notifications"}`,
  heading: (p) => (p === "DAILY" ? "Your daily digest" : "Your weekly digest"),
  summary: (n, s) =>
    `You have ${n} unread ${n === 1 ? "notification" : "notifications"} in ${s} ${s === 1 ? "conversation" : "conversations"}. Each link opens the first unread one.`,
  unread: (n) => `${n} unread`,
  action: "Open your notifications",
  why: (p) => `You receive this ${p === "DAILY" ? "daily" : "weekly"} digest because of your notification preferences.`,
  preferences: "Notification preferences",
  unsubscribe: "Stop notification emails",
};

const it: Words = {
  subject: (n) => `Pratica: ${n} ${n === 1 ? "notifica non letta" : "notifiche non lette"}`,
  heading: (p) => (p === "DAILY" ? "Il tuo riepilogo del giorno" : "Il tuo riepilogo della settimana"),
  summary: (n, s) =>
    `Hai ${n} ${n === 1 ? "notifica non letta" : "notifiche non lette"} in ${s} ${s === 1 ? "conversazione" : "conversazioni"}. Ogni link apre la prima non letta.`,
  unread: (n) => (n === 1 ? "1 non letta" : `${n} non lette`),
  action: "Apri le notifiche",
  why: (p) =>
    `Ricevi questo riepilogo ${p === "DAILY" ? "giornaliero" : "settimanale"} per le tue preferenze di notifica.`,
  preferences: "Preferenze di notifica",
  unsubscribe: "Non ricevere più email di notifica",
};

export const DIGEST_WORDS: Record<Locale, Words> = { it, en };

/** A digest as an email: one section per community, one line per thread with its unread count. */
export function digestEmail(
  locale: Locale,
  period: "DAILY" | "WEEKLY",
  groups: readonly DigestGroup[],
  links: { notifications: string; preferences: string; unsubscribe: string },
): EmailContent {
  const w = DIGEST_WORDS[locale];
  const unread = groups.reduce((sum, g) => sum + g.subjects.reduce((s, x) => s + x.unread, 0), 0);
  const subjects = groups.reduce((sum, g) => sum + g.subjects.length, 0);
  const sections: EmailSection[] = groups.map((g) => ({
    title: g.community,
    items: g.subjects.map((s) => ({ text: s.title, url: s.firstUnreadUrl, detail: w.unread(s.unread) })),
  }));
  return {
    locale,
    subject: w.subject(unread),
    heading: w.heading(period),
    paragraphs: [w.summary(unread, subjects)],
    action: { label: w.action, url: links.notifications },
    sections,
    notes: [w.why(period)],
    footerLinks: [
      { label: w.preferences, url: links.preferences },
      { label: w.unsubscribe, url: links.unsubscribe },
    ],
  };
}
