import { communities, communityMemberships, type Database } from "@pratica/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { anyId, eqId, groupedLoader, keyedLoader, perDatabase } from "../../core/loader.js";
import type { Viewer } from "../../core/viewer.js";

const queries = perDatabase((db: Database) => ({
  communitiesByIds: db.select().from(communities).where(anyId(communities.id)).prepare("communities_by_ids"),
  activeMemberCounts: db
    .select({ communityId: communityMemberships.communityId, count: sql<number>`count(*)::int` })
    .from(communityMemberships)
    .where(and(anyId(communityMemberships.communityId), eq(communityMemberships.status, "ACTIVE")))
    .groupBy(communityMemberships.communityId)
    .prepare("active_member_counts"),
  membershipsByUsers: db
    .select()
    .from(communityMemberships)
    .where(anyId(communityMemberships.userId))
    .orderBy(asc(communityMemberships.createdAt))
    .prepare("memberships_by_users"),
  viewerMemberships: db
    .select()
    .from(communityMemberships)
    .where(and(eqId(communityMemberships.userId, "userId"), anyId(communityMemberships.communityId)))
    .prepare("viewer_memberships"),
}));

export const communityLoaders = (db: Database) => {
  const q = queries(db);
  return {
    communityById: keyedLoader(
      (ids: readonly string[]) => q.communitiesByIds.execute({ ids }),
      (c) => c.id,
    ),
    activeMemberCount: keyedLoader(
      (ids: readonly string[]) => q.activeMemberCounts.execute({ ids }),
      (r) => r.communityId,
    ),
    membershipsByUser: groupedLoader(
      (ids: readonly string[]) => q.membershipsByUsers.execute({ ids }),
      (m) => m.userId,
    ),
  };
};

/** Loaders whose answers depend on who asks. */
export const communityViewerLoaders = (db: Database, viewer: Viewer | null) => ({
  /** The viewer's own membership per community (null when anonymous or not a member). */
  viewerMembership: keyedLoader(
    async (ids: readonly string[]) => (viewer ? queries(db).viewerMemberships.execute({ userId: viewer.id, ids }) : []),
    (m) => m.communityId,
  ),
});
