import type { CommunityMembershipRow, OrganizationMemberRow, UserRow } from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { CommunityMembership } from "../community/community.type.js";
import { OrganizationMembership } from "../organization/organization.type.js";
import { canSeePrivateProfile } from "./user.policy.js";
import { User } from "./user.type.js";

const isSelfOrAdmin = (ctx: Context, user: UserRow) => canSeePrivateProfile(ctx.viewer, user);

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => String, { nullable: true })
  @ViewerDependent()
  email(@Root() user: UserRow, @Ctx() ctx: Context): string | null {
    return isSelfOrAdmin(ctx, user) ? user.email : null;
  }

  @FieldResolver(() => [OrganizationMembership], { description: "Partner organisations this person belongs to" })
  organizations(@Root() user: UserRow, @Ctx() { loaders }: Context): Promise<OrganizationMemberRow[]> {
    return loaders.organizationMembershipsByUser.load(user.id);
  }

  @FieldResolver(() => [CommunityMembership], {
    description: "Community memberships; listed to the user themself and admins",
  })
  @ViewerDependent()
  async communities(@Root() user: UserRow, @Ctx() ctx: Context): Promise<CommunityMembershipRow[]> {
    return isSelfOrAdmin(ctx, user) ? ctx.loaders.membershipsByUser.load(user.id) : [];
  }
}
