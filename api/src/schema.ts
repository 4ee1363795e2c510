import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { CommunityResolver } from "./modules/community/community.resolver.js";
import { MembershipResolver } from "./modules/community/membership.resolver.js";
import { IdentityResolver } from "./modules/identity/identity.resolver.js";
import { UserResolver } from "./modules/identity/user.resolver.js";
import { OrganizationMembershipResolver, OrganizationResolver } from "./modules/organization/organization.resolver.js";

/** The whole public schema; every resolver is listed here, nothing is discovered by glob. */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      IdentityResolver,
      UserResolver,
      OrganizationResolver,
      OrganizationMembershipResolver,
      CommunityResolver,
      MembershipResolver,
    ],
    // Input rules live in the services (zod), so one rule has one home.
    validate: false,
  });
}
