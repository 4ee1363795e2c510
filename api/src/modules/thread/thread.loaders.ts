import { type Database, postRevisions, posts, reactions, readMarkers, threadEvents, threads } from "@pratica/db";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { groupedLoader, keyedLoader } from "../../core/loader.js";
import type { Viewer } from "../../core/viewer.js";

export const threadLoaders = (db: Database) => ({
  threadById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(threads)
        .where(inArray(threads.id, [...ids])),
    (t) => t.id,
  ),
  postById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(posts)
        .where(inArray(posts.id, [...ids])),
    (p) => p.id,
  ),
  /**
   * Reactions grouped per post and kind, with who reacted (so `viewerReacted` needs no query
   * of its own and one load serves every subscriber of an event): one query per batch.
   */
  reactionsByPost: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select({
          postId: reactions.postId,
          kind: reactions.kind,
          count: sql<number>`count(*)::int`,
          userIds: sql<string[]>`array_agg(${reactions.userId})`,
        })
        .from(reactions)
        .where(inArray(reactions.postId, [...ids]))
        .groupBy(reactions.postId, reactions.kind)
        .orderBy(reactions.kind),
    (r) => r.postId,
  ),
  revisionsByPost: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(postRevisions)
        .where(inArray(postRevisions.postId, [...ids]))
        .orderBy(asc(postRevisions.createdAt)),
    (r) => r.postId,
  ),
  /** The id of each thread's latest durable event: where a subscription resumes from. */
  lastEventId: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select({ threadId: threadEvents.threadId, id: sql<number>`max(${threadEvents.id})` })
        .from(threadEvents)
        .where(inArray(threadEvents.threadId, [...ids]))
        .groupBy(threadEvents.threadId),
    (r) => r.threadId,
  ),
});

/** Loaders whose answers depend on who asks. */
export const threadViewerLoaders = (db: Database, viewer: Viewer | null) => ({
  /** The viewer's read marker per thread (the seq of the last post read). */
  readMarker: keyedLoader(
    async (ids: readonly string[]) =>
      viewer
        ? db
            .select()
            .from(readMarkers)
            .where(and(eq(readMarkers.userId, viewer.id), inArray(readMarkers.threadId, [...ids])))
        : [],
    (m) => m.threadId,
  ),
  /** Posts the viewer has not read yet, per thread: one grouped query per batch. */
  unreadCount: keyedLoader(
    async (ids: readonly string[]) =>
      viewer
        ? db
            .select({ threadId: posts.threadId, count: sql<number>`count(*)::int` })
            .from(posts)
            .leftJoin(readMarkers, and(eq(readMarkers.threadId, posts.threadId), eq(readMarkers.userId, viewer.id)))
            .where(
              and(
                inArray(posts.threadId, [...ids]),
                isNull(posts.deletedAt),
                sql`${posts.seq} > coalesce(${readMarkers.lastReadSeq}, 0)`,
                sql`${posts.authorId} <> ${viewer.id}`,
              ),
            )
            .groupBy(posts.threadId)
        : [],
    (r) => r.threadId,
  ),
});
