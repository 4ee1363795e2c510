import type { CommunityRow } from "@pratica/db";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../core/context.js";
import { Community } from "../community/community.type.js";
import { CreateCommunityInput, UpdateCommunityInput } from "./admin.input.js";

/** Communities in the admin area: platform admins only (admin.policy.ts). */
@Resolver()
export class AdminCommunityResolver {
  @Query(() => [Community], { description: "Every community, archived ones included; admins only" })
  adminCommunities(@Ctx() ctx: Context): Promise<CommunityRow[]> {
    return ctx.services.communityAdmin.list(ctx.viewer);
  }

  @Mutation(() => Community, { description: "Admins only; a slug in use is BAD_USER_INPUT on `slug`" })
  createCommunity(
    @Arg("input", () => CreateCommunityInput) input: CreateCommunityInput,
    @Ctx() ctx: Context,
  ): Promise<CommunityRow> {
    return ctx.services.communityAdmin.create(ctx.viewer, input);
  }

  @Mutation(() => Community, {
    description: "Admins only; a stale `expectedUpdatedAt` is a CONFLICT with the current community",
  })
  updateCommunity(
    @Arg("input", () => UpdateCommunityInput) input: UpdateCommunityInput,
    @Ctx() ctx: Context,
  ): Promise<CommunityRow> {
    return ctx.services.communityAdmin.update(ctx.viewer, input);
  }

  @Mutation(() => Community, { description: "Admins only: read-only for everyone, off the home page" })
  archiveCommunity(@Arg("communityId", () => ID) id: string, @Ctx() ctx: Context): Promise<CommunityRow> {
    return ctx.services.communityAdmin.archive(ctx.viewer, id);
  }

  @Mutation(() => Community, { description: "Admins only" })
  unarchiveCommunity(@Arg("communityId", () => ID) id: string, @Ctx() ctx: Context): Promise<CommunityRow> {
    return ctx.services.communityAdmin.unarchive(ctx.viewer, id);
  }
}
