import type { CommunityRow, ModerationCaseRow, UserRow } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Arg, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from "type-graphql";
import { connectionComplexity, toConnection } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { isUuid } from "../../core/ids.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { Community } from "../community/community.type.js";
import { CaseState, ReportReason } from "../hidden-content/hidden-content.type.js";
import { User } from "../identity/user.type.js";
import { seenCaseVia, standingVia } from "./case-access.js";
import { CaseStep, ModerationCase, ModerationCaseConnection, ReasonCount, SanctionScope } from "./moderation.type.js";

type Enum<E> = E[keyof E];

/**
 * The queue and a case: the queries, and the fields of the decision. Each field asks what the
 * viewer is to the case (case-access.ts): moderators read everything, the author what was
 * decided and told to them, a reporter the state and the outcome.
 */
@Resolver(() => ModerationCase)
export class CaseResolver {
  @Query(() => ModerationCaseConnection, {
    complexity: connectionComplexity,
    description:
      "What awaits a decision (OPEN and APPEALED unless `state` is given), oldest first: a facilitator's communities, everything for admins",
  })
  async moderationQueue(
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("communityId", () => ID, { nullable: true }) communityId: string | null,
    @Arg("reason", () => ReportReason, { nullable: true }) reason: Enum<typeof ReportReason> | null,
    @Arg("state", () => CaseState, { nullable: true }) state: Enum<typeof CaseState> | null,
    @Arg("olderThanHours", () => Int, { nullable: true, description: "Cases opened at least this long ago" })
    olderThanHours: number | null,
    @Arg("newestFirst", () => Boolean, { nullable: true }) newestFirst: boolean | null,
    @Ctx() ctx: Context,
  ) {
    const { page, totalCount } = await ctx.services.moderationQueue.queue(
      ctx.viewer,
      { communityId, reason, state, olderThanHours, newestFirst },
      { first, after },
    );
    return toConnection(page, totalCount);
  }

  @Query(() => ModerationCase, {
    nullable: true,
    description: "For its moderators, the target's author (once told) and its reporters; null for anyone else",
  })
  moderationCase(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<ModerationCaseRow | null> | null {
    return isUuid(id) ? seenCaseVia(ctx, id) : null;
  }

  @Query(() => ModerationCaseConnection, {
    complexity: connectionComplexity,
    description: "Cases about the viewer's own content that hid or sanctioned it, newest first",
  })
  async myModerationCases(
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const { page, totalCount } = await ctx.services.moderationQueue.myCases(ctx.viewer, { first, after });
    return toConnection(page, totalCount);
  }

  @FieldResolver(() => Community, { nullable: true, description: "Null for a profile's case (the admins')" })
  community(@Root() c: ModerationCaseRow, @Ctx() { loaders }: Context): Promise<CommunityRow | null> | null {
    return c.communityId ? loaders.communityById.load(c.communityId) : null;
  }

  @FieldResolver(() => [ReasonCount], { description: "How many reports gave each reason; moderators only" })
  @ViewerDependent()
  async reasons(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<ReasonCount[]> {
    if (!(await standingVia(ctx, c)).moderator) return [];
    const counts = new Map<Enum<typeof ReportReason>, number>();
    for (const r of await ctx.loaders.reportsByCase.load(c.id)) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
    return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
  }

  @FieldResolver(() => Float, { description: "The open reports' summed weight; 0 for all but moderators" })
  @ViewerDependent()
  async weight(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<number> {
    return (await standingVia(ctx, c)).moderator ? c.weight : 0;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: "The community's auto-hide threshold (null: never); moderators only",
  })
  @ViewerDependent()
  async threshold(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<number | null> {
    if (!c.communityId || !(await standingVia(ctx, c)).moderator) return null;
    return (await ctx.loaders.communityById.load(c.communityId))?.autoHideThreshold ?? null;
  }

  @FieldResolver(() => CaseStep, { nullable: true, description: "The decision taken, if any" })
  action(@Root() c: ModerationCaseRow): CaseStep | null {
    return c.action;
  }

  @FieldResolver(() => String, { nullable: true, description: "What the author was told; the author and moderators" })
  @ViewerDependent()
  async message(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<string | null> {
    const standing = await standingVia(ctx, c);
    if (!standing.moderator && !standing.author) return null;
    const decisions = (await ctx.loaders.transitionsByCase.load(c.id)).filter((t) => t.message !== null);
    return decisions.at(-1)?.message ?? null;
  }

  @FieldResolver(() => DateTimeISOResolver, {
    nullable: true,
    description: "When a restriction or suspension ends; the author and moderators",
  })
  @ViewerDependent()
  async until(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<Date | null> {
    const standing = await standingVia(ctx, c);
    return standing.moderator || standing.author ? c.until : null;
  }

  @FieldResolver(() => SanctionScope, {
    nullable: true,
    description: "Where a restriction or suspension applies; the author and moderators",
  })
  @ViewerDependent()
  async scope(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<SanctionScope | null> {
    const standing = await standingVia(ctx, c);
    if (!standing.moderator && !standing.author) return null;
    const sanction = (await ctx.loaders.sanctionsByCase.load(c.id)).find((s) => s.kind !== "WARN");
    if (!sanction) return null;
    return sanction.communityId === null ? "PLATFORM" : "COMMUNITY";
  }

  @FieldResolver(() => User, { nullable: true, description: "Moderators only" })
  @ViewerDependent()
  async decidedBy(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<UserRow | null> {
    if (!c.decidedBy || !(await standingVia(ctx, c)).moderator) return null;
    return ctx.loaders.userById.load(c.decidedBy);
  }

  @FieldResolver(() => DateTimeISOResolver, { nullable: true })
  decidedAt(@Root() c: ModerationCaseRow): Date | null {
    return c.decidedAt;
  }
}
