import { type Database, resourceBookmarks, resourceDecisions, resources, resourceVotes } from "@pratica/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import { groupedLoader, keyedLoader } from "../../core/loader.js";
import type { Viewer } from "../../core/viewer.js";

export const libraryLoaders = (db: Database) => ({
  resourceById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(resources)
        .where(inArray(resources.id, [...ids])),
    (r) => r.id,
  ),
  decisionsByResource: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(resourceDecisions)
        .where(inArray(resourceDecisions.resourceId, [...ids]))
        .orderBy(asc(resourceDecisions.createdAt)),
    (d) => d.resourceId,
  ),
});

/** Loaders whose answers depend on who asks. */
export const libraryViewerLoaders = (db: Database, viewer: Viewer | null) => ({
  viewerBookmark: keyedLoader(
    async (ids: readonly string[]) =>
      viewer
        ? db
            .select()
            .from(resourceBookmarks)
            .where(and(eq(resourceBookmarks.userId, viewer.id), inArray(resourceBookmarks.resourceId, [...ids])))
        : [],
    (b) => b.resourceId,
  ),
  viewerVote: keyedLoader(
    async (ids: readonly string[]) =>
      viewer
        ? db
            .select()
            .from(resourceVotes)
            .where(and(eq(resourceVotes.userId, viewer.id), inArray(resourceVotes.resourceId, [...ids])))
        : [],
    (v) => v.resourceId,
  ),
});
