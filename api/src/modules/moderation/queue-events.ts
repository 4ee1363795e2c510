import type { Context } from "../../core/context.js";
import { forbidden, unauthenticated } from "../../core/errors.js";
import { replayThenLive } from "../../core/replay-then-live.js";
import { isAdmin } from "../../core/viewer.js";
import { isFacilitator } from "../community/community.policy.js";
import { ALL_CASES } from "./moderation.topics.js";

/**
 * `moderationQueueEvents(communityId)`: live only, through replay-then-live with nothing to
 * replay (the queue page reads the queue, then follows this). A community's facilitators and the
 * admins hear of its cases; an admin with no community hears of every case, profiles' included.
 * Access is asked again whenever the viewer's membership of that community changes, so a
 * facilitator who stepped down stops hearing at once. Nobody hears of a case about their own
 * content here (the queue leaves those out too): they are not its moderator.
 */
export async function queueEventStream(ctx: Context, communityId: string | null) {
  const { viewer } = ctx;
  if (!viewer) throw unauthenticated();
  const { community: communities, bus } = ctx.services;
  if (communityId === null) {
    if (!isAdmin(viewer)) throw forbidden("Follow the queue of a community you facilitate.");
    return replayThenLive({
      bus,
      topic: "moderation",
      id: ALL_CASES,
      after: null,
      idOf: () => null,
      admits: (m) => m.authorId !== viewer.id,
      viewerId: viewer.id,
      concerns: () => false,
      stillAllowed: async () => true,
    });
  }
  const { community, membership } = await communities.access(viewer, communityId);
  const allowed = (m: Parameters<typeof isFacilitator>[0]) => isAdmin(viewer) || isFacilitator(m);
  if (!allowed(membership)) throw forbidden("Only the facilitators follow this community's queue.");
  return replayThenLive({
    bus,
    topic: "moderation",
    id: community.id,
    after: null,
    idOf: () => null,
    admits: (m) => m.authorId !== viewer.id,
    viewerId: viewer.id,
    concerns: (m) => m.type === "MEMBERSHIP_CHANGED" && m.communityId === community.id,
    stillAllowed: async () => allowed(await communities.membershipOf(community.id, viewer.id)),
  });
}
