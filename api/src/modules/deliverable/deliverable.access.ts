import type { DeliverableRow } from "@pratica/db";
import type { Context } from "../../core/context.js";
import { accessVia } from "../thread/thread.access.js";
import type { DeliverableAccess } from "./deliverable.policy.js";

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
