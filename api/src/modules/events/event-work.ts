import {
  type EventRegistrationRow,
  type EventRow,
  type Executor,
  eventRegistrations,
  events,
  registrationTransitions,
} from "@pratica/db";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { conflict } from "../../core/errors.js";
import type { RowLock } from "../../core/unit-of-work.js";
import { HOLDS_SEAT, type RegistrationStatus } from "./events.workflow.js";

/**
 * The event's row lock: every registration change of an event is written under it, so seats are
 * counted and taken by one writer at a time (50 at once for 10 seats: exactly 10 confirmed).
 * `FOR NO KEY UPDATE`: registrations reference the event, and their inserts' KEY SHARE never wait on it.
 */
export const eventLock: RowLock<EventRow> = {
  kind: "event",
  take: async (tx, id) => {
    const [row] = await tx.select().from(events).where(eq(events.id, id)).for("no key update");
    return row;
  },
};

export const stale = (event: EventRow) =>
  conflict("Someone changed this event meanwhile. Reload it and try again.", {
    version: event.version,
    cancelled: event.cancelledAt !== null,
  });

export const wrongState = (registration: Pick<EventRegistrationRow, "status">, what: string) =>
  conflict(`This registration cannot be ${what} now.`, { status: registration.status });

/** Seats held (confirmed, attended, offered) under the event's lock. */
export async function seatsTaken(tx: Executor, eventId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), inArray(eventRegistrations.status, [...HOLDS_SEAT])));
  return row?.n ?? 0;
}

export async function confirmedCount(tx: Executor, eventId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), inArray(eventRegistrations.status, ["CONFIRMED", "ATTENDED"])));
  return row?.n ?? 0;
}

/** Moves a registration and writes its step (the one transition table). */
export async function move(
  tx: Executor,
  registration: EventRegistrationRow,
  to: RegistrationStatus,
  actorId: string | null,
  now: Date,
  more: Partial<Pick<EventRegistrationRow, "offeredAt" | "offerExpiresAt">> = {},
): Promise<EventRegistrationRow> {
  const offer = to === "OFFERED" ? more : { offeredAt: null, offerExpiresAt: null };
  const [moved] = await tx
    .update(eventRegistrations)
    .set({ status: to, updatedAt: now, ...offer })
    .where(eq(eventRegistrations.id, registration.id))
    .returning();
  if (!moved) throw new Error("registration not moved");
  await tx.insert(registrationTransitions).values({
    registrationId: registration.id,
    fromStatus: registration.status,
    toStatus: to,
    actorId,
    createdAt: now,
  });
  return moved;
}

/** The first on the waiting list (queue order), if any. */
export async function nextWaiting(tx: Executor, eventId: string): Promise<EventRegistrationRow | undefined> {
  const [row] = await tx
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, "WAITLISTED")))
    .orderBy(asc(eventRegistrations.queuePosition))
    .limit(1);
  return row;
}
