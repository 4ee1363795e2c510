import type { CommunityMembershipRow, CommunityRow } from "@pratica/db";
import type { Context } from "../../core/context.js";
import { notFound } from "../../core/errors.js";
import type { Viewer } from "../../core/viewer.js";

// The sanction columns are part of it: every loader of memberships must carry them (community.policy.ts).
type Membership =
  | Pick<CommunityMembershipRow, "role" | "status" | "suspendedUntil" | "restrictedUntil">
  | null
  | undefined;

/** Who is asking, about which community, as what member: what every module's policy decides on. */
export type Access = {
  /** `kind` where the caller read it: a CONSORTIUM space is then not found, rather than private, to outsiders. */
  community: Pick<CommunityRow, "id" | "visibility" | "archivedAt"> & Partial<Pick<CommunityRow, "kind">>;
  viewer: Viewer | null;
  membership: Membership;
};

/** The viewer's access to a community through the request's loaders (batched, cached per request). */
export async function accessVia(ctx: Context, communityId: string): Promise<Access> {
  const [community, membership] = await Promise.all([
    ctx.loaders.communityById.load(communityId),
    ctx.loaders.viewerMembership.load(communityId),
  ]);
  if (!community) throw notFound("Community");
  return { community, viewer: ctx.viewer, membership };
}

/** The viewer's access to a community row already loaded (a field of `Community`). */
export async function accessTo(ctx: Context, community: CommunityRow): Promise<Access> {
  return { community, viewer: ctx.viewer, membership: await ctx.loaders.viewerMembership.load(community.id) };
}
