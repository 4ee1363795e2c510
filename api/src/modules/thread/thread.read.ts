import { type Executor, notifications, posts } from "@pratica/db";
import { and, eq, isNull, lte, or, sql } from "drizzle-orm";

/**
 * Opening a thread (its read marker moving to `upToSeq`) also reads the viewer's notifications
 * about it up to that post: what the reader has seen in the thread is not news in the bell. A
 * reply that arrived live while the thread was open is marked the same way, since the page
 * moves the marker over it. Notifications about the thread that name no post (none yet) are
 * read on opening too. The rows are the viewer's own, updated in one statement under their
 * own row locks, as `markAllNotificationsRead` does.
 */
export async function readThreadNotifications(
  tx: Executor,
  userId: string,
  threadId: string,
  upToSeq: number,
  now: Date,
): Promise<number> {
  const seen = tx
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.threadId, threadId), lte(posts.seq, upToSeq)));
  const updated = await tx
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.threadId, threadId),
        isNull(notifications.readAt),
        or(isNull(notifications.postId), sql`${notifications.postId} in (${seen})`),
      ),
    )
    .returning({ id: notifications.id });
  return updated.length;
}
