import { type Database, fundingCallFollows, fundingCalls } from "@pratica/db";
import { CALL_CLOSING_REMINDER_DAYS } from "@pratica/rules";
import { and, asc, eq, gt, isNull, lte, ne, sql } from "drizzle-orm";
import type { JobQueue } from "../../core/job-queue.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import type { NotificationService } from "../notification/notification.service.js";

export const FUNDING_REMINDERS_QUEUE = "funding-call-reminders";

export type FundingCallsSettings = {
  /** The job queue of this process: a scheduled job sends the "closing soon" reminders. */
  queue?: JobQueue | undefined;
  /** "Now" for funding calls (archiving on import, closingSoon, reminders); tests move it and call `sweep(at)`. */
  clock?: (() => Date) | undefined;
};

const DAY = 86_400_000;
const BATCH = 200;

/**
 * The reminder job, hourly (one run across all api instances): followers of a call whose deadline
 * is within CALL_CLOSING_REMINDER_DAYS get FUNDING_CALL_CLOSING once per deadline. The follow row
 * keeps the deadline it was reminded for, so a deadline the source moves reminds again.
 */
export class FundingCallReminders {
  constructor(
    private readonly db: Database,
    private readonly notification: NotificationService,
    private readonly settings: FundingCallsSettings = {},
  ) {}

  async start(): Promise<void> {
    const queue = this.settings.queue;
    if (!queue) return;
    await queue.createQueue(FUNDING_REMINDERS_QUEUE, { retryLimit: 3, retryDelay: 60 });
    await queue.schedule(FUNDING_REMINDERS_QUEUE, "7 * * * *");
    await queue.work(FUNDING_REMINDERS_QUEUE, async () => {
      await this.sweep(this.settings.clock?.() ?? new Date());
    });
  }

  async stop(): Promise<void> {
    await this.settings.queue?.offWork(FUNDING_REMINDERS_QUEUE, { wait: true });
  }

  /** Sends what is due at `now`; answers how many people it reminded. */
  async sweep(now: Date): Promise<{ reminded: number }> {
    const due = await this.db
      .selectDistinct({ id: fundingCalls.id, deadlineAt: fundingCalls.deadlineAt })
      .from(fundingCalls)
      .innerJoin(fundingCallFollows, eq(fundingCallFollows.callId, fundingCalls.id))
      .where(
        and(
          isNull(fundingCalls.archivedAt),
          ne(fundingCalls.status, "CLOSED"),
          gt(fundingCalls.deadlineAt, now),
          lte(fundingCalls.deadlineAt, new Date(now.getTime() + CALL_CLOSING_REMINDER_DAYS * DAY)),
          sql`${fundingCallFollows.remindedForDeadline} is distinct from ${fundingCalls.deadlineAt}`,
        ),
      )
      .orderBy(asc(fundingCalls.deadlineAt))
      .limit(BATCH);
    let reminded = 0;
    for (const call of due) reminded += await this.remind(call.id);
    return { reminded };
  }

  /**
   * One call's followers not yet reminded for its current deadline. The UPDATE … RETURNING claims
   * them under row locks: two sweeps at once (two instances) remind each follower once.
   */
  private remind(callId: string): Promise<number> {
    return unitOfWork(this.db, async ({ tx, afterCommit }) => {
      const [call] = await tx.select().from(fundingCalls).where(eq(fundingCalls.id, callId));
      if (!call?.deadlineAt) return 0;
      const claimed = await tx
        .update(fundingCallFollows)
        .set({ remindedForDeadline: call.deadlineAt })
        .where(
          and(
            eq(fundingCallFollows.callId, call.id),
            sql`${fundingCallFollows.remindedForDeadline} is distinct from ${call.deadlineAt.toISOString()}::timestamptz`,
          ),
        )
        .returning({ userId: fundingCallFollows.userId });
      if (claimed.length === 0) return 0;
      const created = await this.notification.forHub(tx, {
        kind: "FUNDING_CALL_CLOSING",
        userIds: claimed.map((c) => c.userId),
        actorId: null,
        fundingCallId: call.id,
        excerpt: call.title,
      });
      afterCommit(() => this.notification.publish(created));
      return claimed.length;
    });
  }
}
