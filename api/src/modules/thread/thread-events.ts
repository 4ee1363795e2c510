import type { Context } from "../../core/context.js";
import { decodeCursor, seqCursor } from "../../core/pagination.js";
import { type Revoked, replayThenLive } from "../../core/replay-then-live.js";
import { eventsAfter } from "./thread.events.js";
import { canReadThreads } from "./thread.policy.js";
import type { ThreadMessage } from "./thread.topics.js";

export type ThreadEventPayload = ThreadMessage | Revoked;

/**
 * `threadEvents(threadId, after)`: every durable event after the cursor from the database, then
 * live ones from the event bus, with no gap and no duplicate at the seam (core/replay-then-live.ts).
 * Access is asked again whenever the viewer's membership in the community changes.
 */
export async function threadEventStream(ctx: Context, threadId: string, after: string | null | undefined) {
  const { thread, access } = await ctx.services.thread.readable(ctx.viewer, threadId);
  const { db, bus, community } = ctx.services;
  const viewerId = ctx.viewer?.id ?? null;
  return replayThenLive({
    bus,
    topic: "thread",
    id: thread.id,
    after: decodeCursor(seqCursor, after),
    replay: (afterId, limit) => eventsAfter(db, thread.id, afterId, limit),
    fromRow: (row): ThreadMessage => ({
      kind: "durable",
      type: row.type,
      eventId: row.id,
      threadId: row.threadId,
      postId: row.postId,
    }),
    idOf: (message) => (message.kind === "durable" ? message.eventId : null),
    // Nobody needs to see themself typing.
    admits: (message) => message.kind !== "typing" || message.userId !== viewerId,
    viewerId,
    concerns: (m) => m.type === "MEMBERSHIP_CHANGED" && m.communityId === thread.communityId,
    stillAllowed: async () =>
      canReadThreads({
        ...access,
        membership: viewerId ? ((await community.membershipOf(thread.communityId, viewerId)) ?? null) : null,
      }),
  });
}
