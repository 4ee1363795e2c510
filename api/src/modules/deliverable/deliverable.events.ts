import { deliverableEvents, deliverables, type Executor } from "@pratica/db";
import { sql } from "drizzle-orm";
import type { EventBus } from "../../core/event-bus.js";
import { rowLock } from "../../core/unit-of-work.js";
import type { DeliverableMessage, DurableDeliverableEventType } from "./deliverable.topics.js";

export type RecordedDeliverableEvent = Extract<DeliverableMessage, { kind: "durable" }>;

/**
 * Locks the deliverable row for the rest of a unit of work. Every write to a deliverable takes it
 * first, so writes to one document are serialised (a stale `expectedVersion` is then seen for
 * certain) and its event ids commit in id order, which is what lets a replay `after` a cursor
 * never skip an event.
 */
export const deliverableLock = rowLock("deliverable", deliverables, "update");

/** Writes a durable event inside the caller's transaction (which holds the deliverable lock). */
export async function recordDeliverableEvent(
  tx: Executor,
  event: {
    deliverableId: string;
    communityId: string;
    type: DurableDeliverableEventType;
    subjectId?: string | null;
    actorId: string;
  },
): Promise<RecordedDeliverableEvent> {
  const [row] = await tx
    .insert(deliverableEvents)
    .values({ ...event, subjectId: event.subjectId ?? null })
    .returning({ id: deliverableEvents.id });
  if (!row) throw new Error("deliverable event not recorded");
  return {
    kind: "durable",
    eventId: row.id,
    type: event.type,
    deliverableId: event.deliverableId,
    subjectId: event.subjectId ?? null,
  };
}

/** Published only after the transaction committed: subscribers must find the rows. */
export function publishDeliverableEvents(bus: EventBus, events: RecordedDeliverableEvent[]) {
  for (const event of events) bus.publish("deliverable", event.deliverableId, event);
}

export const deliverableEventsAfter = (db: Executor, deliverableId: string, afterId: number, limit: number) =>
  db
    .select()
    .from(deliverableEvents)
    .where(sql`${deliverableEvents.deliverableId} = ${deliverableId} and ${deliverableEvents.id} > ${afterId}`)
    .orderBy(deliverableEvents.id)
    .limit(limit);
