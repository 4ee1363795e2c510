import { communities, communityMemberships, type Database } from "@pratica/db";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { groupedLoader, keyedLoader } from "../../core/loader.js";
import type { Viewer } from "../../core/viewer.js";

export const communityLoaders = (db: Database) => ({
  communityById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(communities)
        .where(inArray(communities.id, [...ids])),
    (c) => c.id,
  ),
  activeMemberCount: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select({ communityId: communityMemberships.communityId, count: sql<number>`count(*)::int` })
        .from(communityMemberships)
        .where(and(inArray(communityMemberships.communityId, [...ids]), eq(communityMemberships.status, "ACTIVE")))
        .groupBy(communityMemberships.communityId),
    (r) => r.communityId,
  ),
  membershipsByUser: groupedLoader(
    (userIds: readonly string[]) =>
      db
        .select()
        .from(communityMemberships)
        .where(inArray(communityMemberships.userId, [...userIds]))
        .orderBy(asc(communityMemberships.createdAt)),
    (m) => m.userId,
  ),
});

/** Loaders whose answers depend on who asks. */
export const communityViewerLoaders = (db: Database, viewer: Viewer | null) => ({
  /** The viewer's own membership per community (null when anonymous or not a member). */
  viewerMembership: keyedLoader(
    async (ids: readonly string[]) =>
      viewer
        ? db
            .select()
            .from(communityMemberships)
            .where(and(eq(communityMemberships.userId, viewer.id), inArray(communityMemberships.communityId, [...ids])))
        : [],
    (m) => m.communityId,
  ),
});
