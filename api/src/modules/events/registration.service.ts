import {
  type Database,
  type EventRegistrationRow,
  type EventRow,
  eventRegistrations,
  registrationTransitions,
} from "@pratica/db";
import { and, eq, sql } from "drizzle-orm";
import { conflict, forbidden, notFound, unauthenticated } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { type Work } from "../../core/unit-of-work.js";
import type { Viewer } from "../../core/viewer.js";
import type { NotificationService } from "../notification/notification.service.js";
import { type EventService, titleOf } from "./event.service.js";
import { move, seatsTaken, wrongState } from "./event-work.js";
import { isOrganiser, mayRegister } from "./events.policy.js";
import { nextStatus, type RegistrationStep } from "./events.workflow.js";
import type { SeatService } from "./seat.service.js";

/** Registrations: every change under the event's row lock (event-work.ts), through the workflow's table. */
export class RegistrationService {
  constructor(
    private readonly db: Database,
    private readonly eventsService: EventService,
    private readonly seats: SeatService,
    private readonly notifications: NotificationService,
    private readonly now: () => Date,
  ) {}

  /** OPEN: CONFIRMED while seats are left, else WAITLISTED; APPROVAL: PENDING. Again after cancelling: at the end. */
  register(viewer: Viewer | null, eventId: string): Promise<EventRegistrationRow> {
    if (!viewer) throw unauthenticated("Log in to register.");
    return this.eventsService.inEvent(viewer, eventId, async (w, event, access) => {
      if (!mayRegister(viewer, access))
        throw forbidden(
          event.communityId ? "Only active members of this community register." : "Confirm your address to register.",
        );
      this.open(event);
      const [mine] = await w.tx
        .select()
        .from(eventRegistrations)
        .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.userId, viewer.id)));
      if (mine && mine.status !== "CANCELLED") throw conflict("You are registered already.", { status: mine.status });
      const now = this.now();
      const status =
        event.registration === "APPROVAL"
          ? "PENDING"
          : event.capacity === null || (await seatsTaken(w.tx, event.id)) < event.capacity
            ? "CONFIRMED"
            : "WAITLISTED";
      let row: EventRegistrationRow | undefined;
      if (mine) {
        // A new place at the end of the list: the sequence's next value.
        [row] = await w.tx
          .update(eventRegistrations)
          .set({
            status,
            queuePosition: sql`nextval(pg_get_serial_sequence('event_registrations', 'queue_position'))`,
            offeredAt: null,
            offerExpiresAt: null,
            updatedAt: now,
          })
          .where(eq(eventRegistrations.id, mine.id))
          .returning();
      } else {
        [row] = await w.tx
          .insert(eventRegistrations)
          .values({ eventId: event.id, userId: viewer.id, status, createdAt: now, updatedAt: now })
          .returning();
      }
      if (!row) throw new Error("registration not written");
      await w.tx.insert(registrationTransitions).values({
        registrationId: row.id,
        fromStatus: mine?.status ?? null,
        toStatus: status,
        actorId: viewer.id,
        createdAt: now,
      });
      return row;
    });
  }

  /** The participant cancels; a seat they held goes to the waiting list. */
  cancel(viewer: Viewer | null, eventId: string): Promise<EventRegistrationRow> {
    if (!viewer) throw unauthenticated("Log in to cancel your registration.");
    return this.eventsService.inEvent(viewer, eventId, async (w, event) => {
      const mine = await this.mine(w, event, viewer);
      if (event.startsAt <= this.now()) throw conflict("This event has started.", { startsAt: event.startsAt });
      return this.step(w, event, mine, "CANCEL", viewer.id, "cancelled");
    });
  }

  /** The one offered a seat takes it within the window. */
  claim(viewer: Viewer | null, eventId: string): Promise<EventRegistrationRow> {
    if (!viewer) throw unauthenticated("Log in to claim the seat.");
    return this.eventsService.inEvent(viewer, eventId, async (w, event) => {
      const mine = await this.mine(w, event, viewer);
      const now = this.now();
      if (mine.status === "OFFERED" && mine.offerExpiresAt && mine.offerExpiresAt <= now)
        throw conflict("The time to claim this seat has passed.", {
          status: mine.status,
          offerExpiresAt: mine.offerExpiresAt,
        });
      if (event.cancelledAt || event.startsAt <= now)
        throw conflict("This event is no longer open.", { status: mine.status });
      const to = nextStatus("CLAIM", mine.status);
      if (!to) throw wrongState(mine, "claimed");
      return move(w.tx, mine, to, viewer.id, now);
    });
  }

  /** Organisers: APPROVE (→ CONFIRMED, or WAITLISTED when full) or DECLINE (→ CANCELLED) a PENDING one. */
  async decide(viewer: Viewer | null, input: { registrationId: string; decision: "APPROVE" | "DECLINE" }) {
    if (!viewer) throw unauthenticated();
    const eventId = await this.eventOf(input.registrationId);
    return this.eventsService.inEvent(viewer, eventId, async (w, event, access) => {
      if (!isOrganiser(viewer, event, access)) throw forbidden("Only the event's organisers decide registrations.");
      const registration = await this.byId(w, input.registrationId);
      if (event.cancelledAt) throw conflict("This event is cancelled.", { status: registration.status });
      let step: RegistrationStep = input.decision;
      if (step === "APPROVE" && event.capacity !== null && (await seatsTaken(w.tx, event.id)) >= event.capacity)
        step = "APPROVE_FULL";
      const moved = await this.step(w, event, registration, step, viewer.id, "decided");
      const told = await this.notifications.forEvent(w.tx, {
        kind: "EVENT_REGISTRATION",
        userIds: [moved.userId],
        actorId: viewer.id,
        eventId: event.id,
        communityId: event.communityId,
        excerpt: titleOf(event),
      });
      w.afterCommit(() => this.notifications.publish(told));
      return moved;
    });
  }

  /** Organisers, once the event started: CONFIRMED ⇄ ATTENDED. */
  async markAttendance(viewer: Viewer | null, input: { registrationId: string; attended: boolean }) {
    if (!viewer) throw unauthenticated();
    const eventId = await this.eventOf(input.registrationId);
    return this.eventsService.inEvent(viewer, eventId, async (w, event, access) => {
      if (!isOrganiser(viewer, event, access)) throw forbidden("Only the event's organisers mark attendance.");
      const registration = await this.byId(w, input.registrationId);
      if (event.startsAt > this.now())
        throw conflict("Attendance is marked once the event has started.", { status: registration.status });
      return this.step(w, event, registration, input.attended ? "ATTEND" : "UNATTEND", viewer.id, "marked");
    });
  }

  private open(event: EventRow) {
    if (event.cancelledAt) throw conflict("This event is cancelled.", { cancelled: true });
    if (event.registration === "CLOSED")
      throw conflict("Registration for this event is closed.", { registration: "CLOSED" });
    if (event.startsAt <= this.now()) throw conflict("This event has started.", { startsAt: event.startsAt });
  }

  private async step(
    w: Work,
    event: EventRow,
    registration: EventRegistrationRow,
    step: RegistrationStep,
    actorId: string,
    what: string,
  ) {
    const to = nextStatus(step, registration.status);
    if (!to) throw wrongState(registration, what);
    const now = this.now();
    const moved = await move(w.tx, registration, to, actorId, now);
    if (registration.status === "CONFIRMED" || registration.status === "OFFERED") {
      const offered = await this.seats.offerFreeSeats(w.tx, event, actorId, now);
      w.afterCommit(() => this.notifications.publish(offered));
    }
    return moved;
  }

  private async mine(w: Work, event: EventRow, viewer: Viewer): Promise<EventRegistrationRow> {
    const [mine] = await w.tx
      .select()
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.userId, viewer.id)));
    if (!mine) throw notFound("Registration");
    return mine;
  }

  private async byId(w: Work, id: string): Promise<EventRegistrationRow> {
    const [row] = await w.tx.select().from(eventRegistrations).where(eq(eventRegistrations.id, id));
    if (!row) throw notFound("Registration");
    return row;
  }

  private async eventOf(registrationId: string): Promise<string> {
    if (!isUuid(registrationId)) throw notFound("Registration");
    const [row] = await this.db
      .select({ eventId: eventRegistrations.eventId })
      .from(eventRegistrations)
      .where(eq(eventRegistrations.id, registrationId));
    if (!row) throw notFound("Registration");
    return row.eventId;
  }
}
