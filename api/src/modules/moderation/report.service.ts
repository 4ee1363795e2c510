import {
  type CommunityRow,
  caseTransitions,
  communities,
  type Database,
  type Executor,
  type ModerationCaseRow,
  type ModerationReportRow,
  type ModerationTargetKind,
  moderationCases,
  moderationReports,
  type NotificationRow,
} from "@pratica/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../../core/audit.js";
import { badInput, conflict, DomainError, forbidden, notFound, unauthenticated } from "../../core/errors.js";
import type { EventBus } from "../../core/event-bus.js";
import { isUuid } from "../../core/ids.js";
import { unitOfWork, type Work } from "../../core/unit-of-work.js";
import { parseInput, withoutNulls } from "../../core/validate.js";
import { isAdmin, type Viewer } from "../../core/viewer.js";
import { isFacilitator } from "../community/community.policy.js";
import { type CommunityService, communityLock } from "../community/community.service.js";
import type { DeliverableService } from "../deliverable/deliverable.service.js";
import type { ResourceService } from "../library/resource.service.js";
import type { NotificationService } from "../notification/notification.service.js";
import type { SystemExcerpt } from "../notification/system-excerpts.js";
import { canReadThreads } from "../thread/thread.policy.js";
import { caseLock, caseModeratorIds } from "./case-work.js";
import { canSetAutoHideThreshold } from "./moderation.policy.js";
import { reportContentRules, thresholdRules } from "./moderation.rules.js";
import { publishCaseChanged } from "./moderation.topics.js";
import { loadTarget, lockTargetAggregate, setHidden, type Target } from "./targets.js";

/**
 * How much one report counts toward automatic hiding (docs/moderation.md, "Weights"): a
 * facilitator of the target's community or a platform admin 2, any other member 1.
 */
export const REPORT_WEIGHT = { moderator: 2, member: 1 } as const;

const KIND_OF_FIELD = {
  postId: "POST",
  threadId: "THREAD",
  resourceId: "RESOURCE",
  commentId: "COMMENT",
  amendmentId: "AMENDMENT",
  userId: "USER",
} as const satisfies Record<string, ModerationTargetKind>;

const WHAT: Record<ModerationTargetKind, string> = {
  POST: "Post",
  THREAD: "Thread",
  RESOURCE: "Resource",
  COMMENT: "Comment",
  AMENDMENT: "Amendment",
  USER: "User",
};

/**
 * Reports: a member's report merges into the target's open case or opens one; reaching the
 * community's threshold hides the target until a moderator reviews it (by the system, told to
 * its author). One unit of work per report: the target's aggregate lock, then the case's.
 */
export class ReportService {
  constructor(
    private readonly db: Database,
    private readonly communities: CommunityService,
    private readonly resources: ResourceService,
    private readonly deliverables: DeliverableService,
    private readonly notifications: NotificationService,
    private readonly bus: EventBus,
    private readonly now: () => Date,
  ) {}

  async report(viewer: Viewer | null, input: unknown): Promise<ModerationReportRow> {
    if (!viewer) throw unauthenticated("Log in to report.");
    const parsed = parseInput(reportContentRules, withoutNulls(input as object));
    const field = (Object.keys(KIND_OF_FIELD) as (keyof typeof KIND_OF_FIELD)[]).find((f) => parsed[f] !== undefined);
    if (!field) throw badInput("postId", "Report exactly one thing.");
    const kind = KIND_OF_FIELD[field];
    const targetId = parsed[field] as string;
    const note = parsed.note ? parsed.note : null;

    const first = await loadTarget(this.db, kind, targetId);
    if (!first) throw notFound(WHAT[kind]);
    return unitOfWork(this.db, async (w) => {
      const { tx, afterCommit } = w;
      await lockTargetAggregate(w, first);
      const target = await loadTarget(tx, kind, targetId);
      if (!target) throw notFound(WHAT[kind]);
      const weight = await this.readableWeight(viewer, target, tx);
      if (target.authorId === viewer.id) throw badInput(field, "You cannot report yourself or your own content.");
      if (target.deleted) throw conflict("This was deleted: there is nothing left to report.", { deleted: true });

      const now = this.now();
      const { moderated, opened } = await this.openCase(w, target, parsed.reason, now);
      const [report] = await tx
        .insert(moderationReports)
        .values({
          caseId: moderated.id,
          reporterId: viewer.id,
          targetKind: kind,
          targetId,
          reason: parsed.reason,
          note,
          weight,
        })
        .onConflictDoNothing()
        .returning();
      if (!report)
        throw conflict("You already reported this; the moderators have not decided yet.", {
          caseId: moderated.id,
          state: moderated.state,
        });
      const [weighed] = await tx
        .update(moderationCases)
        .set({ weight: sql`${moderationCases.weight} + ${weight}`, updatedAt: now })
        .where(eq(moderationCases.id, moderated.id))
        .returning();
      if (!weighed) throw new Error("case not weighed");
      await tx.insert(caseTransitions).values({
        caseId: moderated.id,
        fromState: weighed.state,
        toState: weighed.state,
        action: "REPORT",
        actorId: null,
      });

      const told: NotificationRow[] = [];
      if (opened) {
        await recordAudit(tx, {
          actorId: null,
          action: "case.open",
          targetKind: kind.toLowerCase(),
          targetId,
          after: { state: "OPEN", reason: parsed.reason },
          communityId: target.communityId,
          caseId: moderated.id,
        });
        told.push(
          ...(await this.notifications.forModeration(tx, {
            kind: "CASE_OPENED",
            userIds: await caseModeratorIds(tx, moderated),
            actorId: null,
            communityId: target.communityId,
            caseId: moderated.id,
            excerpt: target.excerpt,
          })),
        );
      }
      told.push(...(await this.autoHide(w, weighed, target, now)));
      afterCommit(() => {
        this.notifications.publish(told);
        publishCaseChanged(this.bus, weighed);
      });
      return report;
    });
  }

  /** The community's threshold of automatic hiding (1..50 weighted reports; null: never), by its moderators. */
  async setAutoHideThreshold(viewer: Viewer | null, input: unknown): Promise<CommunityRow> {
    if (!viewer) throw unauthenticated();
    const { communityId, threshold } = parseInput(thresholdRules, input);
    return unitOfWork(this.db, async (w) => {
      if (!isUuid(communityId)) throw notFound("Community");
      await w.lock(communityLock, communityId);
      const { community, membership } = await this.communities.access(viewer, communityId, w.tx);
      if (!canSetAutoHideThreshold(viewer, membership))
        throw forbidden("Only this community's facilitators and the platform admins set its threshold.");
      const [updated] = await w.tx
        .update(communities)
        .set({ autoHideThreshold: threshold })
        .where(eq(communities.id, community.id))
        .returning();
      if (!updated) throw notFound("Community");
      await recordAudit(w.tx, {
        actorId: viewer.id,
        action: "community.auto_hide_threshold",
        targetKind: "community",
        targetId: community.id,
        before: { threshold: community.autoHideThreshold },
        after: { threshold },
        communityId: community.id,
      });
      return updated;
    });
  }

  /**
   * The target's open case, locked, or a new one. Two first reports at once: the partial unique
   * index (one OPEN case per target) lets one insert win; the other's insert does nothing and it
   * then reads (and locks) the winner's case, so both reports land in one case.
   */
  private async openCase(
    w: Pick<Work, "tx" | "lock">,
    target: Target,
    reason: ModerationCaseRow["reason"],
    now: Date,
  ): Promise<{ moderated: ModerationCaseRow; opened: boolean }> {
    const [created] = await w.tx
      .insert(moderationCases)
      .values({
        targetKind: target.kind,
        targetId: target.id,
        communityId: target.communityId,
        targetAuthorId: target.authorId,
        reason,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: moderationCases.id });
    const id =
      created?.id ??
      (
        await w.tx
          .select({ id: moderationCases.id })
          .from(moderationCases)
          .where(
            and(
              eq(moderationCases.targetKind, target.kind),
              eq(moderationCases.targetId, target.id),
              eq(moderationCases.state, "OPEN"),
            ),
          )
          .limit(1)
      )[0]?.id;
    if (!id) throw new Error("open case neither created nor found");
    const moderated = await w.lock(caseLock, id);
    if (!moderated) throw new Error("open case vanished");
    return { moderated, opened: created !== undefined };
  }

  /**
   * Hides the target by the system when the case's weight reaches the community's threshold
   * (null: never; a profile's case: never, admins decide those), once per case.
   */
  private async autoHide(
    w: Parameters<typeof setHidden>[0],
    moderated: ModerationCaseRow,
    target: Target,
    now: Date,
  ): Promise<NotificationRow[]> {
    if (moderated.autoHiddenAt || target.hiddenAt || !moderated.communityId) return [];
    const [community] = await w.tx
      .select({ threshold: communities.autoHideThreshold })
      .from(communities)
      .where(eq(communities.id, moderated.communityId));
    const threshold = community?.threshold ?? null;
    if (threshold === null || moderated.weight < threshold) return [];
    await setHidden(w, this.bus, target, { caseId: moderated.id, at: now }, null);
    await w.tx
      .update(moderationCases)
      .set({ autoHiddenAt: now, updatedAt: now })
      .where(eq(moderationCases.id, moderated.id));
    await w.tx.insert(caseTransitions).values({
      caseId: moderated.id,
      fromState: "OPEN",
      toState: "OPEN",
      action: "AUTO_HIDE",
      actorId: null,
    });
    await recordAudit(w.tx, {
      actorId: null,
      action: "case.auto_hide",
      targetKind: target.kind.toLowerCase(),
      targetId: target.id,
      before: { hidden: false, weight: moderated.weight },
      after: { hidden: true, threshold },
      communityId: moderated.communityId,
      caseId: moderated.id,
    });
    return this.notifications.forModeration(w.tx, {
      kind: "MODERATION_ACTION",
      userIds: [target.authorId],
      actorId: null,
      communityId: moderated.communityId,
      caseId: moderated.id,
      excerpt: AWAITS_REVIEW,
    });
  }

  /**
   * Whether the reporter may read the target (asking each module's read rule), and their
   * report's weight. An unreadable target is NOT_FOUND, never FORBIDDEN: a report tells nothing.
   */
  private async readableWeight(viewer: Viewer, target: Target, tx: Executor): Promise<number> {
    const gone = notFound(WHAT[target.kind]);
    if (target.kind === "USER") return isAdmin(viewer) ? REPORT_WEIGHT.moderator : REPORT_WEIGHT.member;
    if (!target.communityId || !target.parentId) throw gone;
    try {
      if (target.kind === "RESOURCE") await this.resources.visible(viewer, target.parentId, tx);
      else if (target.kind === "COMMENT" || target.kind === "AMENDMENT")
        await this.deliverables.visible(viewer, target.parentId, tx);
    } catch (err) {
      if (err instanceof DomainError) throw gone;
      throw err;
    }
    const access = await this.communities.access(viewer, target.communityId, tx);
    if (!canReadThreads(access)) throw gone;
    return isAdmin(viewer) || isFacilitator(access.membership) ? REPORT_WEIGHT.moderator : REPORT_WEIGHT.member;
  }
}

/** What the author of automatically hidden content is told (the email's wording frames it). */
const AWAITS_REVIEW: SystemExcerpt = "system:awaits-review";
