import type { EntityTopic, EventBus, MessageOf } from "./event-bus.js";
import { LiveFeed } from "./live-feed.js";
import type { Topics } from "./topics.js";

/** What a viewer's own topic carries (identity owns it); access is asked again on its MEMBERSHIP_CHANGED. */
type UserMessage = Topics["user"][1];

/**
 * Pushed when the viewer lost access: the subscription's resolver answers FORBIDDEN and the
 * stream ends. A fresh object each time, since results are shared per event object.
 */
export type Revoked = { kind: "revoked" };
export const revoked = (): Revoked => ({ kind: "revoked" });

const REPLAY_BATCH = 500;

export type ReplayThenLiveOptions<K extends EntityTopic, R> = {
  bus: EventBus;
  /** The entity's topic, `topic:id` on the bus. */
  topic: K;
  id: string;
  /** Replay the durable events after this id first; null: live only. */
  after: number | null;
  /** Stored events with an id above `afterId`, in id order, at most `limit` of them. */
  replay?: (afterId: number, limit: number) => Promise<R[]>;
  /** A stored event as the message the bus carried for it. */
  fromRow?: (row: R) => MessageOf<K>;
  /**
   * A message's durable event id, or null for one that is never stored (typing, presence).
   * Ids of one entity must commit in id order (its writers lock it), so "after the last id"
   * is exact.
   */
  idOf: (message: MessageOf<K>) => number | null;
  /** Whether this subscriber receives a live message at all (default: every one). */
  admits?: (message: MessageOf<K>) => boolean;
  /** The viewer, whose `user:<id>` topic tells of membership changes; null when anonymous. */
  viewerId: string | null;
  /** Which of the viewer's messages make the stream ask `stillAllowed` again. */
  concerns: (message: UserMessage) => boolean;
  /** Messages before which the stream asks again (a status change that may close a document). */
  recheckBefore?: (message: MessageOf<K>) => boolean;
  /** The access rule, read afresh. */
  stillAllowed: () => Promise<boolean>;
};

/**
 * The one way a live stream replays what it missed and then goes live, with no gap and no
 * duplicate at the seam (docs/architecture.md, "Live streams"):
 *
 * - the subscriber joins the entity's topic first (and waits until the bus confirms it: Redis
 *   subscribes asynchronously), holding live messages;
 * - it replays the stored events after the cursor, in batches, from the database;
 * - then it lets the held messages through, dropping those whose id is ≤ the last delivered.
 *
 * Access is asked again whenever the viewer's membership changes (and before the messages
 * `recheckBefore` names); messages are held during the check, so nothing published after a
 * removal reaches the removed member: the stream pushes `revoked()` and ends.
 *
 * The result is a LiveFeed, which the server taps (server/shared-subscribe.ts): the messages
 * pushed are the bus's own objects, one per event and process, so a result computed for one
 * subscriber serves every subscriber with the same selection.
 */
export function replayThenLive<K extends EntityTopic, R = never>(
  options: ReplayThenLiveOptions<K, R>,
): LiveFeed<MessageOf<K> | Revoked> {
  type M = MessageOf<K>;
  const { bus, topic, id, idOf, admits, recheckBefore } = options;

  let last = options.after ?? 0;
  // Live messages wait in `held` while there are reasons to hold them: the replay, and each
  // access check under way. They flow again, in order, when `holds` is back to 0.
  let held: M[] = [];
  let holds = 1; // the replay
  // Checks run one after the other; a replay batch read meanwhile waits for the answer too.
  let checks: Promise<boolean> = Promise.resolve(true);

  const pass = (message: M) => {
    if (admits && !admits(message)) return;
    const eventId = idOf(message);
    if (eventId !== null) {
      if (eventId <= last) return;
      last = eventId;
    }
    if (recheckBefore?.(message)) recheck(message);
    else feed.push(message);
  };
  const release = () => {
    if (--holds > 0) return;
    // A message in the queue may start a check (and hold again): the rest then waits for it.
    while (holds === 0 && held.length > 0) pass(held.shift() as M);
  };
  const recheck = (before?: M) => {
    holds++;
    checks = checks.then((allowed) => allowed && options.stillAllowed());
    checks.then(
      (allowed) => {
        if (feed.closed) return;
        if (!allowed) {
          held = [];
          feed.push(revoked());
          return feed.end();
        }
        if (before !== undefined) feed.push(before);
        release();
      },
      (err: unknown) => feed.end(err),
    );
  };

  const membership = bus.join(topic, id, (message) => {
    try {
      if (holds > 0) held.push(message);
      else pass(message);
    } catch (err) {
      feed.end(err);
    }
  });
  const watch =
    options.viewerId === null
      ? null
      : bus.join("user", options.viewerId, (message) => {
          if (options.concerns(message)) recheck();
        });
  const feed = new LiveFeed<M | Revoked>(() => {
    membership.leave();
    watch?.leave();
  });

  const replay = async () => {
    await bus.ready(`${topic}:${id}`);
    const { after, replay: read, fromRow } = options;
    if (after !== null && read && fromRow) {
      for (;;) {
        const rows = await read(last, REPLAY_BATCH);
        if (!(await checks)) return;
        for (const row of rows) {
          if (feed.closed) return;
          const message = fromRow(row);
          last = idOf(message) ?? last;
          if (recheckBefore?.(message) && !(await options.stillAllowed())) {
            feed.push(revoked());
            return feed.end();
          }
          feed.push(message);
        }
        if (rows.length < REPLAY_BATCH) break;
      }
    }
    release();
  };
  replay().catch((err: unknown) => feed.end(err));
  return feed;
}
