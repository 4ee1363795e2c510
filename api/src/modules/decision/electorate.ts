import { communityMemberships, type DecisionRow, type Executor, organizationMembers, organizations } from "@pratica/db";
import { and, eq, isNull } from "drizzle-orm";

/** Active members of a community, neither suspended nor restricted: who may write there, and vote. */
const activeMember = (communityId: string) =>
  and(
    eq(communityMemberships.communityId, communityId),
    eq(communityMemberships.status, "ACTIVE"),
    isNull(communityMemberships.suspendedUntil),
    isNull(communityMemberships.restrictedUntil),
  );

/** The representatives who may vote for an organisation in the community: (organisation, user) pairs. */
export async function representatives(tx: Executor, communityId: string) {
  return tx
    .select({ organizationId: organizationMembers.organizationId, userId: organizationMembers.userId })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .innerJoin(communityMemberships, eq(communityMemberships.userId, organizationMembers.userId))
    .where(
      and(eq(organizationMembers.role, "REPRESENTATIVE"), isNull(organizations.withdrawnOn), activeMember(communityId)),
    );
}

/**
 * The electorate of a decision now: every active member (MEMBERS), or every partner organisation
 * not withdrawn with at least one representative who is an active member (ORGANIZATIONS). `size`
 * is what the quorum and the participation count; `people` who is told and reminded, with the
 * ballot each one answers for (their own, or their organisation's).
 */
export async function electorate(
  tx: Executor,
  d: Pick<DecisionRow, "communityId" | "electorate">,
): Promise<{ size: number; people: { userId: string; organizationId: string | null }[] }> {
  if (d.electorate === "MEMBERS") {
    const rows = await tx
      .select({ userId: communityMemberships.userId })
      .from(communityMemberships)
      .where(activeMember(d.communityId));
    return { size: rows.length, people: rows.map((r) => ({ userId: r.userId, organizationId: null })) };
  }
  const rows = await representatives(tx, d.communityId);
  return { size: new Set(rows.map((r) => r.organizationId)).size, people: rows };
}
