import {
  amendments,
  communities,
  communityMemberships,
  deliverableComments,
  deliverableEditors,
  deliverables,
  endorsements,
  learningPathProgress,
  learningPaths,
  notifications,
  organizationMembers,
  organizations,
  postRevisions,
  posts,
  reactions,
  resourceBookmarks,
  resourceDecisions,
  resources,
  resourceVotes,
  sectionRevisions,
  sessions,
  threads,
  watches,
} from "@pratica/db";
import { eq, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

/**
 * One list of the archive: the rows of `table` that are the account's (`mine`), read in pages
 * ordered by `key` (unique within those rows), with the columns `columns` under their names.
 * Columns are listed, never `select *`: a new column is not exported until someone decides it
 * belongs to the person, and nothing that names someone else (their email) is ever read. Ids of
 * other people (an actor, a decider) are kept: they name no one outside Pratica.
 */
export type ExportSection = {
  name: string;
  table: PgTable;
  columns: Record<string, PgColumn | SQL.Aliased>;
  mine: (userId: string) => SQL | undefined;
  key: SQL;
};

const keyOf = (...columns: PgColumn[]): SQL =>
  sql.join(
    columns.map((c) => sql`${c}::text`),
    sql` || ':' || `,
  );

export const EXPORT_SECTIONS: ExportSection[] = [
  {
    name: "communityMemberships",
    table: communityMemberships,
    columns: {
      communityId: communityMemberships.communityId,
      community:
        sql<string>`(select ${communities.slug} from ${communities} where ${communities.id} = ${communityMemberships.communityId})`.as(
          "community",
        ),
      role: communityMemberships.role,
      status: communityMemberships.status,
      createdAt: communityMemberships.createdAt,
      decidedAt: communityMemberships.decidedAt,
    },
    mine: (id) => eq(communityMemberships.userId, id),
    key: keyOf(communityMemberships.id),
  },
  {
    name: "organizationMemberships",
    table: organizationMembers,
    columns: {
      organizationId: organizationMembers.organizationId,
      organization:
        sql<string>`(select ${organizations.name} from ${organizations} where ${organizations.id} = ${organizationMembers.organizationId})`.as(
          "organization",
        ),
      role: organizationMembers.role,
      createdAt: organizationMembers.createdAt,
    },
    mine: (id) => eq(organizationMembers.userId, id),
    key: keyOf(organizationMembers.id),
  },
  {
    name: "threads",
    table: threads,
    columns: {
      id: threads.id,
      communityId: threads.communityId,
      title: threads.title,
      body: threads.body,
      tags: threads.tags,
      createdAt: threads.createdAt,
      updatedAt: threads.updatedAt,
    },
    mine: (id) => eq(threads.authorId, id),
    key: keyOf(threads.id),
  },
  {
    name: "posts",
    table: posts,
    columns: {
      id: posts.id,
      threadId: posts.threadId,
      communityId: posts.communityId,
      replyToId: posts.replyToId,
      body: posts.body,
      createdAt: posts.createdAt,
      editedAt: posts.editedAt,
      deletedAt: posts.deletedAt,
    },
    mine: (id) => eq(posts.authorId, id),
    key: keyOf(posts.id),
  },
  {
    name: "postRevisions",
    table: postRevisions,
    columns: {
      id: postRevisions.id,
      postId: postRevisions.postId,
      body: postRevisions.body,
      createdAt: postRevisions.createdAt,
    },
    mine: (id) => eq(postRevisions.editorId, id),
    key: keyOf(postRevisions.id),
  },
  {
    name: "reactions",
    table: reactions,
    columns: { postId: reactions.postId, kind: reactions.kind, createdAt: reactions.createdAt },
    mine: (id) => eq(reactions.userId, id),
    key: keyOf(reactions.postId, reactions.kind),
  },
  {
    name: "resourcesProposed",
    table: resources,
    columns: {
      id: resources.id,
      communityId: resources.communityId,
      title: resources.title,
      summary: resources.summary,
      body: resources.body,
      url: resources.url,
      kind: resources.kind,
      language: resources.language,
      tags: resources.tags,
      status: resources.status,
      createdAt: resources.createdAt,
      publishedAt: resources.publishedAt,
    },
    mine: (id) => eq(resources.proposerId, id),
    key: keyOf(resources.id),
  },
  {
    name: "helpfulVotes",
    table: resourceVotes,
    columns: { resourceId: resourceVotes.resourceId, createdAt: resourceVotes.createdAt },
    mine: (id) => eq(resourceVotes.userId, id),
    key: keyOf(resourceVotes.resourceId),
  },
  {
    name: "savedResources",
    table: resourceBookmarks,
    columns: { resourceId: resourceBookmarks.resourceId, createdAt: resourceBookmarks.createdAt },
    mine: (id) => eq(resourceBookmarks.userId, id),
    key: keyOf(resourceBookmarks.resourceId),
  },
  {
    name: "curationDecisions",
    table: resourceDecisions,
    columns: {
      id: resourceDecisions.id,
      resourceId: resourceDecisions.resourceId,
      decision: resourceDecisions.decision,
      fromStatus: resourceDecisions.fromStatus,
      toStatus: resourceDecisions.toStatus,
      reason: resourceDecisions.reason,
      createdAt: resourceDecisions.createdAt,
    },
    mine: (id) => eq(resourceDecisions.actorId, id),
    key: keyOf(resourceDecisions.id),
  },
  {
    name: "learningPaths",
    table: learningPaths,
    columns: {
      id: learningPaths.id,
      communityId: learningPaths.communityId,
      title: learningPaths.title,
      summary: learningPaths.summary,
      status: learningPaths.status,
      createdAt: learningPaths.createdAt,
    },
    mine: (id) => eq(learningPaths.creatorId, id),
    key: keyOf(learningPaths.id),
  },
  {
    name: "learningPathProgress",
    table: learningPathProgress,
    columns: {
      pathId: learningPathProgress.pathId,
      stepId: learningPathProgress.stepId,
      doneAt: learningPathProgress.doneAt,
    },
    mine: (id) => eq(learningPathProgress.userId, id),
    key: keyOf(learningPathProgress.stepId),
  },
  {
    name: "deliverablesCreated",
    table: deliverables,
    columns: {
      id: deliverables.id,
      communityId: deliverables.communityId,
      title: deliverables.title,
      summary: deliverables.summary,
      status: deliverables.status,
      createdAt: deliverables.createdAt,
    },
    mine: (id) => eq(deliverables.creatorId, id),
    key: keyOf(deliverables.id),
  },
  {
    name: "deliverableEditorships",
    table: deliverableEditors,
    columns: { deliverableId: deliverableEditors.deliverableId, createdAt: deliverableEditors.createdAt },
    mine: (id) => eq(deliverableEditors.userId, id),
    key: keyOf(deliverableEditors.deliverableId),
  },
  {
    name: "sectionEdits",
    table: sectionRevisions,
    columns: {
      id: sectionRevisions.id,
      deliverableId: sectionRevisions.deliverableId,
      sectionId: sectionRevisions.sectionId,
      version: sectionRevisions.version,
      heading: sectionRevisions.heading,
      body: sectionRevisions.body,
      authorId: sectionRevisions.authorId,
      editorId: sectionRevisions.editorId,
      createdAt: sectionRevisions.createdAt,
    },
    mine: (id) => or(eq(sectionRevisions.authorId, id), eq(sectionRevisions.editorId, id)),
    key: keyOf(sectionRevisions.id),
  },
  {
    name: "amendments",
    table: amendments,
    columns: {
      id: amendments.id,
      deliverableId: amendments.deliverableId,
      sectionId: amendments.sectionId,
      body: amendments.body,
      rationale: amendments.rationale,
      status: amendments.status,
      decisionReason: amendments.decisionReason,
      createdAt: amendments.createdAt,
      decidedAt: amendments.decidedAt,
    },
    mine: (id) => eq(amendments.proposerId, id),
    key: keyOf(amendments.id),
  },
  {
    name: "comments",
    table: deliverableComments,
    columns: {
      id: deliverableComments.id,
      deliverableId: deliverableComments.deliverableId,
      sectionId: deliverableComments.sectionId,
      amendmentId: deliverableComments.amendmentId,
      parentId: deliverableComments.parentId,
      body: deliverableComments.body,
      quote: deliverableComments.quote,
      createdAt: deliverableComments.createdAt,
    },
    mine: (id) => eq(deliverableComments.authorId, id),
    key: keyOf(deliverableComments.id),
  },
  {
    name: "endorsements",
    table: endorsements,
    columns: {
      id: endorsements.id,
      deliverableId: endorsements.deliverableId,
      organizationId: endorsements.organizationId,
      statement: endorsements.statement,
      createdAt: endorsements.createdAt,
      withdrawnAt: endorsements.withdrawnAt,
    },
    mine: (id) => eq(endorsements.endorserId, id),
    key: keyOf(endorsements.id),
  },
  {
    name: "notifications",
    table: notifications,
    columns: {
      id: notifications.id,
      kind: notifications.kind,
      actorId: notifications.actorId,
      communityId: notifications.communityId,
      threadId: notifications.threadId,
      postId: notifications.postId,
      resourceId: notifications.resourceId,
      deliverableId: notifications.deliverableId,
      amendmentId: notifications.amendmentId,
      excerpt: notifications.excerpt,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      emailedAt: notifications.emailedAt,
    },
    mine: (id) => eq(notifications.userId, id),
    key: keyOf(notifications.id),
  },
  {
    name: "watches",
    table: watches,
    columns: { scope: watches.scope, scopeId: watches.scopeId, level: watches.level, updatedAt: watches.updatedAt },
    mine: (id) => eq(watches.userId, id),
    key: keyOf(watches.id),
  },
  {
    name: "sessions",
    table: sessions,
    columns: {
      createdAt: sessions.createdAt,
      lastUsedAt: sessions.lastUsedAt,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      userAgent: sessions.userAgent,
    },
    mine: (id) => eq(sessions.userId, id),
    key: keyOf(sessions.id),
  },
];
