import type { Context } from "../../core/context.js";
import { decodeCursor, seqCursor } from "../../core/pagination.js";
import { type Revoked, replayThenLive } from "../../core/replay-then-live.js";
import { deliverableEventsAfter } from "./deliverable.events.js";
import { canSeeDeliverable } from "./deliverable.policy.js";
import type { DeliverableMessage } from "./deliverable.topics.js";

export type DeliverableEventPayload = DeliverableMessage | Revoked;

/**
 * `deliverableEvents(deliverableId, after)`: every durable event after the cursor from the
 * database, then live ones, with no gap and no duplicate at the seam (core/replay-then-live.ts).
 * Access is asked again when the viewer's membership in the community changes and before a
 * status change is delivered (a draft may close to readers).
 */
export async function deliverableEventStream(ctx: Context, deliverableId: string, after: string | null | undefined) {
  const { deliverable } = await ctx.services.deliverable.visible(ctx.viewer, deliverableId);
  const { db, bus } = ctx.services;
  return replayThenLive({
    bus,
    topic: "deliverable",
    id: deliverable.id,
    after: decodeCursor(seqCursor, after),
    replay: (afterId, limit) => deliverableEventsAfter(db, deliverable.id, afterId, limit),
    fromRow: (row): DeliverableMessage => ({
      kind: "durable",
      eventId: row.id,
      type: row.type,
      deliverableId: row.deliverableId,
      subjectId: row.subjectId,
    }),
    idOf: (message) => (message.kind === "durable" ? message.eventId : null),
    viewerId: ctx.viewer?.id ?? null,
    concerns: (m) => m.type === "MEMBERSHIP_CHANGED" && m.communityId === deliverable.communityId,
    recheckBefore: (message) => message.kind === "durable" && message.type === "STATUS_CHANGED",
    stillAllowed: async () => {
      try {
        const { deliverable: now, access } = await ctx.services.deliverable.visible(ctx.viewer, deliverable.id);
        return canSeeDeliverable(access, now);
      } catch {
        return false;
      }
    },
  });
}
