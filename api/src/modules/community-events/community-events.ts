import type { Context } from "../../core/context.js";
import { forbidden, unauthenticated } from "../../core/errors.js";
import { accessWatch, liveStream, mergeWithWatch, type Revoked, revoked } from "../../core/live.js";
import { canRead } from "../community/community.policy.js";
import type { CommunityMessage } from "../community/community.topics.js";

/** `communityEvents(communityId)`: live only (lists are re-read on reconnect), access kept current. */
export async function communityEventStream(ctx: Context, communityId: string) {
  const { community: service, bus } = ctx.services;
  const { community, membership } = await service.access(ctx.viewer, communityId);
  if (!canRead(community, ctx.viewer, membership)) throw ctx.viewer ? forbidden() : unauthenticated();
  const watch = accessWatch(ctx, community.id);
  const merged = mergeWithWatch<CommunityMessage>(bus.subscribe("community", community.id), watch.changes);
  const stillAllowed = async () =>
    canRead(community, ctx.viewer, ctx.viewer ? await service.membershipOf(community.id, ctx.viewer.id) : null);

  return liveStream<CommunityMessage | Revoked>([merged], async (emit) => {
    for await (const message of merged) {
      if (message.from === "watch") {
        if (watch.concerns(message.value) && !(await stillAllowed())) return emit(revoked());
        continue;
      }
      await emit(message.value);
    }
  });
}
