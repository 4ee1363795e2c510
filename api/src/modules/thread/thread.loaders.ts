import {
  communities,
  type Database,
  postRevisions,
  posts,
  reactions,
  readMarkers,
  threadEvents,
  threads,
  users,
} from "@pratica/db";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { anyId, eqId, groupedLoader, keyedLoader, perDatabase } from "../../core/loader.js";
import type { Viewer } from "../../core/viewer.js";
import { shownUserColumns } from "../identity/user.columns.js";

/** Prepared once per database: their SQL text is not rebuilt on every request. */
const queries = perDatabase((db: Database) => ({
  threadsByIds: db.select().from(threads).where(anyId(threads.id)).prepare("threads_by_ids"),
  threadsInContext: db
    .select({ thread: threads, community: communities, author: shownUserColumns })
    .from(threads)
    .innerJoin(communities, eq(communities.id, threads.communityId))
    .innerJoin(users, eq(users.id, threads.authorId))
    .where(anyId(threads.id))
    .prepare("threads_in_context"),
  postsByIds: db.select().from(posts).where(anyId(posts.id)).prepare("posts_by_ids"),
  reactionsByPosts: db
    .select({
      postId: reactions.postId,
      kind: reactions.kind,
      count: sql<number>`count(*)::int`,
      userIds: sql<string[]>`array_agg(${reactions.userId})`,
    })
    .from(reactions)
    .where(anyId(reactions.postId))
    .groupBy(reactions.postId, reactions.kind)
    .orderBy(reactions.kind)
    .prepare("reactions_by_posts"),
  revisionsByPosts: db
    .select()
    .from(postRevisions)
    .where(anyId(postRevisions.postId))
    .orderBy(asc(postRevisions.createdAt))
    .prepare("revisions_by_posts"),
  lastEventIds: db
    .select({ threadId: threadEvents.threadId, id: sql<number>`max(${threadEvents.id})` })
    .from(threadEvents)
    .where(anyId(threadEvents.threadId))
    .groupBy(threadEvents.threadId)
    .prepare("last_event_ids"),
  readMarkers: db
    .select()
    .from(readMarkers)
    .where(and(eqId(readMarkers.userId, "userId"), anyId(readMarkers.threadId)))
    .prepare("read_markers"),
  unreadCounts: db
    .select({ threadId: posts.threadId, count: sql<number>`count(*)::int` })
    .from(posts)
    .leftJoin(readMarkers, and(eq(readMarkers.threadId, posts.threadId), eqId(readMarkers.userId, "userId")))
    .where(
      and(
        anyId(posts.threadId),
        isNull(posts.deletedAt),
        sql`${posts.seq} > coalesce(${readMarkers.lastReadSeq}, 0)`,
        sql`${posts.authorId} <> ${sql.placeholder("userId")}::uuid`,
      ),
    )
    .groupBy(posts.threadId)
    .prepare("unread_counts"),
}));

export const threadLoaders = (db: Database) => {
  const q = queries(db);
  return {
    threadById: keyedLoader(
      (ids: readonly string[]) => q.threadsByIds.execute({ ids }),
      (t) => t.id,
    ),
    /**
     * A thread with its community (to check access) and author in one statement: what opening a
     * thread needs before its posts, in one round trip instead of three.
     */
    threadInContext: keyedLoader(
      (ids: readonly string[]) => q.threadsInContext.execute({ ids }),
      (r) => r.thread.id,
    ),
    postById: keyedLoader(
      (ids: readonly string[]) => q.postsByIds.execute({ ids }),
      (p) => p.id,
    ),
    /**
     * Reactions grouped per post and kind, with who reacted (so `viewerReacted` needs no query
     * of its own and one load serves every subscriber of an event): one query per batch.
     */
    reactionsByPost: groupedLoader(
      (ids: readonly string[]) => q.reactionsByPosts.execute({ ids }),
      (r) => r.postId,
    ),
    revisionsByPost: groupedLoader(
      (ids: readonly string[]) => q.revisionsByPosts.execute({ ids }),
      (r) => r.postId,
    ),
    /** The id of each thread's latest durable event: where a subscription resumes from. */
    lastEventId: keyedLoader(
      (ids: readonly string[]) => q.lastEventIds.execute({ ids }),
      (r) => r.threadId,
    ),
  };
};

/** Loaders whose answers depend on who asks. */
export const threadViewerLoaders = (db: Database, viewer: Viewer | null) => ({
  /** The viewer's read marker per thread (the seq of the last post read). */
  readMarker: keyedLoader(
    async (ids: readonly string[]) => (viewer ? queries(db).readMarkers.execute({ userId: viewer.id, ids }) : []),
    (m) => m.threadId,
  ),
  /** Posts the viewer has not read yet, per thread: one grouped query per batch. */
  unreadCount: keyedLoader(
    async (ids: readonly string[]) => (viewer ? queries(db).unreadCounts.execute({ userId: viewer.id, ids }) : []),
    (r) => r.threadId,
  ),
});
