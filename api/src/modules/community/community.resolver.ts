import type { CommunityMembershipRow, CommunityRow, UserRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { connectionComplexity, toConnection } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { OpenToUnconfirmed } from "../../core/open-to-unconfirmed.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { User } from "../identity/user.type.js";
import { accessTo } from "./community.access.js";
import { canModerate, canRead, canSeeCommunity } from "./community.policy.js";
import type { MembershipStatus } from "./community.service.js";
import { Community, CommunityMemberConnection, CommunityMembership } from "./community.type.js";

@Resolver(() => Community)
export class CommunityResolver {
  @Query(() => [Community])
  communities(@Ctx() { services }: Context): Promise<CommunityRow[]> {
    return services.community.list();
  }

  @Query(() => Community, { nullable: true })
  @ViewerDependent()
  async community(@Arg("slug", () => String) slug: string, @Ctx() ctx: Context): Promise<CommunityRow | null> {
    const row = await ctx.services.community.bySlug(slug);
    if (!row || row.kind === "PRACTICE") return row;
    const access = await accessTo(ctx, row);
    return canSeeCommunity(row, ctx.viewer, access.membership) ? row : null;
  }

  @FieldResolver(() => Int, { description: "Active members" })
  async memberCount(@Root() community: CommunityRow, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.activeMemberCount.load(community.id))?.count ?? 0;
  }

  @FieldResolver(() => CommunityMembership, { nullable: true, description: "The viewer's membership, if any" })
  @ViewerDependent()
  viewerMembership(
    @Root() community: CommunityRow,
    @Ctx() { loaders }: Context,
  ): Promise<CommunityMembershipRow | null> {
    return loaders.viewerMembership.load(community.id);
  }

  @FieldResolver(() => Boolean, { description: "May read its discussions, library and documents (and search them)" })
  @ViewerDependent()
  @OpenToUnconfirmed()
  async viewerCanRead(@Root() community: CommunityRow, @Ctx() ctx: Context): Promise<boolean> {
    const { viewer, membership } = await accessTo(ctx, community);
    return canRead(community, viewer, membership);
  }

  @FieldResolver(() => Boolean, { description: "Approves members and moderates: its facilitators and admins" })
  @ViewerDependent()
  async viewerCanModerate(@Root() community: CommunityRow, @Ctx() ctx: Context): Promise<boolean> {
    const { viewer, membership } = await accessTo(ctx, community);
    return canModerate(viewer, membership);
  }

  @FieldResolver(() => [User], {
    description: "Active members whose handle or name starts with `prefix` (for @mentions); members only",
  })
  @ViewerDependent()
  mentionSuggestions(
    @Root() community: CommunityRow,
    @Arg("prefix", () => String) prefix: string,
    @Arg("first", () => Int, { nullable: true, defaultValue: 8 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<UserRow[]> {
    return ctx.services.community.mentionSuggestions(ctx.viewer, community, prefix, first);
  }

  @FieldResolver(() => CommunityMemberConnection, {
    complexity: connectionComplexity,
    description: "Active members, oldest first",
  })
  @ViewerDependent()
  members(
    @Root() community: CommunityRow,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return memberConnection(ctx, community, "ACTIVE", first, after);
  }

  @FieldResolver(() => CommunityMemberConnection, {
    complexity: connectionComplexity,
    description: "Requests waiting for a decision; facilitators and admins only",
  })
  @ViewerDependent()
  pendingMembers(
    @Root() community: CommunityRow,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return memberConnection(ctx, community, "PENDING", first, after);
  }
}

/** The viewer's standing in a community it already holds, through the request's (batched, cached) membership loader. */
async function memberConnection(
  ctx: Context,
  community: CommunityRow,
  status: MembershipStatus,
  first: number,
  after: string | null,
) {
  const { page, totalCount } = await ctx.services.community.members(ctx.viewer, community, status, { first, after });
  return toConnection(page, totalCount);
}
