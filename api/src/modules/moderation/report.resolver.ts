import type { ModerationCaseRow, ModerationReportRow, UserRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { connectionComplexity, toConnection } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { notFound } from "../../core/errors.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { User } from "../identity/user.type.js";
import { standingVia } from "./case-access.js";
import { ModerationCase, Report, ReportConnection } from "./moderation.type.js";

/**
 * A report is read by its reporter (myReports, reportContent) and by the case's moderators
 * (ModerationCase.reports); the reporter's name is the moderators' alone.
 */
@Resolver(() => Report)
export class ReportResolver {
  @Query(() => ReportConnection, {
    complexity: connectionComplexity,
    description: "The viewer's reports, newest first, each with its case's state and outcome",
  })
  async myReports(
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const { page, totalCount } = await ctx.services.moderationQueue.myReports(ctx.viewer, { first, after });
    return toConnection(page, totalCount);
  }

  @FieldResolver(() => User, { nullable: true, description: "Moderators only" })
  @ViewerDependent()
  async reporter(@Root() r: ModerationReportRow, @Ctx() ctx: Context): Promise<UserRow | null> {
    const moderated = await ctx.loaders.caseById.load(r.caseId);
    if (!moderated || !(await standingVia(ctx, moderated)).moderator) return null;
    return ctx.loaders.userById.load(r.reporterId);
  }

  // The reporter reads their report's case (its fields tell a reporter only the state and outcome).
  @FieldResolver(() => ModerationCase)
  async case(@Root() r: ModerationReportRow, @Ctx() ctx: Context): Promise<ModerationCaseRow> {
    const moderated = await ctx.loaders.caseById.load(r.caseId);
    if (!moderated) throw notFound("Case");
    return moderated;
  }
}
