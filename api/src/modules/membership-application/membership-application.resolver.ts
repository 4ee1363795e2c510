import type { MembershipApplicationRow } from "@pratica/db";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { connectionComplexity, toConnection } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { notFound, unauthenticated } from "../../core/errors.js";
import {
  DecideApplicationInput,
  MembershipApplicationInput,
  UpdateApplicationInput,
  WithdrawApplicationInput,
} from "./membership-application.input.js";
import {
  ApplicationStatus,
  MembershipApplication,
  MembershipApplicationConnection,
} from "./membership-application.type.js";

@Resolver(() => MembershipApplication)
export class MembershipApplicationResolver {
  @Query(() => MembershipApplicationConnection, {
    complexity: connectionComplexity,
    description: "Platform admins: applications to join the memorandum, oldest first",
  })
  async membershipApplications(
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("status", () => ApplicationStatus, { nullable: true }) status: ApplicationStatus | null,
    @Ctx() ctx: Context,
  ) {
    const { page, totalCount } = await ctx.services.applicationReads.list(ctx.viewer, { first, after, status });
    return toConnection(page, totalCount);
  }

  @Query(() => MembershipApplication, {
    nullable: true,
    description: "Its applicant and the platform admins; NOT_FOUND for anyone else",
  })
  async membershipApplication(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<MembershipApplicationRow | null> {
    if (!ctx.viewer) throw unauthenticated();
    const row = await ctx.services.applicationReads.byId(ctx.viewer, id);
    if (!row) throw notFound("Application");
    return row;
  }

  @Query(() => [MembershipApplication], { description: "The viewer's own applications, newest first" })
  myMembershipApplications(@Ctx() ctx: Context): Promise<MembershipApplicationRow[]> {
    return ctx.services.applicationReads.mine(ctx.viewer);
  }

  @Mutation(() => MembershipApplication, {
    description: "Applies for an organisation to join the memorandum (a confirmed account; a few a day)",
  })
  applyForMembership(
    @Arg("input", () => MembershipApplicationInput) input: MembershipApplicationInput,
    @Ctx() ctx: Context,
  ): Promise<MembershipApplicationRow> {
    return ctx.services.applications.apply(ctx.viewer, input);
  }

  @Mutation(() => MembershipApplication, {
    description: "The applicant edits an open application; answering a question (`message`) sends it back for review",
  })
  updateApplication(
    @Arg("input", () => UpdateApplicationInput) input: UpdateApplicationInput,
    @Ctx() ctx: Context,
  ): Promise<MembershipApplicationRow> {
    return ctx.services.applications.update(ctx.viewer, input);
  }

  @Mutation(() => MembershipApplication, { description: "The applicant withdraws an open application" })
  withdrawApplication(
    @Arg("input", () => WithdrawApplicationInput) input: WithdrawApplicationInput,
    @Ctx() ctx: Context,
  ): Promise<MembershipApplicationRow> {
    return ctx.services.applications.withdraw(ctx.viewer, input);
  }

  @Mutation(() => MembershipApplication, {
    description:
      "Platform admins: accept (with the signing date), ask for more, or decline with a reason; never their own application (FORBIDDEN with reason OWN_APPLICATION)",
  })
  decideApplication(
    @Arg("input", () => DecideApplicationInput) input: DecideApplicationInput,
    @Ctx() ctx: Context,
  ): Promise<MembershipApplicationRow> {
    return ctx.services.applicationDecisions.decide(ctx.viewer, input);
  }
}
