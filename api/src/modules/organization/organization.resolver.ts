import type { OrganizationMemberRow, OrganizationRow, UserRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { User } from "../identity/user.type.js";
import { Organization, OrganizationCategory, OrganizationMembership } from "./organization.type.js";

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => [Organization], { description: "Partner organisations, by category then name" })
  organizations(
    @Arg("category", () => OrganizationCategory, { nullable: true }) category: OrganizationCategory | null,
    @Ctx() { services }: Context,
  ): Promise<OrganizationRow[]> {
    return services.organization.list(category);
  }

  @Query(() => Organization, { nullable: true })
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
