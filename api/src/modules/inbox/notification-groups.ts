import { type Database, type NotificationRow, notifications } from "@pratica/db";
import { and, desc, inArray, type SQL, sql } from "drizzle-orm";
import { unauthenticated } from "../../core/errors.js";
import { decodeCursor, encodeCursor, keysetCursor, type Page, type PageArgs, pageSize } from "../../core/pagination.js";
import type { Viewer } from "../../core/viewer.js";
import { shownTo } from "./inbox.service.js";

/**
 * One entry of the bell: every notification about one thread ("3 new replies in …"), or a
 * notification about anything else (a proposal decided, an amendment) on its own. `id` is the
 * thread's id, or the notification's own id for one that has no thread.
 */
export type NotificationGroupRow = {
  id: string;
  threadId: string | null;
  communityId: string | null;
  count: number;
  unreadCount: number;
  latestAt: Date;
  latest: NotificationRow;
  /** The first unread post of the thread the group is about: where "open" leads. */
  firstUnreadPostId: string | null;
};

const n = notifications;
const groupKey = sql<string>`coalesce(${n.threadId}, ${n.id})`;

/**
 * The viewer's notifications grouped by thread, latest first, with keyset pagination on
 * (latest time, key). Grouping runs over the notifications the viewer may still read (the same
 * `shownTo` as the flat list), so a thread in a community the viewer left is no group at all,
 * and a group's counts never include what the list would hide.
 */
export class NotificationGroups {
  constructor(private readonly db: Database) {}

  async list(
    viewer: Viewer | null,
    args: PageArgs & { unreadOnly?: boolean | null },
  ): Promise<Page<NotificationGroupRow>> {
    if (!viewer) throw unauthenticated();
    const size = pageSize(args.first);
    const after = decodeCursor(keysetCursor, args.after);
    const groups = this.grouped(viewer);
    const latestMs = sql<number>`${groups.latestMs}`;
    const rows = await this.db
      .select()
      .from(groups)
      .where(
        and(
          args.unreadOnly ? sql`${groups.unreadCount} > 0` : undefined,
          after
            ? sql`(${latestMs} < ${after.createdAt.getTime()} or (${latestMs} = ${after.createdAt.getTime()} and ${groups.key} < ${after.id}))`
            : undefined,
        ),
      )
      .orderBy(desc(groups.latestMs), desc(groups.key))
      .limit(size + 1);
    const page = rows.slice(0, size);
    const latest = page.length
      ? await this.db
          .select()
          .from(n)
          .where(
            inArray(
              n.id,
              page.map((r) => r.latestId),
            ),
          )
      : [];
    const byId = new Map(latest.map((row) => [row.id, row]));
    const nodes = page.flatMap((r): NotificationGroupRow[] => {
      const row = byId.get(r.latestId);
      if (!row) return [];
      return [
        {
          id: r.key,
          threadId: row.threadId,
          communityId: row.communityId,
          count: r.count,
          unreadCount: r.unreadCount,
          latestAt: new Date(Math.round(Number(r.latestMs))),
          latest: row,
          firstUnreadPostId: r.firstUnreadPostId,
        },
      ];
    });
    return {
      nodes,
      cursors: nodes.map((g) => encodeCursor({ createdAt: g.latestAt, id: g.id })),
      hasNextPage: rows.length > size,
    };
  }

  /** How many groups the viewer can see (with `unreadOnly`, how many have something unread). */
  async count(viewer: Viewer | null, unreadOnly = false): Promise<number> {
    if (!viewer) return 0;
    const unread: SQL | undefined = unreadOnly ? sql`${n.readAt} is null` : undefined;
    const [row] = await this.db
      .select({ count: sql<number>`count(distinct ${groupKey})::int` })
      .from(n)
      .where(and(shownTo(viewer), unread));
    return row?.count ?? 0;
  }

  private grouped(viewer: Viewer) {
    return this.db
      .select({
        key: sql<string>`${groupKey}`.as("group_key"),
        // Milliseconds since the epoch: exact (times are stored to the millisecond), and read
        // alike by both drivers, unlike a bare timestamp from an aggregate.
        latestMs: sql<number>`(extract(epoch from max(${n.createdAt})) * 1000)::float8`.as("latest_ms"),
        count: sql<number>`count(*)::int`.as("total"),
        unreadCount: sql<number>`(count(*) filter (where ${n.readAt} is null))::int`.as("unread"),
        latestId: sql<string>`(array_agg(${n.id} order by ${n.createdAt} desc, ${n.id} desc))[1]`.as("latest_id"),
        firstUnreadPostId: sql<string | null>`(array_agg(${n.postId} order by ${n.createdAt}, ${n.id})
          filter (where ${n.readAt} is null and ${n.postId} is not null))[1]`.as("first_unread_post_id"),
      })
      .from(n)
      .where(shownTo(viewer))
      .groupBy(groupKey)
      .as("groups");
  }
}
