import { communities, communityMemberships } from "@pratica/db";
import { type SQL, sql } from "drizzle-orm";
import { isAdmin, isSuspended, type Viewer } from "../../core/viewer.js";

/**
 * The same rule as `canRead` (community.policy.ts), as a subquery for lists across communities:
 * the ids of the communities whose content the viewer may read (public ones, those where they
 * are an active member, not suspended there nor from the platform; all for admins).
 */
export function readableCommunityIds(viewer: Viewer | null): SQL {
  // Admins read every community of practice; a consortium space (partner-search module) only when
  // they are in it: these lists (search, documents, resources, events) never show it to outsiders.
  if (isAdmin(viewer) && viewer) {
    return sql`select ${communities.id} from ${communities} where ${communities.kind} = 'PRACTICE' or ${communities.id} in (${activeMembershipIds(viewer)})`;
  }
  const mine = viewer && !isSuspended(viewer) ? sql` or ${communities.id} in (${memberCommunityIds(viewer)})` : sql``;
  return sql`select ${communities.id} from ${communities} where ${communities.visibility} = 'PUBLIC'${mine}`;
}

/** The ids of the communities where the viewer is an active member (all, for admins). */
export function memberCommunityIds(viewer: Viewer | null): SQL {
  if (isAdmin(viewer)) return sql`select ${communities.id} from ${communities}`;
  if (!viewer) return sql`select null::uuid where false`;
  return activeMembershipIds(viewer);
}

function activeMembershipIds(viewer: Viewer): SQL {
  return sql`select ${communityMemberships.communityId} from ${communityMemberships} where ${communityMemberships.userId} = ${viewer.id} and ${communityMemberships.status} = 'ACTIVE' and ${communityMemberships.suspendedUntil} is null`;
}

/** The same rule as `canModerate`: the ids of the communities the viewer facilitates (all, for admins). */
export function moderatedCommunityIds(viewer: Viewer | null): SQL {
  if (isAdmin(viewer)) return sql`select ${communities.id} from ${communities}`;
  if (!viewer) return sql`select null::uuid where false`;
  return sql`select ${communityMemberships.communityId} from ${communityMemberships} where ${communityMemberships.userId} = ${viewer.id} and ${communityMemberships.status} = 'ACTIVE' and ${communityMemberships.suspendedUntil} is null and ${communityMemberships.role} = 'FACILITATOR'`;
}
