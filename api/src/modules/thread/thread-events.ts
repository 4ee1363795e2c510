import type { Context } from "../../core/context.js";
import { accessWatch, liveStream, mergeWithWatch, type Revoked, revoked } from "../../core/live.js";
import type { DurableThreadEventType, ThreadMessage } from "../../core/topics.js";
import { decodeSeqCursor } from "./thread.cursor.js";
import { eventsAfter } from "./thread.events.js";
import { canReadThreads } from "./thread.policy.js";

export type ThreadEventPayload =
  | { kind: "durable"; type: DurableThreadEventType; eventId: number; postId: string }
  | { kind: "typing"; userId: string; threadId: string }
  | Revoked;

const REPLAY_BATCH = 500;

/**
 * `threadEvents(threadId, after)`: first every durable event after the cursor, from the
 * database, then live ones from the event bus, with no gap and no duplicate at the seam.
 *
 * The live topic is subscribed (and, through Redis, confirmed) before the replay query runs,
 * so nothing published meanwhile is lost; live events the replay already delivered (id ≤ last delivered) are dropped. Event ids
 * of one thread commit in id order (writers lock the thread row), so "after the last id" is exact.
 */
export async function threadEventStream(ctx: Context, threadId: string, after: string | null | undefined) {
  const { thread, access } = await ctx.services.thread.readable(ctx.viewer, threadId);
  const afterId = decodeSeqCursor(after);
  const { db, bus, community } = ctx.services;
  const watch = accessWatch(ctx, thread.communityId);
  const merged = mergeWithWatch<ThreadMessage>(bus.subscribe("thread", thread.id), watch.changes);
  const stillAllowed = async () =>
    canReadThreads({
      ...access,
      membership: ctx.viewer ? ((await community.membershipOf(thread.communityId, ctx.viewer.id)) ?? null) : null,
    });

  return liveStream<ThreadEventPayload>([merged], async (emit) => {
    // Start listening (a Repeater starts on its first pull) and make sure the topic reaches us
    // before the replay query runs; the first live message is handled after the replay.
    const firstLive = merged.next();
    await bus.ready(`thread:${thread.id}`);
    let last = afterId ?? 0;
    if (afterId !== null) {
      for (;;) {
        const rows = await eventsAfter(db, thread.id, last, REPLAY_BATCH);
        for (const row of rows) {
          last = row.id;
          await emit({ kind: "durable", type: row.type, eventId: row.id, postId: row.postId });
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
      } else if (event.userId === ctx.viewer?.id) {
        continue; // nobody needs to see themself typing
      }
      await emit(event);
    }
  });
}
