import type { OrganizationMemberRow, OrganizationRow, UserRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { User } from "../identity/user.type.js";
import { Organization, OrganizationMembership } from "./organization.type.js";

@Resolver(() => Organization)
export class OrganizationResolver {
  // The list of organisations is the partner directory's `organizations` connection (modules/partners).
  @Query(() => Organization, { nullable: true, description: "By slug; former partners too" })
  organization(@Arg("slug", () => String) slug: string, @Ctx() { services }: Context): Promise<OrganizationRow | null> {
    return services.organization.bySlug(slug);
  }
}

@Resolver(() => OrganizationMembership)
export class OrganizationMembershipResolver {
  @FieldResolver(() => Organization)
  organization(@Root() m: OrganizationMemberRow, @Ctx() { loaders }: Context): Promise<OrganizationRow | null> {
    return loaders.organizationById.load(m.organizationId);
  }

  @FieldResolver(() => User)
  user(@Root() m: OrganizationMemberRow, @Ctx() { loaders }: Context): Promise<UserRow | null> {
    return loaders.userById.load(m.userId);
  }
}

/** The User type's field that leads to organisations: here, so that identity knows no organisation. */
@Resolver(() => User)
export class UserOrganizationsResolver {
  @FieldResolver(() => [OrganizationMembership], { description: "Partner organisations this person belongs to" })
  organizations(@Root() user: UserRow, @Ctx() { loaders }: Context): Promise<OrganizationMemberRow[]> {
    return loaders.organizationMembershipsByUser.load(user.id);
  }
}
