import type { Context } from "../../core/context.js";
import { type Revoked, replayThenLive } from "../../core/replay-then-live.js";
import type { DecisionMessage } from "./decision.topics.js";

export type DecisionEventPayload = DecisionMessage | Revoked;

/**
 * `decisionEvents(decisionId)`: live only (votes and steps are not stored as events: a subscriber
 * reads the decision afresh). Access is asked again when the viewer's membership in the
 * community changes; what each subscriber sees of the results is decided per subscriber in the
 * resolver (its fields are viewer-dependent, so no result is shared between viewers).
 */
export async function decisionEventStream(ctx: Context, decisionId: string) {
  const { decision } = await ctx.services.decision.visible(ctx.viewer, decisionId);
  return replayThenLive({
    bus: ctx.services.bus,
    topic: "decision",
    id: decision.id,
    after: null,
    idOf: () => null,
    viewerId: ctx.viewer?.id ?? null,
    concerns: (m) => m.type === "MEMBERSHIP_CHANGED" && m.communityId === decision.communityId,
    stillAllowed: async () => {
      try {
        await ctx.services.decision.visible(ctx.viewer, decision.id);
        return true;
      } catch {
        return false;
      }
    },
  });
}
