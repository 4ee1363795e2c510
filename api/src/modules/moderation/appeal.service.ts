import {
  type AppealRow,
  appeals,
  type CaseMessageRow,
  caseMessages,
  caseTransitions,
  type Database,
  moderationCases,
} from "@pratica/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../../core/audit.js";
import { conflict, forbidden, unauthenticated } from "../../core/errors.js";
import type { EventBus } from "../../core/event-bus.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import type { NotificationService } from "../notification/notification.service.js";
import { caseModeratorIds, inCase, membershipIn } from "./case-work.js";
import { canAppeal, canMessage, isCaseAuthor, isCaseModerator } from "./moderation.policy.js";
import { appealRules, caseMessageRules } from "./moderation.rules.js";
import { publishCaseChanged } from "./moderation.topics.js";
import { APPEAL_WINDOW_DAYS, appealDeadline } from "./moderation.workflow.js";

/** The author's side of a case: the appeal, and the private conversation with the moderators. */
export class AppealService {
  constructor(
    private readonly db: Database,
    private readonly notifications: NotificationService,
    private readonly bus: EventBus,
    private readonly now: () => Date,
  ) {}

  /** The author appeals once, within 20 days; the moderators other than the decider are told. */
  async appeal(viewer: Viewer | null, input: unknown): Promise<AppealRow> {
    if (!viewer) throw unauthenticated();
    const { caseId, statement } = parseInput(appealRules, input);
    return inCase(this.db, caseId, async (w) => {
      const { tx, moderated } = w;
      if (!isCaseAuthor(viewer, moderated)) throw forbidden("Only the author of what was moderated can appeal.");
      const [existing] = await tx.select().from(appeals).where(eq(appeals.caseId, moderated.id)).limit(1);
      const now = this.now();
      if (!canAppeal(viewer, moderated, existing ?? null, now)) {
        if (existing)
          throw conflict("This decision was already appealed: one appeal per decision.", { state: moderated.state });
        if (moderated.state !== "ACTIONED")
          throw conflict("Only a decision that hid or sanctioned your content can be appealed.", {
            state: moderated.state,
          });
        throw conflict(`The ${APPEAL_WINDOW_DAYS} days to appeal this decision have passed.`, {
          state: moderated.state,
          appealDeadline: appealDeadline(moderated),
        });
      }
      const [appeal] = await tx
        .insert(appeals)
        .values({ caseId: moderated.id, authorId: viewer.id, statement, createdAt: now })
        .returning();
      if (!appeal) throw new Error("appeal not recorded");
      const [appealed] = await tx
        .update(moderationCases)
        .set({ state: "APPEALED", updatedAt: now })
        .where(eq(moderationCases.id, moderated.id))
        .returning();
      if (!appealed) throw new Error("case not appealed");
      await tx.insert(caseTransitions).values({
        caseId: moderated.id,
        fromState: "ACTIONED",
        toState: "APPEALED",
        action: "APPEAL",
        actorId: viewer.id,
      });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "case.appeal",
        targetKind: moderated.targetKind.toLowerCase(),
        targetId: moderated.targetId,
        before: { state: "ACTIONED" },
        after: { state: "APPEALED" },
        communityId: moderated.communityId,
        caseId: moderated.id,
      });
      // The appeal goes to the moderators who may decide it: not the one who decided.
      const told = await this.notifications.forModeration(tx, {
        kind: "APPEAL_OPENED",
        userIds: await caseModeratorIds(tx, moderated, moderated.decidedBy),
        actorId: viewer.id,
        communityId: moderated.communityId,
        caseId: moderated.id,
        excerpt: statement,
      });
      w.afterCommit(() => {
        this.notifications.publish(told);
        publishCaseChanged(this.bus, appealed);
      });
      return appeal;
    });
  }

  /**
   * A message in the case's private conversation: from the author to the moderators (the one who
   * decided, else the community's facilitators), or from a moderator to the author. It is the
   * one place a restricted or suspended author still writes, so it asks no community write rule.
   */
  async sendMessage(viewer: Viewer | null, input: unknown): Promise<CaseMessageRow> {
    if (!viewer) throw unauthenticated();
    const { caseId, body } = parseInput(caseMessageRules, input);
    return inCase(this.db, caseId, async (w) => {
      const { tx, moderated } = w;
      const membership = await membershipIn(tx, moderated.communityId, viewer.id);
      if (!canMessage(viewer, moderated, membership)) {
        throw isCaseAuthor(viewer, moderated) || isCaseModerator(viewer, moderated, membership)
          ? conflict("The conversation opens once the author was told about the case.", { state: moderated.state })
          : forbidden("Only the author and the moderators write in a case's conversation.");
      }
      const [message] = await tx
        .insert(caseMessages)
        .values({ caseId: moderated.id, authorId: viewer.id, body, createdAt: this.now() })
        .returning();
      if (!message) throw new Error("message not recorded");
      const recipients = isCaseAuthor(viewer, moderated)
        ? moderated.decidedBy
          ? [moderated.decidedBy]
          : await caseModeratorIds(tx, moderated)
        : [moderated.targetAuthorId];
      const told = await this.notifications.forModeration(tx, {
        kind: "CASE_MESSAGE",
        userIds: recipients,
        actorId: viewer.id,
        communityId: moderated.communityId,
        caseId: moderated.id,
        excerpt: body,
      });
      w.afterCommit(() => this.notifications.publish(told));
      return message;
    });
  }
}
