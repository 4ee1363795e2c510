import type { Context } from "../../core/context.js";
import type { Role } from "./suppliers.policy.js";

/** The viewer's role in the organisation, from the request's batched memberships (one query per request). */
export async function viewerRole(ctx: Context, organizationId: string): Promise<Role> {
  if (!ctx.viewer) return null;
  const memberships = await ctx.loaders.organizationMembershipsByUser.load(ctx.viewer.id);
  return memberships.find((m) => m.organizationId === organizationId)?.role ?? null;
}
