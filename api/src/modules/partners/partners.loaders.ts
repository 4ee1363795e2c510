import {
  communities,
  communityMemberships,
  type Database,
  deliverableAuthors,
  deliverables,
  endorsements,
  organizationMembers,
  users,
} from "@pratica/db";
import DataLoader from "dataloader";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { groupedLoader, keyedLoader } from "../../core/loader.js";
import type { Viewer } from "../../core/viewer.js";
import { shownUserColumns } from "../identity/user.columns.js";

const list = (ids: readonly string[]) => [...ids];

/**
 * What an organisation's page reaches, one statement per batch of organisations (a directory
 * page of 100 costs the same statements as one): its communities, documents, people.
 */
export const partnersLoaders = (db: Database) => ({
  /** Communities where its representatives or members are active members, by name. */
  communitiesByOrganization: groupedLoader(
    (ids: readonly string[]) =>
      db
        .selectDistinct({ organizationId: organizationMembers.organizationId, community: communities })
        .from(organizationMembers)
        .innerJoin(
          communityMemberships,
          and(eq(communityMemberships.userId, organizationMembers.userId), eq(communityMemberships.status, "ACTIVE")),
        )
        // Consortium spaces (partner-search module) are not communities an organisation shows it works in.
        .innerJoin(
          communities,
          and(eq(communities.id, communityMemberships.communityId), eq(communities.kind, "PRACTICE")),
        )
        .where(inArray(organizationMembers.organizationId, list(ids)))
        .orderBy(asc(organizationMembers.organizationId), asc(communities.name), asc(communities.id)),
    (r) => r.organizationId,
  ),
  coAuthoredByOrganization: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select({ organizationId: deliverableAuthors.organizationId, deliverable: deliverables })
        .from(deliverableAuthors)
        .innerJoin(deliverables, eq(deliverables.id, deliverableAuthors.deliverableId))
        .where(inArray(deliverableAuthors.organizationId, list(ids)))
        .orderBy(asc(deliverables.title), asc(deliverables.id)),
    (r) => r.organizationId,
  ),
  /** Documents it endorses now (withdrawn endorsements are history, not an endorsement). */
  endorsedByOrganization: groupedLoader(
    (ids: readonly string[]) =>
      db
        .selectDistinct({ organizationId: endorsements.organizationId, deliverable: deliverables })
        .from(endorsements)
        .innerJoin(deliverables, eq(deliverables.id, endorsements.deliverableId))
        .where(and(inArray(endorsements.organizationId, list(ids)), isNull(endorsements.withdrawnAt)))
        .orderBy(asc(endorsements.organizationId), asc(deliverables.title), asc(deliverables.id)),
    (r) => r.organizationId,
  ),
  representativesByOrganization: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select({ organizationId: organizationMembers.organizationId, user: shownUserColumns })
        .from(organizationMembers)
        .innerJoin(users, eq(users.id, organizationMembers.userId))
        .where(
          and(
            inArray(organizationMembers.organizationId, list(ids)),
            eq(organizationMembers.role, "REPRESENTATIVE"),
            isNull(users.deletedAt),
          ),
        )
        .orderBy(asc(organizationMembers.createdAt), asc(organizationMembers.id)),
    (r) => r.organizationId,
  ),
  organizationMemberCount: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select({ organizationId: organizationMembers.organizationId, count: sql<number>`count(*)::int` })
        .from(organizationMembers)
        .where(inArray(organizationMembers.organizationId, list(ids)))
        .groupBy(organizationMembers.organizationId),
    (r) => r.organizationId,
  ),
});

/** Loaders whose answers depend on who asks. */
export const partnersViewerLoaders = (db: Database, viewer: Viewer | null) => ({
  /**
   * Whether the viewer is one of the ecosystem's members (an active member of a community, or of
   * an organisation): asked once per request whatever the number of organisations shown.
   */
  viewerIsEcosystemMember: new DataLoader<"viewer", boolean>(async (keys) => {
    if (!viewer) return keys.map(() => false);
    const [row] = await db
      .select({
        member: sql<boolean>`exists (select 1 from ${communityMemberships}
            where ${communityMemberships.userId} = ${viewer.id}::uuid and ${communityMemberships.status} = 'ACTIVE'
              and ${communityMemberships.suspendedUntil} is null)
          or exists (select 1 from ${organizationMembers} where ${organizationMembers.userId} = ${viewer.id}::uuid)`,
      })
      .from(users)
      .where(eq(users.id, viewer.id));
    return keys.map(() => row?.member === true);
  }),
});
