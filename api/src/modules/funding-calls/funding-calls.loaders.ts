import { type Database, fundingCallFollows, fundingCallRevisions, fundingCalls } from "@pratica/db";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { groupedLoader, keyedLoader } from "../../core/loader.js";
import type { Viewer } from "../../core/viewer.js";

/** Funding calls are public: the rows answer the same for every viewer. */
export const fundingCallLoaders = (db: Database) => ({
  fundingCallById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(fundingCalls)
        .where(inArray(fundingCalls.id, [...ids])),
    (c) => c.id,
  ),
  /** Newest first. */
  fundingCallRevisionsByCall: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(fundingCallRevisions)
        .where(inArray(fundingCallRevisions.callId, [...ids]))
        .orderBy(desc(fundingCallRevisions.revision)),
    (r) => r.callId,
  ),
  fundingCallFollowerCount: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select({ callId: fundingCallFollows.callId, n: sql<number>`count(*)::int` })
        .from(fundingCallFollows)
        .where(inArray(fundingCallFollows.callId, [...ids]))
        .groupBy(fundingCallFollows.callId),
    (c) => c.callId,
  ),
});

export const fundingCallViewerLoaders = (db: Database, viewer: Viewer | null) => ({
  /** The viewer's follow per call. */
  viewerFollowsCall: keyedLoader(
    (ids: readonly string[]) =>
      viewer
        ? db
            .select({ callId: fundingCallFollows.callId })
            .from(fundingCallFollows)
            .where(and(eq(fundingCallFollows.userId, viewer.id), inArray(fundingCallFollows.callId, [...ids])))
        : Promise.resolve([]),
    (f) => f.callId,
  ),
});
