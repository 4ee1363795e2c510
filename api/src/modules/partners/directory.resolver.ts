import type { OrganizationRow } from "@pratica/db";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { connectionComplexity } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { Organization, OrganizationCategory } from "../organization/organization.type.js";
import { InviteOrganizationMemberInput, WithdrawOrganizationInput } from "./partners.input.js";
import { MapSettings, OrganizationConnection, OrganizationSort, PartnerStatus, Sdg, Theme } from "./partners.type.js";
import { allSdgs, allThemes } from "./vocabulary.js";

@Resolver()
export class DirectoryResolver {
  @Query(() => OrganizationConnection, {
    description:
      "The partner directory: filtered, sorted, in keyset pages; a malformed filter is BAD_USER_INPUT naming it",
    complexity: connectionComplexity,
  })
  async organizations(
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("category", () => OrganizationCategory, { nullable: true }) category: OrganizationCategory | null,
    @Arg("theme", () => String, { nullable: true }) theme: string | null,
    @Arg("sdg", () => Int, { nullable: true }) sdg: number | null,
    @Arg("communityId", () => ID, { nullable: true }) communityId: string | null,
    @Arg("signedYear", () => Int, { nullable: true }) signedYear: number | null,
    @Arg("status", () => PartnerStatus, { nullable: true, defaultValue: "CURRENT" }) status: PartnerStatus | null,
    @Arg("sort", () => OrganizationSort, { nullable: true, defaultValue: "NAME" }) sort: OrganizationSort | null,
    @Arg("query", () => String, { nullable: true }) query: string | null,
    @Ctx() ctx: Context,
  ) {
    const directory = ctx.services.directory;
    const filters = await directory.filters(ctx.viewer, {
      category,
      theme,
      sdg,
      communityId,
      signedYear,
      status,
      query,
    });
    const page = await directory.page(filters, sort ?? "NAME", { first, after }, ctx.caller.locale);
    return {
      edges: page.nodes.map((node, i) => ({ node, cursor: page.cursors[i] as string })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
      totalCount: page.totalCount,
    };
  }

  @Query(() => [Theme], { description: "The ecosystem's themes, in the vocabulary's order" })
  themes(@Ctx() ctx: Context): Theme[] {
    return allThemes(ctx.caller.locale);
  }

  @Query(() => [Sdg], { description: "The 17 goals of the 2030 Agenda" })
  sdgs(@Ctx() ctx: Context): Sdg[] {
    return allSdgs(ctx.caller.locale);
  }

  @Query(() => MapSettings, {
    description: "Where the map's tiles come from (configuration; never a default public server)",
  })
  mapSettings(@Ctx() ctx: Context): MapSettings {
    return ctx.services.directory.mapSettings;
  }

  @Mutation(() => Organization, {
    description:
      "A representative or an admin: the organisation becomes a former partner (kept, with its history); a stale `expectedUpdatedAt` or a former partner is a CONFLICT",
  })
  withdrawOrganization(
    @Arg("input", () => WithdrawOrganizationInput) input: WithdrawOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<OrganizationRow> {
    return ctx.services.withdrawal.withdraw(ctx.viewer, input);
  }

  @Mutation(() => Boolean, {
    description: "A representative (or an admin) emails a colleague an invitation to join the organisation as a member",
  })
  async inviteOrganizationMember(
    @Arg("input", () => InviteOrganizationMemberInput) input: InviteOrganizationMemberInput,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await ctx.services.colleagues.invite(ctx.viewer, input);
    return true;
  }
}
