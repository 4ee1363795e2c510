import type { FundingCallImportRow, FundingCallRow, OrganizationRow, UserRow } from "@pratica/db";
import { CALL_CLOSING_REMINDER_DAYS } from "@pratica/rules";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { User } from "../identity/user.type.js";
import { Organization } from "../organization/organization.type.js";
import { Theme, themeOf } from "../organization/theme.type.js";
import { FundingCall, FundingCallImport, FundingCallRevision, ImportProblem } from "./funding-calls.type.js";
import type { ImportProblem as StoredProblem } from "./import/problems.js";

const DAY = 86_400_000;

/** The fields of a call that are not its columns as stored. */
@Resolver(() => FundingCall)
export class FundingCallFieldsResolver {
  @FieldResolver(() => [Theme], { description: "Mapped from the source's keywords to the ecosystem's themes" })
  themes(@Root() c: FundingCallRow, @Ctx() ctx: Context): Theme[] {
    return c.themes.flatMap((k) => themeOf(k, ctx.caller.locale) ?? []);
  }

  @FieldResolver(() => Boolean, { description: "Set when an import found it closed or past its deadline" })
  archived(@Root() c: FundingCallRow): boolean {
    return c.archivedAt !== null;
  }

  @FieldResolver(() => [FundingCallRevision], { description: "The changes imports made, newest first" })
  revisions(@Root() c: FundingCallRow, @Ctx() ctx: Context) {
    return ctx.loaders.fundingCallRevisionsByCall.load(c.id);
  }

  @FieldResolver(() => Int)
  async followerCount(@Root() c: FundingCallRow, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.fundingCallFollowerCount.load(c.id))?.n ?? 0;
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerFollows(@Root() c: FundingCallRow, @Ctx() ctx: Context): Promise<boolean> {
    return (await ctx.loaders.viewerFollowsCall.load(c.id)) !== null;
  }

  @FieldResolver(() => Boolean, {
    description: `Still open, with its deadline within ${CALL_CLOSING_REMINDER_DAYS} days`,
  })
  closingSoon(@Root() c: FundingCallRow, @Ctx() ctx: Context): boolean {
    if (!c.deadlineAt || c.archivedAt || c.status === "CLOSED") return false;
    const left = c.deadlineAt.getTime() - ctx.services.fundingCallsClock().getTime();
    return left > 0 && left <= CALL_CLOSING_REMINDER_DAYS * DAY;
  }
}

@Resolver(() => FundingCallImport)
export class FundingCallImportFieldsResolver {
  @FieldResolver(() => User, { nullable: true, description: "The admin who uploaded it; null from the command line" })
  actor(@Root() i: FundingCallImportRow, @Ctx() ctx: Context): Promise<UserRow | null> | null {
    return i.actorId ? ctx.loaders.userById.load(i.actorId) : null;
  }

  @FieldResolver(() => [ImportProblem])
  problems(@Root() i: FundingCallImportRow): ImportProblem[] {
    return (i.report as StoredProblem[]).map((p) => ({ ...p, fatal: p.severity === "FATAL" }));
  }
}

/** An organisation's suggested calls (docs/hub.md, "Matching"): public data, as the query. */
@Resolver(() => Organization)
export class OrganizationMatchingCallsResolver {
  @FieldResolver(() => [FundingCall], { description: "Open or forthcoming calls that fit it, soonest deadline first" })
  async matchingFundingCalls(
    @Root() org: OrganizationRow,
    @Arg("first", () => Int, { nullable: true, defaultValue: 5 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<FundingCallRow[]> {
    return (await ctx.services.fundingCallReads.matching(org, { first })).page.nodes;
  }
}
