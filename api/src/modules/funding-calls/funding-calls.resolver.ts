import type { FundingCallImportRow, FundingCallRow } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { connectionComplexity, toConnection } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { notFound } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { requireImporter } from "./funding-calls.policy.js";
import {
  FundingCall,
  FundingCallConnection,
  FundingCallImportConnection,
  FundingCallSort,
  FundingCallStatus,
} from "./funding-calls.type.js";

@Resolver(() => FundingCall)
export class FundingCallsResolver {
  @Query(() => FundingCall, { nullable: true, description: "A funding call (public, archived ones too)" })
  async fundingCall(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<FundingCallRow> {
    const call = isUuid(id) ? await ctx.loaders.fundingCallById.load(id) : null;
    if (!call) throw notFound("Funding call");
    return call;
  }

  @Query(() => FundingCallConnection, {
    complexity: connectionComplexity,
    description:
      "Funding calls (public): not archived unless asked, soonest deadline first (none last) or latest change first",
  })
  async fundingCalls(
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("programme", () => String, { nullable: true }) programme: string | null,
    @Arg("status", () => FundingCallStatus, { nullable: true }) status: FundingCallStatus | null,
    @Arg("deadlineFrom", () => DateTimeISOResolver, { nullable: true }) deadlineFrom: Date | null,
    @Arg("deadlineTo", () => DateTimeISOResolver, { nullable: true }) deadlineTo: Date | null,
    @Arg("theme", () => String, { nullable: true }) theme: string | null,
    @Arg("query", () => String, { nullable: true }) query: string | null,
    @Arg("includeArchived", () => Boolean, { nullable: true, defaultValue: false }) includeArchived: boolean,
    @Arg("followed", () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: "Only those the viewer follows",
    })
    followed: boolean,
    @Arg("sort", () => FundingCallSort, { nullable: true, defaultValue: "DEADLINE" }) sort: FundingCallSort,
    @Ctx() ctx: Context,
  ) {
    const { page, totalCount } = await ctx.services.fundingCallReads.list(ctx.viewer, {
      first,
      after,
      programme,
      status,
      deadlineFrom,
      deadlineTo,
      theme,
      query,
      includeArchived,
      followed,
      sort,
    });
    return toConnection(page, totalCount);
  }

  @Query(() => [String], { description: "The programme keys of the calls present (@pratica/rules PROGRAMMES order)" })
  fundingProgrammes(@Ctx() ctx: Context): Promise<string[]> {
    return ctx.services.fundingCallReads.programmes();
  }

  @Query(() => FundingCallConnection, {
    complexity: connectionComplexity,
    description: "Open or forthcoming calls sharing a theme with the organisation or fitting its category (public)",
  })
  async matchingFundingCalls(
    @Arg("organizationId", () => ID) organizationId: string,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const org = isUuid(organizationId) ? await ctx.loaders.organizationById.load(organizationId) : null;
    if (!org) throw notFound("Organisation");
    const { page, totalCount } = await ctx.services.fundingCallReads.matching(org, { first, after });
    return toConnection(page, totalCount);
  }

  @Query(() => FundingCallImportConnection, {
    complexity: connectionComplexity,
    description: "The imports, latest first (platform admins)",
  })
  async fundingCallImports(
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    requireImporter(ctx.viewer);
    const { page, totalCount } = await ctx.services.fundingCallReads.imports({ first, after });
    return toConnection<FundingCallImportRow>(page, totalCount);
  }

  @Mutation(() => FundingCall, { description: "Follow a call to be reminded before its deadline (idempotent)" })
  followFundingCall(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<FundingCallRow> {
    return ctx.services.fundingCallFollows.follow(ctx.viewer, id);
  }

  @Mutation(() => FundingCall, { description: "Stop following a call (idempotent)" })
  unfollowFundingCall(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<FundingCallRow> {
    return ctx.services.fundingCallFollows.unfollow(ctx.viewer, id);
  }
}
