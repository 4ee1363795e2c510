import { type Database, decisions } from "@pratica/db";
import { DECISION_REMINDER_HOURS } from "@pratica/rules";
import { and, asc, eq, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { JobQueue } from "../../core/job-queue.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { decisionLock } from "./decision.lock.js";
import { type DecisionService, setState } from "./decision.service.js";

export const DECISION_SCHEDULER_QUEUE = "decision-scheduler";

export type DecisionSettings = {
  /** The job queue of this process: a scheduled job opens, reminds and closes decisions. */
  queue?: JobQueue | undefined;
  /** "Now" for decisions (closing in the future, the scheduler); tests move it and call `tick(at)`. */
  clock?: (() => Date) | undefined;
};

const HOUR = 3_600_000;
const BATCH = 200;

/**
 * The decisions' clock work, a pg-boss job every minute (one run across all api instances): opens
 * drafts whose `opensAt` came, reminds those who have not voted DECISION_REMINDER_HOURS before the
 * closing (once), and closes at `closesAt` applying the quorum: missed with EXTEND_ONCE, the
 * decision runs again for its original duration (once); missed with FAIL, it closes with
 * `quorumMet` false. Each decision in its own unit of work under its lock, re-checked there.
 */
export class DecisionScheduler {
  constructor(
    private readonly db: Database,
    private readonly decisions: DecisionService,
    private readonly settings: DecisionSettings = {},
  ) {}

  async start(): Promise<void> {
    const queue = this.settings.queue;
    if (!queue) return;
    await queue.createQueue(DECISION_SCHEDULER_QUEUE, { retryLimit: 3, retryDelay: 30 });
    await queue.schedule(DECISION_SCHEDULER_QUEUE, "* * * * *");
    await queue.work(DECISION_SCHEDULER_QUEUE, async () => {
      await this.tick(this.decisions.clock());
    });
  }

  async stop(): Promise<void> {
    await this.settings.queue?.offWork(DECISION_SCHEDULER_QUEUE, { wait: true });
  }

  /** Does what is due at `now`; answers how many decisions it opened, reminded and closed. */
  async tick(now: Date): Promise<{ opened: number; reminded: number; closed: number; extended: number }> {
    const done = { opened: 0, reminded: 0, closed: 0, extended: 0 };
    const remindBy = new Date(now.getTime() + DECISION_REMINDER_HOURS * HOUR);
    const due = await this.db
      .select({ id: decisions.id })
      .from(decisions)
      .where(
        or(
          and(eq(decisions.state, "DRAFT"), isNotNull(decisions.opensAt), lte(decisions.opensAt, now)),
          and(eq(decisions.state, "OPEN"), lte(decisions.closesAt, remindBy)),
        ),
      )
      .orderBy(asc(decisions.closesAt))
      .limit(BATCH);
    for (const { id } of due) {
      const outcome = await this.one(id, now);
      if (outcome) done[outcome]++;
    }
    return done;
  }

  private one(id: string, now: Date) {
    return unitOfWork(this.db, async ({ tx, lock, afterCommit }) => {
      const d = await lock(decisionLock, id);
      if (!d) return null;
      const tell = (effects: Parameters<DecisionService["tell"]>[1]) =>
        afterCommit(() => this.decisions.tell(d.id, effects));
      if (d.state === "DRAFT" && d.opensAt && d.opensAt <= now) {
        if (d.closesAt <= now) return null; // it would open already closed: its author moves the closing first
        const opened = await setState(tx, d, { state: "OPEN", openedAt: now });
        tell({ changed: true, notifications: await this.decisions.announce(tx, opened, "DECISION_OPENED", null) });
        return "opened" as const;
      }
      if (d.state !== "OPEN") return null;
      if (d.closesAt <= now) {
        const met = await this.decisions.quorumMet(tx, d);
        if (met === false && d.quorumMiss === "EXTEND_ONCE" && d.extendedAt === null) {
          const duration = d.closesAt.getTime() - (d.openedAt ?? d.createdAt).getTime();
          await setState(tx, d, {
            closesAt: new Date(d.closesAt.getTime() + duration),
            extendedAt: now,
            reminderSentAt: null,
          });
          tell({ changed: true });
          return "extended" as const;
        }
        await setState(tx, d, { state: "CLOSED", closedAt: now, quorumMet: met });
        tell({ changed: true });
        return "closed" as const;
      }
      if (d.reminderSentAt === null && d.closesAt.getTime() - now.getTime() <= DECISION_REMINDER_HOURS * HOUR) {
        const notifications = await this.decisions.announce(tx, d, "DECISION_REMINDER", null, true);
        await tx
          .update(decisions)
          .set({ reminderSentAt: now })
          .where(and(eq(decisions.id, d.id), isNull(decisions.reminderSentAt)));
        tell({ notifications });
        return "reminded" as const;
      }
      return null;
    });
  }
}
