import type { AppealRow, CaseMessageRow, CommunityRow, ModerationCaseRow, ModerationReportRow } from "@pratica/db";
import { Arg, Ctx, Float, ID, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../core/context.js";
import { Community } from "../community/community.type.js";
import {
  AppealInput,
  CaseMessageInput,
  DecideAppealInput,
  DecideCaseInput,
  ReportContentInput,
} from "./moderation.input.js";
import { Appeal, CaseMessage, ModerationCase, Report } from "./moderation.type.js";

/** The writes of moderation: reports, decisions, appeals, the case conversation, the threshold. */
@Resolver()
export class ModerationWriteResolver {
  @Mutation(() => Report, {
    description:
      "Any member who may read it; NOT_FOUND when it cannot be read, CONFLICT when already reported (unresolved) or deleted",
  })
  reportContent(
    @Arg("input", () => ReportContentInput) input: ReportContentInput,
    @Ctx() ctx: Context,
  ): Promise<ModerationReportRow> {
    return ctx.services.moderationReports.report(ctx.viewer, input);
  }

  @Mutation(() => ModerationCase, {
    description: "The case's moderators; CONFLICT with extensions.current { state } when expectedState is stale",
  })
  decideCase(
    @Arg("input", () => DecideCaseInput) input: DecideCaseInput,
    @Ctx() ctx: Context,
  ): Promise<ModerationCaseRow> {
    return ctx.services.moderationDecisions.decide(ctx.viewer, input);
  }

  @Mutation(() => Appeal, { description: "The author, once, within 20 days of the decision" })
  appealAction(@Arg("input", () => AppealInput) input: AppealInput, @Ctx() ctx: Context): Promise<AppealRow> {
    return ctx.services.moderationAppeals.appeal(ctx.viewer, input);
  }

  @Mutation(() => ModerationCase, {
    description: "A case moderator other than the one who decided (FORBIDDEN with reason SAME_MODERATOR)",
  })
  decideAppeal(
    @Arg("input", () => DecideAppealInput) input: DecideAppealInput,
    @Ctx() ctx: Context,
  ): Promise<ModerationCaseRow> {
    return ctx.services.moderationDecisions.decideAppeal(ctx.viewer, input);
  }

  @Mutation(() => CaseMessage, { description: "The author (also while restricted or suspended) and the moderators" })
  sendCaseMessage(
    @Arg("input", () => CaseMessageInput) input: CaseMessageInput,
    @Ctx() ctx: Context,
  ): Promise<CaseMessageRow> {
    return ctx.services.moderationAppeals.sendMessage(ctx.viewer, input);
  }

  @Mutation(() => Community, { description: "Facilitators of the community and admins; 1..50, null = never" })
  setAutoHideThreshold(
    @Arg("communityId", () => ID) communityId: string,
    @Arg("threshold", () => Float, { nullable: true }) threshold: number | null,
    @Ctx() ctx: Context,
  ): Promise<CommunityRow> {
    return ctx.services.moderationReports.setAutoHideThreshold(ctx.viewer, {
      communityId,
      threshold: threshold ?? null,
    });
  }
}
