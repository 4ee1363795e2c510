import {
  appeals,
  caseTransitions,
  type Database,
  type ModerationCaseRow,
  moderationCases,
  type NotificationRow,
} from "@pratica/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../../core/audit.js";
import { badInput, conflict, DomainError, forbidden, unauthenticated } from "../../core/errors.js";
import type { EventBus } from "../../core/event-bus.js";
import { parseInput, withoutNulls } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import type { SessionService } from "../identity/session.service.js";
import type { NotificationService } from "../notification/notification.service.js";
import type { SystemExcerpt } from "../notification/system-excerpts.js";
import { type CaseWork, inCase, membershipIn, openReporterIds, resolveReports } from "./case-work.js";
import { canSanctionPlatform, isCaseAuthor, isCaseModerator, isDecidingModerator } from "./moderation.policy.js";
import { decideAppealRules, decideCaseRules } from "./moderation.rules.js";
import { publishCaseChanged } from "./moderation.topics.js";
import type { ModerationAction } from "./moderation.type.js";
import {
  hidesContent,
  latestUntil,
  needsMessage,
  needsUntil,
  nextState,
  sanctionOf,
  scopeOf,
  takesScope,
} from "./moderation.workflow.js";
import { announceStanding, imposeSanction, liftCaseSanctions } from "./sanctions.js";
import { hiddenBy, setHidden } from "./targets.js";

const stale = (moderated: ModerationCaseRow) =>
  conflict(`Someone changed this case meanwhile: it is now ${moderated.state.toLowerCase()}.`, {
    state: moderated.state,
  });

/**
 * The moderators' decisions on a case and on its appeal. Each runs in one unit of work that
 * locks the content's aggregate then the case (case-work.ts), checks who and the state the
 * moderator saw (`expectedState`: a stale one is CONFLICT with the current state), writes the
 * transition, the content's visibility, the sanction and the audit entry, and tells the reporters
 * and the author after commit.
 */
export class DecisionService {
  constructor(
    private readonly db: Database,
    private readonly sessions: SessionService,
    private readonly notifications: NotificationService,
    private readonly bus: EventBus,
    private readonly now: () => Date,
  ) {}

  async decide(viewer: Viewer | null, input: unknown): Promise<ModerationCaseRow> {
    if (!viewer) throw unauthenticated();
    const parsed = parseInput(decideCaseRules, withoutNulls(input as object));
    const action: ModerationAction = parsed.action;
    return inCase(this.db, parsed.caseId, async (w) => {
      const { tx, moderated, target } = w;
      const membership = await membershipIn(tx, moderated.communityId, viewer.id);
      if (!isCaseModerator(viewer, moderated, membership)) {
        throw forbidden(
          isCaseAuthor(viewer, moderated)
            ? "You cannot decide a case about your own content."
            : "Only this community's facilitators and the platform admins decide its cases.",
        );
      }
      if (moderated.state !== parsed.expectedState) throw stale(moderated);
      const hidden = !!target && hiddenBy(target, moderated.id);
      const to = nextState(action, moderated.state, { state: moderated.state, hidden });
      if (!to) {
        throw conflict(
          action === "RESTORE" && moderated.state === "OPEN"
            ? "Nothing is hidden: dismiss the case instead."
            : `A ${moderated.state.toLowerCase()} case cannot take ${action.toLowerCase()}.`,
          { state: moderated.state },
        );
      }
      const now = this.now();
      const message = parsed.message ?? null;
      if (needsMessage(action) && !message) throw badInput("message", "Tell the author why.");
      let until: Date | null = null;
      if (needsUntil(action)) {
        if (!parsed.until) throw badInput("until", "Say until when.");
        if (parsed.until <= now) throw badInput("until", "The end must be in the future.");
        if (parsed.until > latestUntil(now)) throw badInput("until", "At most 365 days.");
        until = parsed.until;
      } else if (parsed.until) throw badInput("until", "Only a restriction or a suspension lasts until a date.");
      if (parsed.scope && !takesScope(action))
        throw badInput("scope", "Only a restriction or a suspension has a scope.");
      const scope = takesScope(action) ? scopeOf(parsed.scope, moderated) : null;
      if (scope === "PLATFORM" && !canSanctionPlatform(viewer))
        throw forbidden("Only platform admins restrict or suspend on the whole platform.");
      if (!target && (action === "HIDE" || action === "RESTORE"))
        throw conflict("The reported content no longer exists.", { state: moderated.state });

      const wasHidden = !!target && hiddenBy(target, moderated.id);
      const shows = wasHidden && (action === "RESTORE" || action === "DISMISS");
      const hides = !!target && hidesContent(action, moderated.targetKind) && !target.hiddenAt;
      const reporters = moderated.state === "OPEN" ? await openReporterIds(tx, moderated.id) : [];
      // The content: hidden by HIDE (and RESTRICT/SUSPEND of content), shown again by RESTORE and
      // by DISMISS of what the system had hidden.
      if (target && hides) await setHidden(w, this.bus, target, { caseId: moderated.id, at: now }, viewer.id);
      if (target && shows) await setHidden(w, this.bus, target, null, viewer.id);
      const lifted = action === "RESTORE" ? await liftCaseSanctions(tx, moderated.id, now) : [];
      const kind = sanctionOf(action);
      const sanction = kind
        ? await imposeSanction(
            tx,
            {
              caseId: moderated.id,
              userId: moderated.targetAuthorId,
              kind,
              communityId: scope === "PLATFORM" ? null : moderated.communityId,
              endsAt: until,
              createdBy: viewer.id,
            },
            now,
          )
        : null;
      if (kind === "SUSPEND" && scope === "PLATFORM") await this.sessions.revokeWithin(w, moderated.targetAuthorId);

      const [decided] = await tx
        .update(moderationCases)
        .set({ state: to, action, decidedBy: viewer.id, decidedAt: now, until, updatedAt: now })
        .where(eq(moderationCases.id, moderated.id))
        .returning();
      if (!decided) throw new Error("case not decided");
      await tx.insert(caseTransitions).values({
        caseId: moderated.id,
        fromState: moderated.state,
        toState: to,
        action,
        actorId: viewer.id,
        note: parsed.reason,
        message,
        until,
      });
      await resolveReports(tx, moderated.id, now);
      await recordAudit(tx, {
        actorId: viewer.id,
        action: `case.${action.toLowerCase()}`,
        targetKind: moderated.targetKind.toLowerCase(),
        targetId: moderated.targetId,
        before: { state: moderated.state, hidden: !!target?.hiddenAt },
        after: {
          state: to,
          hidden: (!!target?.hiddenAt || hides) && !shows,
          sanction: sanction ? { kind: sanction.kind, scope, until } : null,
          lifted: lifted.map((s) => s.kind),
        },
        communityId: moderated.communityId,
        caseId: moderated.id,
        reason: parsed.reason,
      });
      const told = await this.tell(w, decided, {
        reporters,
        outcome: action === "DISMISS" || (action === "RESTORE" && moderated.state === "OPEN") ? "none" : "actioned",
        author: action === "DISMISS" && !wasHidden ? null : (message ?? SHOWN_AGAIN),
        actorId: viewer.id,
      });
      w.afterCommit(() => {
        this.notifications.publish(told);
        publishCaseChanged(this.bus, decided);
        announceStanding(this.bus, [sanction, ...lifted]);
      });
      return decided;
    });
  }

  /** The appeal's decision, by a case moderator other than the one who decided (SAME_MODERATOR). */
  async decideAppeal(viewer: Viewer | null, input: unknown): Promise<ModerationCaseRow> {
    if (!viewer) throw unauthenticated();
    const parsed = parseInput(decideAppealRules, withoutNulls(input as object));
    return inCase(this.db, parsed.caseId, async (w) => {
      const { tx, moderated, target } = w;
      const membership = await membershipIn(tx, moderated.communityId, viewer.id);
      if (!isCaseModerator(viewer, moderated, membership))
        throw forbidden("Only this community's facilitators and the platform admins decide appeals.");
      if (isDecidingModerator(viewer, moderated))
        throw new DomainError("FORBIDDEN", "Another moderator decides the appeal against your decision.", {
          reason: "SAME_MODERATOR",
        });
      if (moderated.state !== parsed.expectedState) throw stale(moderated);
      if (moderated.state !== "APPEALED")
        throw conflict("There is no open appeal on this case.", { state: moderated.state });
      const now = this.now();
      const overturn = parsed.decision === "OVERTURN";
      const to = overturn ? "OVERTURNED" : "UPHELD";
      const lifted = overturn ? await liftCaseSanctions(tx, moderated.id, now) : [];
      const wasHidden = !!target && hiddenBy(target, moderated.id);
      if (overturn && target && wasHidden) await setHidden(w, this.bus, target, null, viewer.id);
      await tx
        .update(appeals)
        .set({ state: to, decidedBy: viewer.id, decidedAt: now })
        .where(eq(appeals.caseId, moderated.id));
      // The case keeps who made the decision appealed; the appeal row records who decided it.
      const [decided] = await tx
        .update(moderationCases)
        .set({ state: to, updatedAt: now })
        .where(eq(moderationCases.id, moderated.id))
        .returning();
      if (!decided) throw new Error("appeal not decided");
      await tx.insert(caseTransitions).values({
        caseId: moderated.id,
        fromState: "APPEALED",
        toState: to,
        action: parsed.decision,
        actorId: viewer.id,
        note: parsed.reason,
        message: parsed.message,
      });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: `case.${parsed.decision.toLowerCase()}`,
        targetKind: moderated.targetKind.toLowerCase(),
        targetId: moderated.targetId,
        before: { state: "APPEALED", hidden: wasHidden },
        after: { state: to, hidden: wasHidden && !overturn, lifted: lifted.map((s) => s.kind) },
        communityId: moderated.communityId,
        caseId: moderated.id,
        reason: parsed.reason,
      });
      const told = await this.notifications.forModeration(tx, {
        kind: "APPEAL_DECIDED",
        userIds: [moderated.targetAuthorId],
        actorId: viewer.id,
        communityId: moderated.communityId,
        caseId: moderated.id,
        excerpt: parsed.message,
      });
      w.afterCommit(() => {
        this.notifications.publish(told);
        publishCaseChanged(this.bus, decided);
        announceStanding(this.bus, lifted);
      });
      return decided;
    });
  }

  /** Reporters hear the outcome (never who decided, nor the note); the author hears the message. */
  private async tell(
    w: CaseWork,
    decided: ModerationCaseRow,
    news: { reporters: string[]; outcome: "none" | "actioned"; author: string | null; actorId: string },
  ): Promise<NotificationRow[]> {
    const reporters = await this.notifications.forModeration(w.tx, {
      kind: "REPORT_OUTCOME",
      userIds: news.reporters.filter((id) => id !== decided.targetAuthorId),
      actorId: null,
      communityId: decided.communityId,
      caseId: decided.id,
      excerpt: OUTCOME[news.outcome],
    });
    const author = news.author
      ? await this.notifications.forModeration(w.tx, {
          kind: "MODERATION_ACTION",
          userIds: [decided.targetAuthorId],
          actorId: news.actorId,
          communityId: decided.communityId,
          caseId: decided.id,
          excerpt: news.author,
        })
      : [];
    return [...reporters, ...author];
  }
}

/** What a reporter is told: only whether something was done. */
const OUTCOME = { actioned: "system:report-actioned", none: "system:report-no-action" } as const satisfies Record<
  string,
  SystemExcerpt
>;

const SHOWN_AGAIN: SystemExcerpt = "system:shown-again";
