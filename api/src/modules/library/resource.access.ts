import type { ResourceRow } from "@pratica/db";
import type { Context } from "../../core/context.js";
import { forbidden, notFound, unauthenticated } from "../../core/errors.js";
import { accessVia } from "../community/community.access.js";
import { canSeeResource } from "./resource.policy.js";
import { VISIBLE } from "./resource.workflow.js";

/** Whether the viewer may see a resource (`canSeeResource`), through the request's loaders (batched, cached). */
export async function seesResourceVia(ctx: Context, resource: ResourceRow): Promise<boolean> {
  return canSeeResource(await accessVia(ctx, resource.communityId), resource);
}

/** A resource reached from another object (a notification, a path step): itself if the viewer may see it, else null. */
export async function seenResourceVia(ctx: Context, resourceId: string): Promise<ResourceRow | null> {
  const resource = await ctx.loaders.resourceById.load(resourceId);
  return resource && (await seesResourceVia(ctx, resource)) ? resource : null;
}

/** The same, for an edge that cannot be null: the refusal `resource(id)` gives. */
export async function assertSeenResourceVia(ctx: Context, resourceId: string): Promise<ResourceRow> {
  const resource = await ctx.loaders.resourceById.load(resourceId);
  if (!resource) throw notFound("Resource");
  if (!(await seesResourceVia(ctx, resource))) {
    if (!VISIBLE.includes(resource.status)) throw notFound("Resource");
    throw ctx.viewer ? forbidden("Only members of this community can see its library.") : unauthenticated();
  }
  return resource;
}
