import {
  amendments,
  type Database,
  deliverableAuthors,
  deliverableComments,
  deliverableEditors,
  deliverableEvents,
  deliverables,
  endorsements,
  organizationMembers,
  sectionRevisions,
  sections,
} from "@pratica/db";
import { and, asc, desc, eq, inArray, isNull, max } from "drizzle-orm";
import { groupedLoader, keyedLoader } from "../../core/loader.js";
import type { Viewer } from "../../core/viewer.js";

const byIds = (ids: readonly string[]) => [...ids];

export const deliverableLoaders = (db: Database) => ({
  deliverableById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(deliverables)
        .where(inArray(deliverables.id, byIds(ids))),
    (d) => d.id,
  ),
  sectionById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(sections)
        .where(inArray(sections.id, byIds(ids))),
    (s) => s.id,
  ),
  sectionsByDeliverable: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(sections)
        .where(and(inArray(sections.deliverableId, byIds(ids)), isNull(sections.removedAt)))
        .orderBy(asc(sections.position)),
    (s) => s.deliverableId,
  ),
  revisionById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(sectionRevisions)
        .where(inArray(sectionRevisions.id, byIds(ids))),
    (r) => r.id,
  ),
  /** The latest revision of each section: who last changed it, and when. */
  lastRevisionBySection: keyedLoader(
    (ids: readonly string[]) =>
      db
        .selectDistinctOn([sectionRevisions.sectionId])
        .from(sectionRevisions)
        .where(inArray(sectionRevisions.sectionId, byIds(ids)))
        .orderBy(sectionRevisions.sectionId, desc(sectionRevisions.version)),
    (r) => r.sectionId,
  ),
  amendmentById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(amendments)
        .where(inArray(amendments.id, byIds(ids))),
    (a) => a.id,
  ),
  openAmendmentsBySection: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(amendments)
        .where(and(inArray(amendments.sectionId, byIds(ids)), eq(amendments.status, "OPEN")))
        .orderBy(asc(amendments.createdAt)),
    (a) => a.sectionId,
  ),
  commentById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(deliverableComments)
        .where(inArray(deliverableComments.id, byIds(ids))),
    (c) => c.id,
  ),
  repliesByComment: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(deliverableComments)
        .where(inArray(deliverableComments.parentId, byIds(ids)))
        .orderBy(asc(deliverableComments.createdAt), asc(deliverableComments.id)),
    (c) => c.parentId as string,
  ),
  commentThreadsBySection: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(deliverableComments)
        .where(and(inArray(deliverableComments.sectionId, byIds(ids)), isNull(deliverableComments.parentId)))
        .orderBy(asc(deliverableComments.createdAt), asc(deliverableComments.id)),
    (c) => c.sectionId as string,
  ),
  commentThreadsByAmendment: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(deliverableComments)
        .where(and(inArray(deliverableComments.amendmentId, byIds(ids)), isNull(deliverableComments.parentId)))
        .orderBy(asc(deliverableComments.createdAt), asc(deliverableComments.id)),
    (c) => c.amendmentId as string,
  ),
  endorsementById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(endorsements)
        .where(inArray(endorsements.id, byIds(ids))),
    (e) => e.id,
  ),
  /** The latest durable event of each deliverable: where a subscription starts without missing anything. */
  lastDeliverableEventId: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select({ deliverableId: deliverableEvents.deliverableId, id: max(deliverableEvents.id) })
        .from(deliverableEvents)
        .where(inArray(deliverableEvents.deliverableId, byIds(ids)))
        .groupBy(deliverableEvents.deliverableId),
    (e) => e.deliverableId,
  ),
  /** The signatories: live endorsements, in the order they signed. */
  endorsementsByDeliverable: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(endorsements)
        .where(and(inArray(endorsements.deliverableId, byIds(ids)), isNull(endorsements.withdrawnAt)))
        .orderBy(asc(endorsements.createdAt), asc(endorsements.id)),
    (e) => e.deliverableId,
  ),
  editorsByDeliverable: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(deliverableEditors)
        .where(inArray(deliverableEditors.deliverableId, byIds(ids)))
        .orderBy(asc(deliverableEditors.createdAt)),
    (e) => e.deliverableId,
  ),
  authorsByDeliverable: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(deliverableAuthors)
        .where(inArray(deliverableAuthors.deliverableId, byIds(ids)))
        .orderBy(asc(deliverableAuthors.createdAt)),
    (a) => a.deliverableId,
  ),
});

/** Loaders whose answers depend on who asks. */
export const deliverableViewerLoaders = (db: Database, viewer: Viewer | null) => ({
  /** The organisations the viewer represents (a one-key loader, cached for the request). */
  viewerRepresents: keyedLoader(
    async (_keys: readonly "viewer"[]) =>
      viewer
        ? [
            {
              key: "viewer" as const,
              ids: (
                await db
                  .select({ id: organizationMembers.organizationId })
                  .from(organizationMembers)
                  .where(and(eq(organizationMembers.userId, viewer.id), eq(organizationMembers.role, "REPRESENTATIVE")))
              ).map((r) => r.id),
            },
          ]
        : [],
    (r) => r.key,
  ),
});
