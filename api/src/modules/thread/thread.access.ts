import type { Context } from "../../core/context.js";
import { notFound } from "../../core/errors.js";
import type { Access } from "./thread.policy.js";

/** The viewer's access to a community through the request's loaders (batched, cached per request). */
export async function accessVia(ctx: Context, communityId: string): Promise<Access> {
  const [community, membership] = await Promise.all([
    ctx.loaders.communityById.load(communityId),
    ctx.loaders.viewerMembership.load(communityId),
  ]);
  if (!community) throw notFound("Community");
  return { community, viewer: ctx.viewer, membership };
}
