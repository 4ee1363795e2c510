import { communities, communityMemberships, type Executor, posts, users, watches } from "@pratica/db";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { type WatchLevel, type WatchScope } from "./watch-levels.js";

/** One person who might hear of a write, with what decides whether they do. */
export type Candidate = {
  id: string;
  /** May read the subject: an active member of its community, or it is public, or a platform admin. */
  reads: boolean;
  /** An active member (mentions and personal news reach members only). */
  member: boolean;
  facilitator: boolean;
};

/** The explicit rows on a subject and on its container, by user. */
export type Explicit = Map<string, { own?: WatchLevel; container?: WatchLevel }>;

/** Every explicit row on the subject (`own`) and on its container, by user. */
export async function explicitLevels(
  tx: Executor,
  own: { scope: WatchScope; id: string },
  container: { scope: WatchScope; id: string } | null,
): Promise<Explicit> {
  const rows = await tx
    .select({ userId: watches.userId, scope: watches.scope, scopeId: watches.scopeId, level: watches.level })
    .from(watches)
    .where(
      or(
        and(eq(watches.scope, own.scope), eq(watches.scopeId, own.id)),
        container ? and(eq(watches.scope, container.scope), eq(watches.scopeId, container.id)) : undefined,
      ),
    );
  const byUser: Explicit = new Map();
  for (const row of rows) {
    const entry = byUser.get(row.userId) ?? {};
    if (row.scope === own.scope && row.scopeId === own.id) entry.own = row.level;
    else entry.container = row.level;
    byUser.set(row.userId, entry);
  }
  return byUser;
}

/** Those who started or replied to a thread: by default they watch it. */
export async function participants(tx: Executor, thread: { id: string; authorId: string }): Promise<Set<string>> {
  const rows = await tx.selectDistinct({ id: posts.authorId }).from(posts).where(eq(posts.threadId, thread.id));
  return new Set([thread.authorId, ...rows.map((r) => r.id)]);
}

/** The community's active facilitators (by default they watch its new threads). */
export async function facilitators(tx: Executor, communityId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: communityMemberships.userId })
    .from(communityMemberships)
    .where(
      and(
        eq(communityMemberships.communityId, communityId),
        eq(communityMemberships.status, "ACTIVE"),
        eq(communityMemberships.role, "FACILITATOR"),
        isNull(communityMemberships.suspendedUntil),
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * What the community's read rule says of each candidate (the same rule as community.scope.ts's
 * `readableCommunityIds`, asked the other way round: which of these users may read this one
 * community). Deleted accounts are nobody.
 */
export async function candidates(tx: Executor, communityId: string, ids: Iterable<string>): Promise<Candidate[]> {
  const list = [...new Set(ids)];
  if (!list.length) return [];
  const [community] = await tx
    .select({ visibility: communities.visibility })
    .from(communities)
    .where(eq(communities.id, communityId));
  const rows = await tx
    .select({
      id: users.id,
      role: users.role,
      status: communityMemberships.status,
      mrole: communityMemberships.role,
      suspendedUntil: communityMemberships.suspendedUntil,
    })
    .from(users)
    .leftJoin(
      communityMemberships,
      and(eq(communityMemberships.userId, users.id), eq(communityMemberships.communityId, communityId)),
    )
    .where(and(inArray(users.id, list), isNull(users.deletedAt)));
  return rows.map((r) => {
    // A suspended member is not active (community.policy.ts `isActiveMember`).
    const member = r.status === "ACTIVE" && r.suspendedUntil === null;
    return {
      id: r.id,
      member,
      facilitator: member && r.mrole === "FACILITATOR",
      reads: member || r.role === "ADMIN" || community?.visibility === "PUBLIC",
    };
  });
}

/** The users with an explicit WATCHING row on any of these scopes. */
export function watchingIn(explicit: Explicit): string[] {
  return [...explicit].filter(([, e]) => e.own === "WATCHING" || e.container === "WATCHING").map(([id]) => id);
}
