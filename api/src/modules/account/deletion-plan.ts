import {
  communities,
  communityMemberships,
  deliverableEditors,
  deliverables,
  type Executor,
  posts,
  threads,
} from "@pratica/db";
import { and, eq, inArray, ne, sql } from "drizzle-orm";

/**
 * What a deletion will lock, read before its unit of work starts (ids only): the communities it
 * leaves or whose facilitators take over a document, the threads whose posts it erases, and the
 * documents it edits. The unit of work locks them in `LOCK_ORDER` and reads everything its rules
 * check again under those locks.
 */
export async function lockSet(db: Executor, userId: string, eraseContent: boolean) {
  const memberOf = await db
    .select({ id: communityMemberships.communityId })
    .from(communityMemberships)
    .where(eq(communityMemberships.userId, userId));
  const edited = await db
    .select({ id: deliverableEditors.deliverableId, communityId: deliverableEditors.communityId })
    .from(deliverableEditors)
    .where(eq(deliverableEditors.userId, userId));
  const wrote = eraseContent
    ? await db
        .selectDistinct({ id: threads.id })
        .from(threads)
        .where(
          sql`${threads.authorId} = ${userId} or ${threads.id} in (select ${posts.threadId} from ${posts} where ${posts.authorId} = ${userId} and ${posts.deletedAt} is null)`,
        )
    : [];
  const sorted = (ids: string[]) => [...new Set(ids)].sort();
  return {
    communityIds: sorted([...memberOf.map((r) => r.id), ...edited.map((r) => r.communityId)]),
    threadIds: sorted(wrote.map((r) => r.id)),
    deliverableIds: sorted(edited.map((r) => r.id)),
  };
}

/** The communities the user facilitates, with how many active facilitators each has (read under their locks). */
export function facilitated(tx: Executor, userId: string) {
  const others = sql<number>`(select count(*)::int from ${communityMemberships} f
    where f.community_id = ${communityMemberships.communityId} and f.role = 'FACILITATOR' and f.status = 'ACTIVE')`;
  return tx
    .select({ id: communities.id, slug: communities.slug, name: communities.name, facilitators: others })
    .from(communityMemberships)
    .innerJoin(communities, eq(communities.id, communityMemberships.communityId))
    .where(
      and(
        eq(communityMemberships.userId, userId),
        eq(communityMemberships.role, "FACILITATOR"),
        eq(communityMemberships.status, "ACTIVE"),
      ),
    );
}

/**
 * The documents the user edits, each with how many other editors it has and who would take over
 * (its community's other active facilitators); read under the documents' and communities' locks.
 */
export async function editedDocuments(tx: Executor, userId: string, deliverableIds: string[]) {
  if (!deliverableIds.length) return [];
  const docs = await tx
    .select({
      id: deliverables.id,
      title: deliverables.title,
      communityId: deliverables.communityId,
      otherEditors: sql<number>`(select count(*)::int from ${deliverableEditors} e
        where e.deliverable_id = ${deliverables.id} and e.user_id <> ${userId})`,
    })
    .from(deliverables)
    .where(inArray(deliverables.id, deliverableIds));
  const communityIds = [...new Set(docs.map((d) => d.communityId))];
  const facilitators = communityIds.length
    ? await tx
        .select({ communityId: communityMemberships.communityId, userId: communityMemberships.userId })
        .from(communityMemberships)
        .where(
          and(
            inArray(communityMemberships.communityId, communityIds),
            eq(communityMemberships.role, "FACILITATOR"),
            eq(communityMemberships.status, "ACTIVE"),
            ne(communityMemberships.userId, userId),
          ),
        )
    : [];
  return docs.map((d) => ({
    ...d,
    successors: facilitators.filter((f) => f.communityId === d.communityId).map((f) => f.userId),
  }));
}
