import {
  type Database,
  type EventRow,
  type Executor,
  eventRegistrations,
  events,
  type NotificationRow,
} from "@pratica/db";
import { EVENT_REMINDER_HOURS, SEAT_CLAIM_WINDOW_HOURS } from "@pratica/rules";
import { and, asc, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import type { JobQueue } from "../../core/job-queue.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import type { NotificationService } from "../notification/notification.service.js";
import { eventLock, move, nextWaiting, seatsTaken } from "./event-work.js";

export const EVENTS_SWEEP_QUEUE = "events-sweep";
const HOUR = 3_600_000;

export type EventsSettings = {
  /** The job queue of this process: a scheduled job expires offers and sends reminders. */
  queue?: JobQueue | undefined;
  /** "Now" for every time rule of events (tests move it and call `sweep(at)`). */
  clock?: (() => Date) | undefined;
};

/**
 * The waiting list: a freed seat goes to the first WAITLISTED (OFFERED, with SEAT_CLAIM_WINDOW_HOURS
 * to claim it); the sweep job expires unclaimed offers (→ CANCELLED: the person had their turn and
 * let it pass; registering again puts them at the end) and offers the seat to the next; it also
 * sends the reminder EVENT_REMINDER_HOURS before the start, once per event (reminder_sent_at).
 */
export class SeatService {
  constructor(
    private readonly db: Database,
    private readonly notifications: NotificationService,
    private readonly settings: EventsSettings = {},
  ) {}

  async start(): Promise<void> {
    const queue = this.settings.queue;
    if (!queue) return;
    await queue.createQueue(EVENTS_SWEEP_QUEUE, { retryLimit: 3, retryDelay: 60 });
    await queue.schedule(EVENTS_SWEEP_QUEUE, "*/5 * * * *");
    await queue.work(EVENTS_SWEEP_QUEUE, async () => {
      await this.sweep(this.settings.clock?.() ?? new Date());
    });
  }

  async stop(): Promise<void> {
    await this.settings.queue?.offWork(EVENTS_SWEEP_QUEUE, { wait: true });
  }

  /**
   * Offers every free seat (capacity minus confirmed, attended and offered) to the waiting list,
   * first in first offered. Called under the event's lock; OPEN and APPROVAL events alike (a
   * waitlisted person was accepted already), not once the event started or was cancelled.
   */
  async offerFreeSeats(tx: Executor, event: EventRow, actorId: string | null, now: Date): Promise<NotificationRow[]> {
    if (event.cancelledAt || event.startsAt <= now) return [];
    let free = event.capacity === null ? Number.POSITIVE_INFINITY : event.capacity - (await seatsTaken(tx, event.id));
    const offered: string[] = [];
    while (free > 0) {
      const next = await nextWaiting(tx, event.id);
      if (!next) break;
      // Unlimited seats: confirmed at once, nothing to claim.
      if (event.capacity === null) await move(tx, next, "CONFIRMED", actorId, now);
      else {
        const expires = new Date(Math.min(now.getTime() + SEAT_CLAIM_WINDOW_HOURS * HOUR, event.startsAt.getTime()));
        await move(tx, next, "OFFERED", actorId, now, { offeredAt: now, offerExpiresAt: expires });
      }
      offered.push(next.userId);
      free--;
    }
    if (!offered.length) return [];
    return this.notifications.forEvent(tx, {
      kind: event.capacity === null ? "EVENT_REGISTRATION" : "EVENT_SEAT_OFFERED",
      userIds: offered,
      actorId: null,
      eventId: event.id,
      communityId: event.communityId,
      excerpt: event.title || event.titleIt,
    });
  }

  /** One run of the job: expired offers passed on, then the reminders due. */
  async sweep(now: Date): Promise<{ expired: number; reminded: number }> {
    return { expired: await this.expireOffers(now), reminded: await this.remind(now) };
  }

  async expireOffers(now: Date): Promise<number> {
    const due = await this.db
      .selectDistinct({ eventId: eventRegistrations.eventId })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.status, "OFFERED"), lte(eventRegistrations.offerExpiresAt, now)))
      .limit(500);
    let expired = 0;
    for (const { eventId } of due) {
      const told = await unitOfWork(this.db, async (w) => {
        const event = await w.lock(eventLock, eventId);
        if (!event) return [];
        const lapsed = await w.tx
          .select()
          .from(eventRegistrations)
          .where(
            and(
              eq(eventRegistrations.eventId, eventId),
              eq(eventRegistrations.status, "OFFERED"),
              lte(eventRegistrations.offerExpiresAt, now),
            ),
          )
          .orderBy(asc(eventRegistrations.queuePosition));
        for (const r of lapsed) await move(w.tx, r, "CANCELLED", null, now);
        expired += lapsed.length;
        const offered = await this.offerFreeSeats(w.tx, event, null, now);
        w.afterCommit(() => this.notifications.publish(offered));
        return offered;
      });
      void told;
    }
    return expired;
  }

  /** The reminder to the confirmed participants of events starting within EVENT_REMINDER_HOURS, once. */
  async remind(now: Date): Promise<number> {
    const due = await this.db
      .select({ id: events.id })
      .from(events)
      .where(
        and(
          isNull(events.reminderSentAt),
          isNull(events.cancelledAt),
          gt(events.startsAt, now),
          lte(events.startsAt, new Date(now.getTime() + EVENT_REMINDER_HOURS * HOUR)),
        ),
      )
      .limit(500);
    let reminded = 0;
    for (const { id } of due) {
      await unitOfWork(this.db, async (w) => {
        const event = await w.lock(eventLock, id);
        // Read again under the lock: another instance's run may have sent it meanwhile.
        if (!event || event.reminderSentAt || event.cancelledAt) return;
        const confirmed = await w.tx
          .select({ userId: eventRegistrations.userId })
          .from(eventRegistrations)
          .where(and(eq(eventRegistrations.eventId, id), inArray(eventRegistrations.status, ["CONFIRMED"])));
        await w.tx.update(events).set({ reminderSentAt: now }).where(eq(events.id, id));
        const told = await this.notifications.forEvent(w.tx, {
          kind: "EVENT_REMINDER",
          userIds: confirmed.map((r) => r.userId),
          actorId: null,
          eventId: id,
          communityId: event.communityId,
          excerpt: event.title || event.titleIt,
        });
        reminded++;
        w.afterCommit(() => this.notifications.publish(told));
      });
    }
    return reminded;
  }
}
