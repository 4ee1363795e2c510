import { type Database, type ResourceRow, resourceBookmarks, resources } from "@pratica/db";
import { and, desc, eq, getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import { unauthenticated } from "../../core/errors.js";
import { decodeCursor, encodeCursor, keysetCursor, type Page, type PageArgs, pageSize } from "../../core/pagination.js";
import type { Viewer } from "../../core/viewer.js";
import { readableCommunityIds } from "../community/community.scope.js";
import { VISIBLE } from "./resource.workflow.js";

/**
 * What a member saved for later (`setResourceBookmark`), most recently saved first. Only what
 * they may still read is listed: material archived or sent back since, or of a members-only
 * community they left, drops out (and comes back if it becomes readable again).
 */
export class SavedResourcesService {
  constructor(private readonly db: Database) {}

  async list(viewer: Viewer | null, args: PageArgs): Promise<{ page: Page<ResourceRow>; totalCount: number }> {
    const scope = this.scope(viewer);
    const size = pageSize(args.first);
    const after = decodeCursor(keysetCursor, args.after);
    const [rows, [count]] = await Promise.all([
      this.saved()
        .where(
          and(
            scope,
            after
              ? sql`(${resourceBookmarks.createdAt}, ${resourceBookmarks.resourceId}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
              : undefined,
          ),
        )
        .orderBy(desc(resourceBookmarks.createdAt), desc(resourceBookmarks.resourceId))
        .limit(size + 1),
      this.db
        .select({ n: sql<number>`count(*)::int` })
        .from(resourceBookmarks)
        .innerJoin(resources, eq(resources.id, resourceBookmarks.resourceId))
        .where(scope),
    ]);
    const nodes = rows.slice(0, size);
    return {
      page: {
        nodes: nodes.map((r) => r.resource),
        cursors: nodes.map((r) => encodeCursor({ createdAt: r.savedAt, id: r.resource.id })),
        hasNextPage: rows.length > size,
      },
      totalCount: count?.n ?? 0,
    };
  }

  private saved() {
    return this.db
      .select({ resource: getTableColumns(resources), savedAt: resourceBookmarks.createdAt })
      .from(resourceBookmarks)
      .innerJoin(resources, eq(resources.id, resourceBookmarks.resourceId))
      .$dynamic();
  }

  /** The viewer's saves of material they may read now. */
  private scope(viewer: Viewer | null): SQL | undefined {
    if (!viewer) throw unauthenticated("Log in to see what you saved.");
    return and(
      eq(resourceBookmarks.userId, viewer.id),
      inArray(resources.status, [...VISIBLE]),
      sql`${resources.communityId} in (${readableCommunityIds(viewer)})`,
    );
  }
}
