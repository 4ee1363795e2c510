import type { DeliverableRow } from "@pratica/db";
import type { Context } from "../../core/context.js";
import { forbidden, notFound, unauthenticated } from "../../core/errors.js";
import { accessVia } from "../community/community.access.js";
import { canSeeDeliverable, type DeliverableAccess } from "./deliverable.policy.js";
import { PUBLIC_STATUSES } from "./deliverable.workflow.js";

/** The viewer's standing towards a deliverable, through the request's loaders (batched, cached). */
export async function deliverableAccessVia(
  ctx: Context,
  deliverable: Pick<DeliverableRow, "id" | "communityId">,
): Promise<DeliverableAccess> {
  const [access, editors] = await Promise.all([
    accessVia(ctx, deliverable.communityId),
    ctx.loaders.editorsByDeliverable.load(deliverable.id),
  ]);
  return { ...access, editor: ctx.viewer !== null && editors.some((e) => e.userId === ctx.viewer?.id) };
}

/**
 * A deliverable reached from another object (a notification, a section, an amendment): itself
 * when the viewer may see it (`canSeeDeliverable`), else null. Its sections, amendments and
 * comments are read under the same rule, so their edges ask this of their deliverable.
 */
export async function seenDeliverableVia(ctx: Context, deliverableId: string): Promise<DeliverableRow | null> {
  const deliverable = await ctx.loaders.deliverableById.load(deliverableId);
  if (!deliverable) return null;
  return canSeeDeliverable(await deliverableAccessVia(ctx, deliverable), deliverable) ? deliverable : null;
}

/** The same, for an edge that cannot be null: the refusal `deliverable(id)` gives. */
export async function assertSeenDeliverableVia(ctx: Context, deliverableId: string): Promise<DeliverableRow> {
  const deliverable = await ctx.loaders.deliverableById.load(deliverableId);
  if (!deliverable) throw notFound("Deliverable");
  if (!canSeeDeliverable(await deliverableAccessVia(ctx, deliverable), deliverable)) {
    if (!PUBLIC_STATUSES.includes(deliverable.status)) throw notFound("Deliverable");
    throw ctx.viewer ? forbidden("Only members of this community can see its documents.") : unauthenticated();
  }
  return deliverable;
}
