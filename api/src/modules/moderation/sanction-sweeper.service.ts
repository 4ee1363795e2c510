import { caseTransitions, type Database, moderationCases, sanctions } from "@pratica/db";
import { and, asc, eq, isNull, lte } from "drizzle-orm";
import { recordAudit } from "../../core/audit.js";
import type { EventBus } from "../../core/event-bus.js";
import type { JobQueue } from "../../core/job-queue.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { caseLock } from "./case-work.js";
import { publishCaseChanged } from "./moderation.topics.js";
import { announceStanding, liftOne } from "./sanctions.js";

export const SANCTION_SWEEP_QUEUE = "moderation-sanction-sweep";

export type ModerationSettings = {
  /** The job queue of this process: a scheduled job lifts the sanctions that ran out. */
  queue?: JobQueue | undefined;
  /** "Now" for the sweeper and the appeal window; tests move it (and call `liftExpired(at)` directly). */
  clock?: (() => Date) | undefined;
};

/**
 * Lifts restrictions and suspensions whose end passed: a pg-boss job every five minutes (one run
 * across all api instances), each sanction in its own unit of work under its case's lock, so a
 * lift and an overturn of the same case never both clear it. The write rules already read the
 * mirrored `*_until` against the clock, so the lift is bookkeeping (the LIFT step, the audit
 * entry, the cleared columns), not what ends the sanction's effect.
 */
export class SanctionSweeperService {
  constructor(
    private readonly db: Database,
    private readonly bus: EventBus,
    private readonly settings: ModerationSettings = {},
  ) {}

  async start(): Promise<void> {
    const queue = this.settings.queue;
    if (!queue) return;
    await queue.createQueue(SANCTION_SWEEP_QUEUE, { retryLimit: 3, retryDelay: 60 });
    await queue.schedule(SANCTION_SWEEP_QUEUE, "*/5 * * * *");
    await queue.work(SANCTION_SWEEP_QUEUE, async () => {
      await this.liftExpired(this.settings.clock?.() ?? new Date());
    });
  }

  async stop(): Promise<void> {
    await this.settings.queue?.offWork(SANCTION_SWEEP_QUEUE, { wait: true });
  }

  /** Lifts every sanction whose end is at or before `now`; answers how many it lifted. */
  async liftExpired(now: Date): Promise<number> {
    const due = await this.db
      .select({ id: sanctions.id, caseId: sanctions.caseId })
      .from(sanctions)
      .where(and(isNull(sanctions.liftedAt), lte(sanctions.endsAt, now)))
      .orderBy(asc(sanctions.endsAt))
      .limit(500);
    let lifted = 0;
    for (const { id, caseId } of due) {
      const done = await unitOfWork(this.db, async (w) => {
        const moderated = await w.lock(caseLock, caseId);
        if (!moderated) return false;
        const sanction = await liftOne(w.tx, id, now);
        if (!sanction) return false;
        await w.tx.insert(caseTransitions).values({
          caseId,
          fromState: moderated.state,
          toState: moderated.state,
          action: "LIFT",
          actorId: null,
          until: sanction.endsAt,
        });
        await w.tx.update(moderationCases).set({ updatedAt: now }).where(eq(moderationCases.id, caseId));
        await recordAudit(w.tx, {
          actorId: null,
          action: "case.lift",
          targetKind: "user",
          targetId: sanction.userId,
          before: { sanction: { kind: sanction.kind, until: sanction.endsAt } },
          after: { sanction: null },
          communityId: sanction.communityId,
          caseId,
        });
        w.afterCommit(() => {
          publishCaseChanged(this.bus, moderated);
          announceStanding(this.bus, [sanction]);
        });
        return true;
      });
      if (done) lifted++;
    }
    return lifted;
  }
}
