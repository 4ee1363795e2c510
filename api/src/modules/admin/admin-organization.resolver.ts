import type { OrganizationMemberRow, OrganizationRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { Organization, OrganizationMembership } from "../organization/organization.type.js";
import { CreateOrganizationInput, UpdateOrganizationInput } from "./admin.input.js";

/** Partner organisations in the admin area: platform admins only (admin.policy.ts). */
@Resolver(() => Organization)
export class AdminOrganizationResolver {
  // `representatives` (names, for members) is the directory's field (modules/partners); this is the admins' list with roles.
  @FieldResolver(() => [OrganizationMembership], { description: "Its representatives, oldest first; admins only" })
  @ViewerDependent()
  representativeMemberships(
    @Root() organization: OrganizationRow,
    @Ctx() ctx: Context,
  ): Promise<OrganizationMemberRow[]> {
    return ctx.services.organizationAdmin.representatives(ctx.viewer, organization.id);
  }

  @Mutation(() => Organization, { description: "Admins only; a slug in use is BAD_USER_INPUT on `slug`" })
  createOrganization(
    @Arg("input", () => CreateOrganizationInput) input: CreateOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<OrganizationRow> {
    return ctx.services.organizationAdmin.create(ctx.viewer, input);
  }

  @Mutation(() => Organization, {
    description: "Admins only; a stale `expectedUpdatedAt` is a CONFLICT with the current organisation",
  })
  updateOrganization(
    @Arg("input", () => UpdateOrganizationInput) input: UpdateOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<OrganizationRow> {
    return ctx.services.organizationAdmin.update(ctx.viewer, input);
  }

  @Mutation(() => Boolean, { description: "Admins only: unlinks a representative (the account stays)" })
  async removeRepresentative(
    @Arg("organizationId", () => ID) organizationId: string,
    @Arg("userId", () => ID) userId: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await ctx.services.organizationAdmin.removeRepresentative(ctx.viewer, organizationId, userId);
    return true;
  }
}
