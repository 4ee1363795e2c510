import type { Context } from "../../core/context.js";
import type { Standing } from "./partner-search.policy.js";

/** The viewer's organisation memberships through the request's loader (none when anonymous). */
export async function viewerStanding(ctx: Context): Promise<Standing> {
  return ctx.viewer ? ctx.loaders.organizationMembershipsByUser.load(ctx.viewer.id) : [];
}
