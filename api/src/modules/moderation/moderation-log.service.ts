import {
  type AuditLogRow,
  auditLog,
  type CommunityMembershipRow,
  type CommunityRow,
  communities,
  communityMemberships,
  type Database,
  moderationAction,
  moderationCases,
} from "@pratica/db";
import { and, eq, like, type SQL, sql } from "drizzle-orm";
import { forbidden, notFound, unauthenticated } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { decodeCursor, keysetCursor, type PageArgs, pageSize, toPage } from "../../core/pagination.js";
import type { Viewer } from "../../core/viewer.js";
import { canModerate, canRead } from "../community/community.policy.js";
import { keyset } from "./keyset.js";
import type { CaseStep } from "./moderation.type.js";
import type { Listed } from "./queue.service.js";

type TargetKind = (typeof moderationCases.$inferSelect)["targetKind"];
type Reason = (typeof moderationCases.$inferSelect)["reason"];

/** One log entry as the viewer may read it: the public copy has no actor, note, before/after or case. */
export type LogEntryView = {
  id: string;
  /** The keyset position; `at` is the same instant, the field's name. */
  createdAt: Date;
  at: Date;
  step: CaseStep;
  targetKind: TargetKind;
  reason: Reason | null;
  actorId: string | null;
  note: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  caseId: string | null;
};

const STEPS = new Set<string>(moderationAction.enumValues);

/**
 * An audit action of the moderation module (`case.<step>`, written by its decisions; `case.open`
 * when reports opened a case) as the step it records.
 */
export function stepOf(action: string): CaseStep {
  const step = action.replace(/^case\./, "").toUpperCase();
  if (step === "OPEN") return "REPORT";
  return (STEPS.has(step) ? step : "REPORT") as CaseStep;
}

// What the public log shows: the decisions that left content hidden and those that showed it
// again, told by the visibility recorded before and after. A warning or a report on visible
// content never appears; a restriction that hid a post appears as the hiding it was.
const HID_OR_SHOWED = sql`(coalesce((${auditLog.after}->>'hidden')::boolean, false) or coalesce((${auditLog.before}->>'hidden')::boolean, false))`;

/**
 * A community's moderation log, read from the append-only audit log: in full for its
 * facilitators and the admins, redacted for anyone who reads the community (what was hidden or
 * shown again, and the reason category; never who, the notes, the reporter or the case).
 */
export class ModerationLogService {
  constructor(private readonly db: Database) {}

  async full(viewer: Viewer | null, communityId: string, args: PageArgs): Promise<Listed<LogEntryView>> {
    if (!viewer) throw unauthenticated();
    const { membership } = await this.access(viewer, communityId);
    if (!canModerate(viewer, membership)) throw forbidden("Only the facilitators read this log.");
    return this.read(communityId, like(auditLog.action, "case.%"), args, (row, reason) => ({
      ...base(row, reason),
      step: stepOf(row.action),
      actorId: row.actorId,
      note: row.reason,
      before: row.before,
      after: row.after,
      caseId: row.caseId,
    }));
  }

  async redacted(viewer: Viewer | null, communityId: string, args: PageArgs): Promise<Listed<LogEntryView>> {
    const { community, membership } = await this.access(viewer, communityId);
    if (!canRead(community, viewer, membership)) {
      throw viewer ? forbidden("Only members of this community read its log.") : unauthenticated();
    }
    return this.read(communityId, and(like(auditLog.action, "case.%"), HID_OR_SHOWED), args, (row, reason) => {
      const step = stepOf(row.action);
      const hidden = row.after?.hidden === true;
      return {
        ...base(row, reason),
        // The system's hiding and an appeal's outcome say what they are; a person's decision only what it did to the content.
        step: step === "AUTO_HIDE" || step === "OVERTURN" ? step : hidden ? "HIDE" : "RESTORE",
      };
    });
  }

  private async access(
    viewer: Viewer | null,
    communityId: string,
  ): Promise<{ community: CommunityRow; membership: CommunityMembershipRow | null }> {
    if (!isUuid(communityId)) throw notFound("Community");
    const [[community], [membership]] = await Promise.all([
      this.db.select().from(communities).where(eq(communities.id, communityId)),
      viewer
        ? this.db
            .select()
            .from(communityMemberships)
            .where(and(eq(communityMemberships.communityId, communityId), eq(communityMemberships.userId, viewer.id)))
        : [],
    ]);
    if (!community) throw notFound("Community");
    return { community, membership: membership ?? null };
  }

  private async read(
    communityId: string,
    scope: SQL | undefined,
    args: PageArgs,
    shape: (row: AuditLogRow, reason: Reason | null) => LogEntryView,
  ): Promise<Listed<LogEntryView>> {
    const size = pageSize(args.first);
    const position = decodeCursor(keysetCursor, args.after);
    const where = and(eq(auditLog.communityId, communityId), scope);
    const order = keyset(auditLog.createdAt, auditLog.id, position, true);
    const [rows, [count]] = await Promise.all([
      this.db
        .select({ entry: auditLog, reason: moderationCases.reason })
        .from(auditLog)
        .leftJoin(moderationCases, eq(moderationCases.id, auditLog.caseId))
        .where(and(where, order.after))
        .orderBy(...order.order)
        .limit(size + 1),
      this.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
    ]);
    const page = toPage(
      rows.map((r) => ({ ...r.entry, reasonCategory: r.reason })),
      size,
    );
    return {
      page: { ...page, nodes: page.nodes.map((row) => shape(row, row.reasonCategory)) },
      totalCount: count?.n ?? 0,
    };
  }
}

const base = (row: AuditLogRow, reason: Reason | null): Omit<LogEntryView, "step"> => ({
  id: row.id,
  createdAt: row.createdAt,
  at: row.createdAt,
  targetKind: row.targetKind.toUpperCase() as TargetKind,
  reason,
  actorId: null,
  note: null,
  before: null,
  after: null,
  caseId: null,
});
