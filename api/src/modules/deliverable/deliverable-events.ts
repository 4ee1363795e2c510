import type { Context } from "../../core/context.js";
import { accessWatch, liveStream, mergeWithWatch, type Revoked, revoked } from "../../core/live.js";
import { decodeCursor, seqCursor } from "../../core/pagination.js";
import { deliverableEventsAfter } from "./deliverable.events.js";
import { canSeeDeliverable } from "./deliverable.policy.js";
import type { DeliverableMessage } from "./deliverable.topics.js";

export type DeliverableEventPayload = DeliverableMessage | Revoked;

const REPLAY_BATCH = 500;

/**
 * `deliverableEvents(deliverableId, after)`: every durable event after the cursor from the
 * database, then live ones, with no gap and no duplicate at the seam (the same scheme as
 * `threadEvents`, docs/realtime.md). Access is asked again when the viewer's membership in the
 * community changes and when the document's status changes (a draft may close to readers).
 */
export async function deliverableEventStream(ctx: Context, deliverableId: string, after: string | null | undefined) {
  const { deliverable } = await ctx.services.deliverable.visible(ctx.viewer, deliverableId);
  const afterId = decodeCursor(seqCursor, after);
  const { db, bus } = ctx.services;
  const watch = accessWatch(ctx, deliverable.communityId);
  const merged = mergeWithWatch<DeliverableMessage>(bus.subscribe("deliverable", deliverable.id), watch.changes);
  const stillAllowed = async () => {
    try {
      const { deliverable: now, access } = await ctx.services.deliverable.visible(ctx.viewer, deliverable.id);
      return canSeeDeliverable(access, now);
    } catch {
      return false;
    }
  };

  return liveStream<DeliverableEventPayload>([merged], async (emit) => {
    // Listen first (a Repeater starts on its first pull) and make sure the topic reaches us
    // before the replay query runs.
    const firstLive = merged.next();
    await bus.ready(`deliverable:${deliverable.id}`);
    let last = afterId ?? 0;
    if (afterId !== null) {
      for (;;) {
        const rows = await deliverableEventsAfter(db, deliverable.id, last, REPLAY_BATCH);
        for (const row of rows) {
          last = row.id;
          await emit({
            kind: "durable",
            eventId: row.id,
            type: row.type,
            deliverableId: row.deliverableId,
            subjectId: row.subjectId,
          });
        }
        if (rows.length < REPLAY_BATCH) break;
      }
    }
    for (let next = await firstLive; !next.done; next = await merged.next()) {
      const message = next.value;
      if (message.from === "watch") {
        if (watch.concerns(message.value) && !(await stillAllowed())) return emit(revoked());
        continue;
      }
      const event = message.value;
      if (event.kind === "durable") {
        if (event.eventId <= last) continue;
        last = event.eventId;
        if (event.type === "STATUS_CHANGED" && !(await stillAllowed())) return emit(revoked());
      }
      await emit(event);
    }
  });
}
