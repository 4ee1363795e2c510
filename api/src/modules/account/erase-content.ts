import { type Executor, moderationCases, notifications, postRevisions, posts, threads } from "@pratica/db";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { type RecordedEvent, recordThreadEvent } from "../thread/thread.events.js";

/**
 * Removes the text of what the user wrote in discussions, the way `deletePost` does: each post
 * stays in place marked deleted (by its author), with a POST_DELETED event so open pages update;
 * the earlier texts of their edited posts go too, and the excerpts of their posts in other
 * people's notifications. Threads they opened keep their title (the name of a discussion others
 * took part in) and lose their opening text. Runs under the locks of `threadIds`.
 */
export async function eraseDiscussionText(
  tx: Executor,
  userId: string,
  threadIds: string[],
  now: Date,
): Promise<RecordedEvent[]> {
  if (!threadIds.length) return [];
  const erased = await tx
    .update(posts)
    .set({ deletedAt: now, deletedBy: userId })
    .where(and(eq(posts.authorId, userId), isNull(posts.deletedAt), inArray(posts.threadId, threadIds)))
    .returning({ id: posts.id, threadId: posts.threadId, communityId: posts.communityId });
  // Also the revisions of posts deleted before: a deleted post hides its history, but it is stored.
  // Not of what a moderation case still weighs (docs/moderation.md: kept until the appeal is closed).
  await tx
    .delete(postRevisions)
    .where(
      sql`${postRevisions.postId} in (select ${posts.id} from ${posts} where ${posts.authorId} = ${userId} and not ${underOpenCase(posts.hiddenCaseId)})`,
    );
  await tx
    .update(threads)
    .set({ body: "", updatedAt: now })
    .where(
      and(
        eq(threads.authorId, userId),
        inArray(threads.id, threadIds),
        sql`not ${underOpenCase(threads.hiddenCaseId)}`,
      ),
    );
  await tx.update(notifications).set({ excerpt: "" }).where(eq(notifications.actorId, userId));
  const events: RecordedEvent[] = [];
  for (const post of erased) {
    events.push(
      await recordThreadEvent(tx, {
        threadId: post.threadId,
        communityId: post.communityId,
        type: "POST_DELETED",
        postId: post.id,
        actorId: userId,
      }),
    );
  }
  return events;
}

/**
 * Whether a row is hidden by a case that is not settled yet (open, actioned and still appealable,
 * appealed): its text is evidence for the moderators and the appeal, so erasing an account keeps it.
 */
const underOpenCase = (hiddenCaseId: typeof posts.hiddenCaseId | typeof threads.hiddenCaseId) =>
  sql`exists (select 1 from ${moderationCases} where ${moderationCases.id} = ${hiddenCaseId} and ${moderationCases.state} in ('OPEN', 'ACTIONED', 'APPEALED'))`;
