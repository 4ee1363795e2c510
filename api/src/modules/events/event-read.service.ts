import { type Database, type EventRow, eventRegistrations, events } from "@pratica/db";
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { isUuid } from "../../core/ids.js";
import { decodeCursor, encodeCursor, keysetCursor, type Page, type PageArgs, pageSize } from "../../core/pagination.js";
import type { Viewer } from "../../core/viewer.js";
import { readableCommunityIds } from "../community/community.scope.js";

/** The same rule as canReadEvent (events.policy.ts), for lists: platform-wide, or a readable community's. */
const readable = (viewer: Viewer | null): SQL =>
  sql`(${events.communityId} is null or ${events.communityId} in (${readableCommunityIds(viewer)}))`;

/** Reading events: lists in start order (keyset on starts_at, id), the viewer's own. */
export class EventReadService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  /** Upcoming (not yet ended, soonest first) or past (most recent first); cancelled ones stay listed, marked. */
  async list(
    viewer: Viewer | null,
    args: PageArgs & { communityId?: string | null; upcoming: boolean },
  ): Promise<{ page: Page<EventRow>; totalCount: number }> {
    const size = pageSize(args.first);
    const after = decodeCursor(keysetCursor, args.after);
    const now = this.now();
    if (args.communityId && !isUuid(args.communityId))
      return { page: { nodes: [], cursors: [], hasNextPage: false }, totalCount: 0 };
    const scope = and(
      readable(viewer),
      args.communityId ? eq(events.communityId, args.communityId) : undefined,
      args.upcoming ? gt(events.endsAt, now) : lte(events.endsAt, now),
    );
    const position = after
      ? args.upcoming
        ? or(gt(events.startsAt, after.createdAt), and(eq(events.startsAt, after.createdAt), gt(events.id, after.id)))
        : or(lt(events.startsAt, after.createdAt), and(eq(events.startsAt, after.createdAt), lt(events.id, after.id)))
      : undefined;
    const order = args.upcoming ? [asc(events.startsAt), asc(events.id)] : [desc(events.startsAt), desc(events.id)];
    const rows = await this.db
      .select()
      .from(events)
      .where(and(scope, position))
      .orderBy(...order)
      .limit(size + 1);
    const [count] = await this.db.select({ n: sql<number>`count(*)::int` }).from(events).where(scope);
    const nodes = rows.slice(0, size);
    return {
      page: {
        nodes,
        cursors: nodes.map((e) => encodeCursor({ createdAt: e.startsAt, id: e.id })),
        hasNextPage: rows.length > size,
      },
      totalCount: count?.n ?? 0,
    };
  }

  /** A community's next events (not cancelled, not ended), soonest first; the caller checked it is readable. */
  upcomingIn(communityId: string, first: number): Promise<EventRow[]> {
    return this.db
      .select()
      .from(events)
      .where(and(eq(events.communityId, communityId), isNull(events.cancelledAt), gt(events.endsAt, this.now())))
      .orderBy(asc(events.startsAt), asc(events.id))
      .limit(Math.max(0, Math.min(first, 50)));
  }

  /** The events the viewer is registered for (not cancelled registrations), soonest first, still readable to them. */
  async mine(viewer: Viewer | null): Promise<EventRow[]> {
    if (!viewer) return [];
    const rows = await this.db
      .select({ event: events })
      .from(events)
      .innerJoin(eventRegistrations, eq(eventRegistrations.eventId, events.id))
      .where(
        and(
          eq(eventRegistrations.userId, viewer.id),
          inArray(eventRegistrations.status, ["PENDING", "CONFIRMED", "WAITLISTED", "OFFERED", "ATTENDED"]),
          readable(viewer),
          gt(events.endsAt, this.now()),
        ),
      )
      .orderBy(asc(events.startsAt), asc(events.id))
      .limit(200);
    return rows.map((r) => r.event);
  }
}
