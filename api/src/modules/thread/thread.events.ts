import { type Executor, type ThreadRow, threadEvents, threads } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import type { EventBus } from "../../core/event-bus.js";
import type { RowLock } from "../../core/unit-of-work.js";
import type { DurableThreadEventType, ThreadMessage } from "./thread.topics.js";

export type RecordedEvent = Extract<ThreadMessage, { kind: "durable" }> & { communityId: string };

/**
 * Locks a thread row for the rest of a unit of work and returns it as it is now. Every write to
 * a thread (its posts, reactions, flags) takes it first thing, before any insert that references
 * the thread: such an insert's foreign key check takes a KEY SHARE lock on the row, and two
 * writers each holding KEY SHARE while asking for a stronger lock deadlock. FOR NO KEY UPDATE
 * does not conflict with those KEY SHARE locks (other writers' inserts never wait on it), but it
 * does conflict with itself, so the writers of one thread are serialised: post seqs and event ids
 * are drawn under the lock and commit in the order they were drawn.
 */
export const threadLock: RowLock<ThreadRow> = {
  kind: "thread",
  take: async (tx, threadId) => {
    const [row] = await tx.select().from(threads).where(eq(threads.id, threadId)).for("no key update");
    return row;
  },
};

/**
 * Writes a durable thread event inside the caller's transaction, which holds `threadLock`: so
 * event ids of one thread commit in id order and a replay `after` a cursor can never skip an
 * event that commits later with a smaller id.
 */
export async function recordThreadEvent(
  tx: Executor,
  // actorId null: the system (a post hidden on reaching the reports' threshold).
  event: {
    threadId: string;
    communityId: string;
    type: DurableThreadEventType;
    postId: string;
    actorId: string | null;
  },
): Promise<RecordedEvent> {
  const [row] = await tx.insert(threadEvents).values(event).returning({ id: threadEvents.id });
  if (!row) throw new Error("thread event not recorded");
  return {
    kind: "durable",
    eventId: row.id,
    type: event.type,
    threadId: event.threadId,
    postId: event.postId,
    communityId: event.communityId,
  };
}

/** Published only after the transaction committed: subscribers must find the rows. */
export function publishThreadEvent(bus: EventBus, event: RecordedEvent) {
  const { communityId: _communityId, ...message } = event;
  bus.publish("thread", event.threadId, message);
}

export const eventsAfter = (db: Executor, threadId: string, afterId: number, limit: number) =>
  db
    .select()
    .from(threadEvents)
    .where(sql`${threadEvents.threadId} = ${threadId} and ${threadEvents.id} > ${afterId}`)
    .orderBy(threadEvents.id)
    .limit(limit);

export const lastEventId = async (db: Executor, threadId: string): Promise<number> => {
  const [row] = await db
    .select({ id: sql<number>`coalesce(max(${threadEvents.id}), 0)::bigint` })
    .from(threadEvents)
    .where(eq(threadEvents.threadId, threadId));
  return Number(row?.id ?? 0);
};
