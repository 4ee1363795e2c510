import { type Database, type NotificationRow, notifications, users } from "@pratica/db";
import { and, asc, gt, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { JobQueue } from "../../core/job-queue.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { renderEmail } from "../mail/email-layout.js";
import type { NotificationMailer } from "./delivery.js";
import { type DigestItem, digestEmail, groupDigest } from "./digest.js";
import { dueSlot } from "./digest-schedule.js";
import { lookUpSubjects } from "./subjects.js";

export const DIGEST_QUEUE = "notification-digest";
/** Members read per page: memory stays flat in the number of members. */
const PAGE = 500;

export type DigestSettings = {
  /** The job queue of this process: an hourly scheduled job builds the digests that came due. */
  queue?: JobQueue | undefined;
  /** "Now", for the scheduled job; tests call `run(at)` with their own instant instead. */
  clock?: () => Date;
};

export type DigestRun = { members: number; digests: number; notifications: number };

type Member = Pick<
  typeof users.$inferSelect,
  "id" | "email" | "locale" | "timeZone" | "digestHour" | "emailDelivery" | "lastDigestAt"
>;

/**
 * Daily and weekly digests. Every hour a scheduled job (pg-boss, one run across all api
 * instances) pages through the members who chose a digest, keeps those whose slot has come
 * (digest-schedule.ts) and, per page in one unit of work, claims them (`last_digest_at`), claims
 * their unread, un-emailed notifications (`emailed_at`) and queues one email each.
 */
export class DigestService {
  constructor(
    private readonly db: Database,
    private readonly mailer: NotificationMailer,
    private readonly settings: DigestSettings = {},
  ) {}

  async start(): Promise<void> {
    const queue = this.settings.queue;
    if (!queue) return;
    await queue.createQueue(DIGEST_QUEUE, { retryLimit: 3, retryDelay: 60 });
    // At minute 0 of every hour: a member's digest hour is a whole hour in their zone (zones with
    // half-hour offsets get theirs at the next hour mark).
    await queue.schedule(DIGEST_QUEUE, "0 * * * *");
    await queue.work(DIGEST_QUEUE, async () => {
      await this.run(this.settings.clock?.() ?? new Date());
    });
  }

  async stop(): Promise<void> {
    await this.settings.queue?.offWork(DIGEST_QUEUE, { wait: true });
  }

  /** Builds every digest due at `now`. Safe to run twice or on two instances: a slot is claimed once. */
  async run(now: Date): Promise<DigestRun> {
    const total: DigestRun = { members: 0, digests: 0, notifications: 0 };
    let after: string | null = null;
    for (;;) {
      const page: Member[] = await this.db
        .select({
          id: users.id,
          email: users.email,
          locale: users.locale,
          timeZone: users.timeZone,
          digestHour: users.digestHour,
          emailDelivery: users.emailDelivery,
          lastDigestAt: users.lastDigestAt,
        })
        .from(users)
        .where(
          and(
            inArray(users.emailDelivery, ["DAILY", "WEEKLY"]),
            isNull(users.deletedAt),
            isNotNull(users.emailVerifiedAt),
            after ? gt(users.id, after) : undefined,
          ),
        )
        .orderBy(asc(users.id))
        .limit(PAGE);
      if (!page.length) return total;
      after = page[page.length - 1]?.id ?? null;
      total.members += page.length;
      const due = page.flatMap((m) => {
        const slot = dueSlot(m, now);
        return slot ? [{ member: m, slot }] : [];
      });
      if (due.length) {
        const done = await this.buildPage(due, now);
        total.digests += done.digests;
        total.notifications += done.notifications;
      }
      if (page.length < PAGE) return total;
    }
  }

  private buildPage(due: { member: Member; slot: Date }[], now: Date) {
    return unitOfWork(this.db, async ({ tx }) => {
      // Claim each member's slot: one already claimed (another run, another instance) is skipped.
      const bySlot = new Map<number, string[]>();
      for (const { member, slot } of due)
        bySlot.set(slot.getTime(), [...(bySlot.get(slot.getTime()) ?? []), member.id]);
      const claimed: string[] = [];
      for (const [slot, ids] of bySlot) {
        const rows = await tx
          .update(users)
          .set({ lastDigestAt: now })
          .where(and(inArray(users.id, ids), or(isNull(users.lastDigestAt), lt(users.lastDigestAt, new Date(slot)))))
          .returning({ id: users.id });
        claimed.push(...rows.map((r) => r.id));
      }
      if (!claimed.length) return { digests: 0, notifications: 0 };
      // Their unread, un-emailed notifications about what they may still read (the inbox's rule
      // for communities: public, or theirs as active members, or any for admins).
      const taken: NotificationRow[] = await tx
        .update(notifications)
        .set({ emailedAt: now })
        .where(
          and(
            inArray(notifications.userId, claimed),
            isNull(notifications.readAt),
            isNull(notifications.emailedAt),
            sql`${notifications.createdAt} <= ${now.toISOString()}::timestamptz`,
            sql`(${notifications.communityId} is null
              or ${notifications.communityId} in (select id from communities where visibility = 'PUBLIC')
              or ${notifications.communityId} in (select community_id from community_memberships m
                  where m.user_id = ${notifications.userId} and m.status = 'ACTIVE' and m.suspended_until is null)
              or exists (select 1 from users a where a.id = ${notifications.userId} and a.role = 'ADMIN'))`,
          ),
        )
        .returning();
      if (!taken.length) return { digests: 0, notifications: 0 };
      const subjects = await lookUpSubjects(tx, taken);
      const byUser = new Map<string, NotificationRow[]>();
      for (const n of taken) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n]);
      const members = new Map(due.map(({ member }) => [member.id, member]));
      for (const [userId, rows] of byUser) {
        const member = members.get(userId);
        if (!member) continue;
        const items: DigestItem[] = rows.map((n) => ({
          communityId: n.communityId,
          community: subjects.community(n, member.locale),
          subjectKey: n.threadId ?? n.deliverableId ?? n.resourceId ?? n.applicationId ?? n.organizationId ?? n.id,
          title: subjects.title(n, member.locale),
          url: this.mailer.mail.url(subjects.path(n)),
          createdAt: n.createdAt,
        }));
        const unsubscribe = this.mailer.unsubscribeUrl({ userId, scope: "EMAIL" });
        const period = member.emailDelivery === "WEEKLY" ? "WEEKLY" : "DAILY";
        const content = digestEmail(member.locale, period, groupDigest(items), {
          notifications: this.mailer.mail.url("/notifications"),
          preferences: this.mailer.preferencesUrl(),
          unsubscribe,
        });
        await this.mailer.mail.enqueue(
          { tx },
          { ...renderEmail(member.email, content), headers: this.mailer.listHeaders(unsubscribe) },
        );
      }
      return { digests: byUser.size, notifications: taken.length };
    });
  }
}
