import { type Executor, type NotificationRow, notifications, users } from "@pratica/db";
import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { renderEmail } from "../mail/email-layout.js";
import type { MailMessage, MailService } from "../mail/mail.service.js";
import { notificationEmail } from "./notification-email.js";
import { emailUnsubscribeScope, lookUpSubjects } from "./subjects.js";
import { excerptIn } from "./system-excerpts.js";
import { signUnsubscribe, type UnsubscribeScope } from "./unsubscribe-token.js";

export const PREFERENCES_PATH = "/settings/notifications";

/**
 * Notifications by email: immediately (here, in the write's own transaction) or in digests
 * (digest.service.ts). Every such email carries List-Id and RFC 8058 one-click unsubscribe.
 */
export class NotificationMailer {
  constructor(
    readonly mail: MailService,
    private readonly signingSecret: string,
  ) {}

  unsubscribeUrl(what: UnsubscribeScope): string {
    return this.mail.url("/unsubscribe", { token: signUnsubscribe(this.signingSecret, what) });
  }

  preferencesUrl(): string {
    return this.mail.url(PREFERENCES_PATH);
  }

  /** The list headers of every notification email (RFC 2919 List-Id, RFC 8058 one-click unsubscribe). */
  listHeaders(unsubscribeUrl: string): Record<string, string> {
    return {
      "List-Id": `Pratica notifications <notifications.${new URL(this.mail.url("/")).hostname}>`,
      "List-Unsubscribe": `<${unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    };
  }

  /**
   * Emails the new notifications of members who chose IMMEDIATE delivery, in the same unit of
   * work: the mail is queued only if the write commits, and `emailed_at` keeps digests from
   * sending them again. Unconfirmed and deleted accounts get no mail.
   */
  async immediate(tx: Executor, created: NotificationRow[]): Promise<void> {
    if (!created.length) return;
    const recipients = await tx
      .select({ id: users.id, email: users.email, locale: users.locale })
      .from(users)
      .where(
        and(
          inArray(users.id, [...new Set(created.map((n) => n.userId))]),
          eq(users.emailDelivery, "IMMEDIATE"),
          isNotNull(users.emailVerifiedAt),
          isNull(users.deletedAt),
        ),
      );
    if (!recipients.length) return;
    const byId = new Map(recipients.map((r) => [r.id, r]));
    const mailed = created.filter((n) => byId.has(n.userId) && emailUnsubscribeScope(n));
    const subjects = await lookUpSubjects(tx, mailed);
    for (const n of mailed) {
      const to = byId.get(n.userId);
      const scope = emailUnsubscribeScope(n);
      if (!to || !scope) continue;
      const unsubscribeUrl = this.unsubscribeUrl({ userId: n.userId, ...scope });
      const message: MailMessage = {
        ...renderEmail(
          to.email,
          notificationEmail(to.locale, {
            kind: n.kind,
            actor: subjects.actor(n),
            community: subjects.community(n, to.locale),
            title: subjects.title(n, to.locale),
            excerpt: excerptIn(to.locale, subjects.excerpt(n)),
            url: this.mail.url(subjects.path(n)),
            mutes: scope.scope,
            preferencesUrl: this.preferencesUrl(),
            unsubscribeUrl,
          }),
        ),
        headers: this.listHeaders(unsubscribeUrl),
      };
      await this.mail.enqueue({ tx }, message);
    }
    if (mailed.length) {
      await tx
        .update(notifications)
        .set({ emailedAt: new Date() })
        .where(
          inArray(
            notifications.id,
            mailed.map((n) => n.id),
          ),
        );
    }
  }
}
