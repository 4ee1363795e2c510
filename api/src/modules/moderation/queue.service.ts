import {
  communityMemberships,
  type Database,
  type ModerationCaseRow,
  type ModerationReportRow,
  moderationCases,
  moderationReports,
} from "@pratica/db";
import { and, eq, inArray, isNotNull, lte, ne, notInArray, or, type SQL, sql } from "drizzle-orm";
import { forbidden, unauthenticated } from "../../core/errors.js";
import { decodeCursor, keysetCursor, type Page, type PageArgs, pageSize, toPage } from "../../core/pagination.js";
import { parseInput, withoutNulls } from "../../core/validate.js";
import { isAdmin, type Viewer } from "../../core/viewer.js";
import { keyset } from "./keyset.js";
import { AWAITING } from "./moderation.workflow.js";
import { type QueueFilter, queueFilterRules } from "./queue.rules.js";

const HOUR_MS = 60 * 60 * 1000;

export type Listed<T> = { page: Page<T>; totalCount: number };

/**
 * The read side of moderation: the review queue, and the lists of a member's own cases and
 * reports. Who may read each case's fields is asked per field (case-access.ts and the policy);
 * this service decides which cases a list holds.
 */
export class QueueService {
  constructor(
    private readonly db: Database,
    /** "Now" for the age filter and the appeal window; tests pass their own. */
    readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * What awaits the viewer's decision (OPEN and APPEALED unless a state is asked for): a
   * facilitator's communities', an admin's everywhere (with the profiles' cases). Never a case
   * about the viewer's own content: nobody judges themself (moderation.policy.ts isCaseModerator).
   */
  async queue(viewer: Viewer | null, filter: QueueFilter, args: PageArgs): Promise<Listed<ModerationCaseRow>> {
    if (!viewer) throw unauthenticated();
    const f = parseInput(queueFilterRules, withoutNulls(filter));
    const size = pageSize(args.first);
    const position = decodeCursor(keysetCursor, args.after);
    const communities = await this.moderatedScope(viewer, f.communityId);
    const scope = and(
      communities ? inArray(moderationCases.communityId, communities) : undefined,
      f.communityId && !communities ? eq(moderationCases.communityId, f.communityId) : undefined,
      ne(moderationCases.targetAuthorId, viewer.id),
      f.state ? eq(moderationCases.state, f.state) : inArray(moderationCases.state, [...AWAITING]),
      f.reason ? eq(moderationCases.reason, f.reason) : undefined,
      f.olderThanHours !== undefined
        ? lte(moderationCases.createdAt, new Date(this.now().getTime() - f.olderThanHours * HOUR_MS))
        : undefined,
    );
    const order = keyset(moderationCases.createdAt, moderationCases.id, position, f.newestFirst ?? false);
    return this.list(moderationCases, scope, order, size);
  }

  /**
   * The cases about the viewer's own content that hid or sanctioned it, newest first: those the
   * author was told of (moderation.policy.ts `authorWasTold`, here as the SQL of a list).
   */
  async myCases(viewer: Viewer | null, args: PageArgs): Promise<Listed<ModerationCaseRow>> {
    if (!viewer) throw unauthenticated();
    const size = pageSize(args.first);
    const position = decodeCursor(keysetCursor, args.after);
    const scope = and(
      eq(moderationCases.targetAuthorId, viewer.id),
      or(isNotNull(moderationCases.autoHiddenAt), notInArray(moderationCases.state, ["OPEN", "DISMISSED"])),
    );
    const order = keyset(moderationCases.createdAt, moderationCases.id, position, true);
    return this.list(moderationCases, scope, order, size);
  }

  /** The viewer's reports, newest first; each reaches its case (its state, its outcome). */
  async myReports(viewer: Viewer | null, args: PageArgs): Promise<Listed<ModerationReportRow>> {
    if (!viewer) throw unauthenticated();
    const size = pageSize(args.first);
    const position = decodeCursor(keysetCursor, args.after);
    const scope = eq(moderationReports.reporterId, viewer.id);
    const order = keyset(moderationReports.createdAt, moderationReports.id, position, true);
    return this.list(moderationReports, scope, order, size);
  }

  /**
   * The communities whose cases the viewer reads in the queue: null for an admin (all, or the
   * one asked for); a facilitator's active ones (the one asked for, if theirs). Anyone else, or
   * a community the viewer does not facilitate: FORBIDDEN.
   */
  private async moderatedScope(viewer: Viewer, communityId: string | undefined): Promise<string[] | null> {
    if (isAdmin(viewer)) return null;
    const facilitated = await this.db
      .select({ communityId: communityMemberships.communityId })
      .from(communityMemberships)
      .where(
        and(
          eq(communityMemberships.userId, viewer.id),
          eq(communityMemberships.role, "FACILITATOR"),
          eq(communityMemberships.status, "ACTIVE"),
        ),
      );
    const ids = facilitated.map((m) => m.communityId);
    if (ids.length === 0) throw forbidden("Only facilitators and admins review reports.");
    if (communityId === undefined) return ids;
    if (!ids.includes(communityId)) throw forbidden("You do not moderate this community.");
    return [communityId];
  }

  private async list<T extends { createdAt: Date; id: string }>(
    table: typeof moderationCases | typeof moderationReports,
    scope: SQL | undefined,
    order: { after: SQL | undefined; order: SQL[] },
    size: number,
  ): Promise<Listed<T>> {
    const [rows, [count]] = await Promise.all([
      this.db
        .select()
        .from(table)
        .where(and(scope, order.after))
        .orderBy(...order.order)
        .limit(size + 1) as unknown as Promise<T[]>,
      this.db.select({ n: sql<number>`count(*)::int` }).from(table).where(scope),
    ]);
    return { page: toPage(rows, size), totalCount: count?.n ?? 0 };
  }
}
