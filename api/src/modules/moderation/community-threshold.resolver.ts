import type { CommunityRow } from "@pratica/db";
import { Ctx, FieldResolver, Float, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { accessTo } from "../community/community.access.js";
import { Community } from "../community/community.type.js";
import { canSetAutoHideThreshold } from "./moderation.policy.js";

/**
 * The auto-hide threshold as its setting form reads it: for those who may change it (the same
 * rule as setAutoHideThreshold), null for everyone else, so that nobody learns how many reports
 * would hide what they write.
 */
@Resolver(() => Community)
export class CommunityThresholdResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description: "Reports' weight that hides content until reviewed (null: never); facilitators and admins only",
  })
  @ViewerDependent()
  async autoHideThreshold(@Root() community: CommunityRow, @Ctx() ctx: Context): Promise<number | null> {
    const { viewer, membership } = await accessTo(ctx, community);
    return canSetAutoHideThreshold(viewer, membership) ? community.autoHideThreshold : null;
  }
}
