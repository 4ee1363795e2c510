import type { AppealRow, CaseMessageRow, CaseTransitionRow, ModerationCaseRow, ModerationReportRow } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { standingVia } from "./case-access.js";
import { canAppeal, canDecideAppeal, canDecideCase, canMessage } from "./moderation.policy.js";
import { Appeal, CaseMessage, CaseTransition, ModerationCase, Report } from "./moderation.type.js";
import { appealDeadline } from "./moderation.workflow.js";

/** A transition as the viewer may read it: the author's copy has no actor and no note. */
export type TransitionView = {
  id: string;
  from: CaseTransitionRow["fromState"];
  to: CaseTransitionRow["toState"];
  step: CaseTransitionRow["action"];
  until: Date | null;
  at: Date;
  actorId: string | null;
  note: string | null;
  message: string | null;
};

const view = (t: CaseTransitionRow, internals: boolean): TransitionView => ({
  id: t.id,
  from: t.fromState,
  to: t.toState,
  step: t.action,
  until: t.until,
  at: t.createdAt,
  actorId: internals ? t.actorId : null,
  note: internals ? t.note : null,
  message: t.message,
});

/** A case's record: its reports, its history, the appeal, the private conversation, and what the viewer may do. */
@Resolver(() => ModerationCase)
export class CaseHistoryResolver {
  @FieldResolver(() => [Report], { description: "Oldest first, with reporters and notes; moderators only" })
  @ViewerDependent()
  async reports(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<ModerationReportRow[]> {
    return (await standingVia(ctx, c)).moderator ? ctx.loaders.reportsByCase.load(c.id) : [];
  }

  @FieldResolver(() => [CaseTransition], {
    description:
      "Every step, oldest first: moderators all; the author the steps and messages, without notes, actors or the later reports",
  })
  @ViewerDependent()
  async history(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<TransitionView[]> {
    const standing = await standingVia(ctx, c);
    if (!standing.moderator && !standing.author) return [];
    const steps = await ctx.loaders.transitionsByCase.load(c.id);
    if (standing.moderator) return steps.map((t) => view(t, true));
    // The author learns that the case was opened, not how many reported it nor when each did:
    // the timing of later reports could point at who made them.
    return steps.filter((t, i) => t.action !== "REPORT" || i === 0).map((t) => view(t, false));
  }

  @FieldResolver(() => Appeal, { nullable: true, description: "The author's appeal; the author and moderators" })
  @ViewerDependent()
  async appeal(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<AppealRow | null> {
    const standing = await standingVia(ctx, c);
    return standing.moderator || standing.author ? ctx.loaders.appealByCase.load(c.id) : null;
  }

  @FieldResolver(() => DateTimeISOResolver, {
    nullable: true,
    description: "The last moment to appeal (decided + 20 days), while the decision stands without an appeal",
  })
  @ViewerDependent()
  async appealDeadline(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<Date | null> {
    const standing = await standingVia(ctx, c);
    if (!standing.moderator && !standing.author) return null;
    return (await ctx.loaders.appealByCase.load(c.id)) ? null : appealDeadline(c);
  }

  @FieldResolver(() => [CaseMessage], { description: "The private conversation: the author and the moderators" })
  @ViewerDependent()
  async messages(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<CaseMessageRow[]> {
    const standing = await standingVia(ctx, c);
    return standing.moderator || standing.author ? ctx.loaders.messagesByCase.load(c.id) : [];
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerCanDecide(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<boolean> {
    return canDecideCase(ctx.viewer, c, (await standingVia(ctx, c)).membership);
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerCanAppeal(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<boolean> {
    const appeal = await ctx.loaders.appealByCase.load(c.id);
    return canAppeal(ctx.viewer, c, appeal, ctx.services.moderationQueue.now());
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerCanDecideAppeal(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<boolean> {
    return canDecideAppeal(ctx.viewer, c, (await standingVia(ctx, c)).membership);
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerCanMessage(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<boolean> {
    return canMessage(ctx.viewer, c, (await standingVia(ctx, c)).membership);
  }
}
