import { type Database, type EventRow, eventRegistrations, events } from "@pratica/db";
import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../core/audit.js";
import { badInput, conflict, forbidden, notFound, unauthenticated } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { unitOfWork, type Work } from "../../core/unit-of-work.js";
import { parseInput, withoutNulls } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import type { CommunityService } from "../community/community.service.js";
import type { DeliverableService } from "../deliverable/deliverable.service.js";
import type { NotificationService } from "../notification/notification.service.js";
import { confirmedCount, eventLock, stale } from "./event-work.js";
import { canCreateEvent, canReadEvent, type EventAccess, isOrganiser } from "./events.policy.js";
import { cancelEventRules, createEventRules, eventColumns, updateEventRules } from "./events.rules.js";
import { ACTIVE } from "./events.workflow.js";
import type { SeatService } from "./seat.service.js";

/** What calendars must see: a change to any of these raises the event's SEQUENCE. */
const CALENDAR_FIELDS = [
  "title",
  "titleIt",
  "startsAt",
  "endsAt",
  "timeZone",
  "placeName",
  "address",
  "onlineUrl",
  "mode",
] as const;

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/** The event's title for a notification's excerpt (the email looks it up in the reader's language). */
export const titleOf = (e: Pick<EventRow, "title" | "titleIt">) => e.title || e.titleIt;

/** Events: created by facilitators (or admins), edited, cancelled, their minutes linked. */
export class EventService {
  constructor(
    private readonly db: Database,
    private readonly communities: CommunityService,
    private readonly deliverables: DeliverableService,
    private readonly notifications: NotificationService,
    private readonly seats: SeatService,
    private readonly now: () => Date,
  ) {}

  /** The viewer's access to the event's community (null for a platform-wide event). */
  async access(
    viewer: Viewer | null,
    event: Pick<EventRow, "communityId">,
    db = this.db as Work["tx"],
  ): Promise<EventAccess> {
    return event.communityId ? this.communities.access(viewer, event.communityId, db) : null;
  }

  /** Runs one change under the event's lock, the event read afresh and readable to the viewer. */
  async inEvent<T>(
    viewer: Viewer | null,
    eventId: string,
    write: (w: Work, event: EventRow, access: EventAccess, viewer: Viewer) => Promise<T>,
  ): Promise<T> {
    if (!viewer) throw unauthenticated();
    if (!isUuid(eventId)) throw notFound("Event");
    return unitOfWork(this.db, async (w) => {
      const event = await w.lock(eventLock, eventId);
      if (!event) throw notFound("Event");
      const access = await this.access(viewer, event, w.tx);
      if (!canReadEvent(viewer, access)) throw notFound("Event");
      return write(w, event, access, viewer);
    });
  }

  async create(viewer: Viewer | null, raw: object): Promise<EventRow> {
    if (!viewer) throw unauthenticated("Log in to create an event.");
    const input = parseInput(createEventRules, withoutNulls(raw));
    if (input.startsAt <= this.now()) throw badInput("startsAt", "The event starts in the future.");
    return unitOfWork(this.db, async ({ tx }) => {
      const access = input.communityId ? await this.communities.access(viewer, input.communityId, tx) : null;
      if (!canCreateEvent(viewer, access))
        throw forbidden(
          input.communityId
            ? "Only the community's facilitators create its events."
            : "Only platform admins create platform-wide events.",
        );
      const [event] = await tx
        .insert(events)
        .values({ communityId: input.communityId, organizerId: viewer.id, ...eventColumns(input) })
        .returning();
      if (!event) throw new Error("event not created");
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "event.create",
        targetKind: "event",
        targetId: event.id,
        communityId: event.communityId,
        after: { title: event.title, startsAt: event.startsAt },
      });
      return event;
    });
  }

  async update(viewer: Viewer | null, raw: object): Promise<EventRow> {
    if (!viewer) throw unauthenticated("Log in to edit the event.");
    const input = parseInput(updateEventRules, withoutNulls(raw));
    return this.inEvent(viewer, input.eventId, async (w, event, access) => {
      if (!isOrganiser(viewer, event, access)) throw forbidden("Only the event's organisers edit it.");
      if (event.version !== input.expectedVersion) throw stale(event);
      if (event.cancelledAt) throw conflict("This event is cancelled.", { cancelled: true });
      const now = this.now();
      if (event.endsAt <= now) throw conflict("This event is over.", { endedAt: event.endsAt });
      const columns = eventColumns(input);
      if (columns.startsAt.getTime() !== event.startsAt.getTime() && columns.startsAt <= now)
        throw badInput("startsAt", "The event starts in the future.");
      if (columns.capacity !== null && columns.capacity < (await confirmedCount(w.tx, event.id)))
        throw badInput("capacity", "The capacity cannot be below the confirmed participants.", {
          confirmed: await confirmedCount(w.tx, event.id),
        });
      const changed = CALENDAR_FIELDS.some((f) => !same(columns[f], event[f]));
      const [updated] = await w.tx
        .update(events)
        .set({
          ...columns,
          version: event.version + 1,
          sequence: changed ? event.sequence + 1 : event.sequence,
          // A new time: the reminder is due again before it.
          reminderSentAt: columns.startsAt.getTime() !== event.startsAt.getTime() ? null : event.reminderSentAt,
          updatedAt: now,
        })
        .where(eq(events.id, event.id))
        .returning();
      if (!updated) throw new Error("event not updated");
      await recordAudit(w.tx, {
        actorId: viewer.id,
        action: "event.update",
        targetKind: "event",
        targetId: event.id,
        communityId: event.communityId,
        before: { version: event.version },
        after: { version: updated.version, sequence: updated.sequence },
      });
      // A raised capacity frees seats: offered to the waiting list in order.
      const offered = await this.seats.offerFreeSeats(w.tx, updated, viewer.id, now);
      const told = changed ? await this.tellRegistered(w, updated, "EVENT_CHANGED", viewer.id) : [];
      w.afterCommit(() => this.notifications.publish([...offered, ...told]));
      return updated;
    });
  }

  async cancel(viewer: Viewer | null, raw: object): Promise<EventRow> {
    if (!viewer) throw unauthenticated("Log in to cancel the event.");
    const input = parseInput(cancelEventRules, withoutNulls(raw));
    return this.inEvent(viewer, input.eventId, async (w, event, access) => {
      if (!isOrganiser(viewer, event, access)) throw forbidden("Only the event's organisers cancel it.");
      if (event.version !== input.expectedVersion) throw stale(event);
      if (event.cancelledAt) throw conflict("This event is already cancelled.", { cancelled: true });
      const now = this.now();
      if (event.startsAt <= now) throw conflict("This event has started.", { startsAt: event.startsAt });
      const [cancelled] = await w.tx
        .update(events)
        .set({
          cancelledAt: now,
          cancellationReason: input.reason,
          version: event.version + 1,
          sequence: event.sequence + 1,
          updatedAt: now,
        })
        .where(eq(events.id, event.id))
        .returning();
      if (!cancelled) throw new Error("event not cancelled");
      await recordAudit(w.tx, {
        actorId: viewer.id,
        action: "event.cancel",
        targetKind: "event",
        targetId: event.id,
        communityId: event.communityId,
        after: { reason: input.reason },
      });
      const told = await this.tellRegistered(w, cancelled, "EVENT_CANCELLED", viewer.id, input.reason);
      w.afterCommit(() => this.notifications.publish(told));
      return cancelled;
    });
  }

  /**
   * Links the minutes: an existing document of the event's community, or a new one created through
   * the deliverable service ("Minutes — <event>", the organiser its first editor). A new document
   * is created in its own unit of work before the link (the deliverable's rules, not the event's).
   */
  async linkMinutes(viewer: Viewer | null, raw: { eventId: string; deliverableId?: string | null }): Promise<EventRow> {
    if (!viewer) throw unauthenticated("Log in to link the minutes.");
    if (!isUuid(raw.eventId)) throw notFound("Event");
    const [current] = await this.db.select().from(events).where(eq(events.id, raw.eventId));
    if (!current) throw notFound("Event");
    const access = await this.access(viewer, current);
    if (!canReadEvent(viewer, access)) throw notFound("Event");
    if (!isOrganiser(viewer, current, access)) throw forbidden("Only the event's organisers link its minutes.");
    if (!current.communityId)
      throw badInput("eventId", "A platform-wide event keeps its minutes elsewhere: it has no community.");
    let deliverableId = raw.deliverableId ?? null;
    if (deliverableId) {
      if (!isUuid(deliverableId)) throw badInput("deliverableId", "Choose a document of this community.");
      const { deliverable } = await this.deliverables.visible(viewer, deliverableId).catch(() => {
        throw badInput("deliverableId", "Choose a document of this community.");
      });
      if (deliverable.communityId !== current.communityId)
        throw badInput("deliverableId", "Choose a document of this community.");
    } else {
      const created = await this.deliverables.create(viewer, {
        communityId: current.communityId,
        title: `Minutes — ${titleOf(current)}`.slice(0, 200),
        summary: "",
        sections: [],
      });
      deliverableId = created.id;
    }
    return this.inEvent(viewer, raw.eventId, async (w, event, again) => {
      if (!isOrganiser(viewer, event, again)) throw forbidden("Only the event's organisers link its minutes.");
      const [linked] = await w.tx
        .update(events)
        .set({ minutesDeliverableId: deliverableId, version: event.version + 1, updatedAt: this.now() })
        .where(eq(events.id, event.id))
        .returning();
      if (!linked) throw new Error("minutes not linked");
      return linked;
    });
  }

  /** Everyone registered (pending, confirmed, waitlisted, offered, attended) hears of a change. */
  private async tellRegistered(
    w: Work,
    event: EventRow,
    kind: "EVENT_CHANGED" | "EVENT_CANCELLED",
    actorId: string,
    excerpt = titleOf(event),
  ) {
    const registered = await w.tx
      .select({ userId: eventRegistrations.userId })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, event.id), inArray(eventRegistrations.status, [...ACTIVE])));
    return this.notifications.forEvent(w.tx, {
      kind,
      userIds: registered.map((r) => r.userId),
      actorId,
      eventId: event.id,
      communityId: event.communityId,
      excerpt,
    });
  }
}
