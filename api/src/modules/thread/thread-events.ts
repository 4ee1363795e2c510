import type { Context } from "../../core/context.js";
import type { EventBus } from "../../core/event-bus.js";
import { type Revoked, revoked } from "../../core/live.js";
import { LiveFeed } from "../../core/live-feed.js";
import { decodeCursor, seqCursor } from "../../core/pagination.js";
import { createTopicHub, type TopicHub } from "../../core/topic-hub.js";
import type { UserMessage } from "../identity/identity.topics.js";
import { eventsAfter } from "./thread.events.js";
import { canReadThreads } from "./thread.policy.js";
import type { DurableThreadEventType, ThreadMessage } from "./thread.topics.js";

export type ThreadEventPayload =
  | { kind: "durable"; type: DurableThreadEventType; eventId: number; postId: string }
  | { kind: "typing"; userId: string; threadId: string }
  | Revoked;

const REPLAY_BATCH = 500;

// One bus subscription per thread and process, shared by all its subscribers (topic-hub.ts).
const hubs = new WeakMap<EventBus, TopicHub<ThreadMessage>>();
const hubOf = (bus: EventBus) => {
  let hub = hubs.get(bus);
  if (!hub) {
    // Listeners below catch their own errors and end their subscriber's feed with them.
    hub = createTopicHub<ThreadMessage>((threadId) => bus.subscribe("thread", threadId));
    hubs.set(bus, hub);
  }
  return hub;
};

/**
 * `threadEvents(threadId, after)`: first every durable event after the cursor, from the
 * database, then live ones from the event bus, with no gap and no duplicate at the seam.
 *
 * The subscriber joins the thread's topic before the replay query runs (and, through Redis, the
 * topic is confirmed), holding live messages meanwhile; after the replay they are let through,
 * dropping those whose id is ≤ the last delivered. Event ids of one thread commit in id order
 * (writers lock the thread row), so "after the last id" is exact.
 *
 * Access is re-checked whenever the viewer's membership in the community changes; messages are
 * held during the check, so nothing published after a removal reaches the removed member.
 */
export async function threadEventStream(ctx: Context, threadId: string, after: string | null | undefined) {
  const { thread, access } = await ctx.services.thread.readable(ctx.viewer, threadId);
  const afterId = decodeCursor(seqCursor, after);
  const { db, bus, community } = ctx.services;
  const viewerId = ctx.viewer?.id;

  let last = afterId ?? 0;
  // Live messages wait here while the replay runs or access is being checked again; `holds`
  // counts those reasons (both may overlap), the messages flow again when it is back to 0.
  let held: ThreadMessage[] | null = [];
  let holds = 1; // the replay
  const deliver = (message: ThreadMessage) => {
    if (message.kind === "durable") {
      if (message.eventId <= last) return;
      last = message.eventId;
    } else if (message.userId === viewerId) {
      return; // nobody needs to see themself typing
    }
    feed.push(message);
  };
  const hold = () => {
    if (holds++ === 0) held = [];
  };
  const release = () => {
    if (--holds > 0) return;
    const waiting = held ?? [];
    held = null;
    for (const message of waiting) deliver(message);
  };

  const membership = hubOf(bus).join(thread.id, (message) => {
    try {
      if (held) held.push(message);
      else deliver(message);
    } catch (err) {
      feed.end(err);
    }
  });
  const watch = ctx.viewer ? bus.subscribe("user", ctx.viewer.id) : null;
  const feed = new LiveFeed<ThreadEventPayload>(() => {
    membership.leave();
    void watch?.return();
  });

  const stillAllowed = async () =>
    canReadThreads({
      ...access,
      membership: viewerId ? ((await community.membershipOf(thread.communityId, viewerId)) ?? null) : null,
    });
  let checking: Promise<boolean> | null = null;
  const concerns = (m: UserMessage) => m.type === "MEMBERSHIP_CHANGED" && m.communityId === thread.communityId;

  const replay = async () => {
    await bus.ready(`thread:${thread.id}`);
    if (afterId !== null) {
      for (;;) {
        const rows = await eventsAfter(db, thread.id, last, REPLAY_BATCH);
        // Rows read while access was being checked again wait for the answer too.
        if (checking && !(await checking)) return;
        for (const row of rows) {
          if (feed.closed) return;
          last = row.id;
          feed.push({ kind: "durable", type: row.type, eventId: row.id, postId: row.postId });
        }
        if (rows.length < REPLAY_BATCH) break;
      }
    }
    release();
  };

  const guard = async () => {
    if (!watch) return;
    for await (const change of watch) {
      if (!concerns(change)) continue;
      hold();
      checking = stillAllowed();
      const allowed = await checking;
      checking = null;
      if (!allowed) {
        held = null;
        feed.push(revoked());
        return feed.end();
      }
      release();
    }
  };

  replay().catch((err: unknown) => feed.end(err));
  guard().catch((err: unknown) => feed.end(err));
  return feed;
}
