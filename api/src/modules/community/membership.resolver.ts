import type { CommunityMembershipRow, CommunityRow, UserRow } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { canSeePrivateProfile } from "../identity/user.policy.js";
import { User } from "../identity/user.type.js";
import { canChangeRole, canDecideMembership, canRemoveMember, canSeeSanction } from "./community.policy.js";
import { Community, CommunityMembership, MembershipRole } from "./community.type.js";

@Resolver(() => CommunityMembership)
export class MembershipResolver {
  @FieldResolver(() => User)
  user(@Root() m: CommunityMembershipRow, @Ctx() { loaders }: Context): Promise<UserRow | null> {
    return loaders.userById.load(m.userId);
  }

  @FieldResolver(() => Community)
  community(@Root() m: CommunityMembershipRow, @Ctx() { loaders }: Context): Promise<CommunityRow | null> {
    return loaders.communityById.load(m.communityId);
  }

  @FieldResolver(() => DateTimeISOResolver, {
    nullable: true,
    description:
      "Suspended here until then (neither reads a members-only community nor writes): the member and the moderators",
  })
  @ViewerDependent()
  async suspendedUntil(@Root() m: CommunityMembershipRow, @Ctx() ctx: Context): Promise<Date | null> {
    return canSeeSanction(ctx.viewer, await ctx.loaders.viewerMembership.load(m.communityId), m)
      ? m.suspendedUntil
      : null;
  }

  @FieldResolver(() => DateTimeISOResolver, {
    nullable: true,
    description: "Restricted here until then (reads, does not write): the member and the moderators",
  })
  @ViewerDependent()
  async restrictedUntil(@Root() m: CommunityMembershipRow, @Ctx() ctx: Context): Promise<Date | null> {
    return canSeeSanction(ctx.viewer, await ctx.loaders.viewerMembership.load(m.communityId), m)
      ? m.restrictedUntil
      : null;
  }

  @FieldResolver(() => Boolean, { description: "May approve or reject this request (pending only)" })
  @ViewerDependent()
  async viewerCanApprove(@Root() m: CommunityMembershipRow, @Ctx() ctx: Context): Promise<boolean> {
    return canDecideMembership(ctx.viewer, await ctx.loaders.viewerMembership.load(m.communityId), m);
  }

  @FieldResolver(() => Boolean, {
    description: "May remove this member (removing the community's last facilitator is still a CONFLICT)",
  })
  @ViewerDependent()
  async viewerCanRemove(@Root() m: CommunityMembershipRow, @Ctx() ctx: Context): Promise<boolean> {
    return canRemoveMember(ctx.viewer, await ctx.loaders.viewerMembership.load(m.communityId), m);
  }

  @FieldResolver(() => Boolean, {
    description: "May appoint or step down this member (stepping down the last facilitator is still a CONFLICT)",
  })
  @ViewerDependent()
  viewerCanChangeRole(@Root() m: CommunityMembershipRow, @Ctx() ctx: Context): boolean {
    return canChangeRole(ctx.viewer, m);
  }

  @Mutation(() => CommunityMembership, { description: "OPEN communities: ACTIVE at once; APPROVAL: PENDING" })
  joinCommunity(
    @Arg("communityId", () => ID) communityId: string,
    @Ctx() ctx: Context,
  ): Promise<CommunityMembershipRow> {
    return ctx.services.community.join(ctx.viewer, communityId);
  }

  @Mutation(() => Boolean)
  async leaveCommunity(@Arg("communityId", () => ID) communityId: string, @Ctx() ctx: Context): Promise<boolean> {
    await ctx.services.community.leave(ctx.viewer, communityId);
    return true;
  }

  @Mutation(() => CommunityMembership, { description: "Facilitators and admins" })
  approveMembership(@Arg("membershipId", () => ID) id: string, @Ctx() ctx: Context): Promise<CommunityMembershipRow> {
    return ctx.services.community.approve(ctx.viewer, id);
  }

  @Mutation(() => Boolean, { description: "Facilitators and admins" })
  async rejectMembership(@Arg("membershipId", () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    await ctx.services.community.reject(ctx.viewer, id);
    return true;
  }

  @Mutation(() => Boolean, { description: "Facilitators remove members; admins also facilitators" })
  async removeMember(@Arg("membershipId", () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    await ctx.services.community.remove(ctx.viewer, id);
    return true;
  }

  @Mutation(() => CommunityMembership, { description: "Admins only" })
  setMembershipRole(
    @Arg("membershipId", () => ID) id: string,
    @Arg("role", () => MembershipRole) role: MembershipRole,
    @Ctx() ctx: Context,
  ): Promise<CommunityMembershipRow> {
    return ctx.services.community.setRole(ctx.viewer, id, role);
  }
}

/** The User type's field that leads to communities: here, so that identity knows no community. */
@Resolver(() => User)
export class UserCommunitiesResolver {
  @FieldResolver(() => [CommunityMembership], {
    description: "Community memberships; listed to the user themself and admins",
  })
  @ViewerDependent()
  async communities(@Root() user: UserRow, @Ctx() ctx: Context): Promise<CommunityMembershipRow[]> {
    return canSeePrivateProfile(ctx.viewer, user) ? ctx.loaders.membershipsByUser.load(user.id) : [];
  }
}
