import { type Database, type Executor, type NotificationRow, notifications } from "@pratica/db";
import { and, desc, eq, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { notFound, unauthenticated } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { decodeCursor, encodeCursor, keysetCursor, type PageArgs, pageSize } from "../../core/pagination.js";
import { rowLock, unitOfWork } from "../../core/unit-of-work.js";
import type { Viewer } from "../../core/viewer.js";
import { readableCommunityIds } from "../community/community.scope.js";
import { seenDeliverableIds } from "../deliverable/deliverable.scope.js";
import { seenResourceIds } from "../library/resource.scope.js";

/**
 * The viewer's inbox: the notifications the modules below stored for them (notification/), read,
 * counted and marked read here, above those modules, since what may be shown depends on each
 * subject's read rule.
 */
export class InboxService {
  constructor(private readonly db: Database) {}

  /** The viewer's notifications, newest first. */
  async list(viewer: Viewer | null, args: PageArgs & { unreadOnly?: boolean | null }) {
    if (!viewer) throw unauthenticated();
    const size = pageSize(args.first);
    const after = decodeCursor(keysetCursor, args.after);
    const rows = await this.db
      .select()
      .from(notifications)
      .where(
        and(
          shownTo(viewer),
          args.unreadOnly ? isNull(notifications.readAt) : undefined,
          after
            ? or(
                lt(notifications.createdAt, after.createdAt),
                and(eq(notifications.createdAt, after.createdAt), lt(notifications.id, after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(size + 1);
    const nodes = rows.slice(0, size);
    return { nodes, cursors: nodes.map(encodeCursor), hasNextPage: rows.length > size };
  }

  async unreadCount(viewer: Viewer | null): Promise<number> {
    if (!viewer) return 0;
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(shownTo(viewer), isNull(notifications.readAt)));
    return row?.n ?? 0;
  }

  async byIdForViewer(viewer: Viewer | null, id: string, db: Executor = this.db): Promise<NotificationRow> {
    if (!viewer) throw unauthenticated();
    const row = isUuid(id)
      ? (
          await db
            .select()
            .from(notifications)
            .where(and(eq(notifications.id, id), shownTo(viewer)))
        )[0]
      : undefined;
    // Someone else's notification is "not found": its existence is nobody else's business. So is
    // one the viewer can no longer read (hidden from the list).
    if (!row) throw notFound("Notification");
    return row;
  }

  /** Marks one read, once: under its row's lock, the first time it was read stays. */
  async markRead(viewer: Viewer | null, id: string): Promise<NotificationRow> {
    if (!viewer) throw unauthenticated();
    if (!isUuid(id)) throw notFound("Notification");
    return unitOfWork(this.db, async ({ tx, lock }) => {
      await lock(notificationLock, id);
      const row = await this.byIdForViewer(viewer, id, tx);
      if (row.readAt) return row;
      const [updated] = await tx
        .update(notifications)
        .set({ readAt: new Date() })
        .where(eq(notifications.id, row.id))
        .returning();
      return updated ?? row;
    });
  }

  /** One statement over the viewer's own rows: it takes their row locks itself, in no order another write needs. */
  async markAllRead(viewer: Viewer | null): Promise<number> {
    if (!viewer) throw unauthenticated();
    return unitOfWork(this.db, async ({ tx }) => {
      const updated = await tx
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(shownTo(viewer), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      return updated.length;
    });
  }
}

/** A notification row, locked by the writes that change it (its reader marking it read). */
const notificationLock = rowLock("notification", notifications, "update");

/**
 * The viewer's notifications whose subject they may still read: one who left a members-only
 * community, or can no longer see a document or a proposal, no longer hears of it — the list,
 * the unread count and the marking agree. Each subject's rule is its module's (as SQL, in the
 * `*.scope.ts` files); a thread or post is readable with its community. The rows stay, and
 * show again if the subject becomes readable again.
 */
export function shownTo(viewer: Viewer): SQL | undefined {
  return and(
    eq(notifications.userId, viewer.id),
    or(isNull(notifications.communityId), sql`${notifications.communityId} in (${readableCommunityIds(viewer)})`),
    or(isNull(notifications.deliverableId), sql`${notifications.deliverableId} in (${seenDeliverableIds(viewer)})`),
    or(isNull(notifications.resourceId), sql`${notifications.resourceId} in (${seenResourceIds(viewer)})`),
  );
}
