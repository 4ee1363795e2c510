import type { Context } from "../../core/context.js";
import { forbidden, unauthenticated } from "../../core/errors.js";
import { replayThenLive } from "../../core/replay-then-live.js";
import { canRead } from "../community/community.policy.js";

/**
 * `communityEvents(communityId)`: live only (lists are re-read on reconnect), through the same
 * replay-then-live with nothing to replay; access kept current.
 */
export async function communityEventStream(ctx: Context, communityId: string) {
  const { community: service, bus } = ctx.services;
  const { community, membership } = await service.access(ctx.viewer, communityId);
  if (!canRead(community, ctx.viewer, membership)) throw ctx.viewer ? forbidden() : unauthenticated();
  const viewerId = ctx.viewer?.id ?? null;
  return replayThenLive({
    bus,
    topic: "community",
    id: community.id,
    after: null,
    idOf: () => null,
    viewerId,
    concerns: (m) => m.type === "MEMBERSHIP_CHANGED" && m.communityId === community.id,
    stillAllowed: async () =>
      canRead(community, ctx.viewer, viewerId ? await service.membershipOf(community.id, viewerId) : null),
  });
}
