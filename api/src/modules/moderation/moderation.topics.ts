import type { EventBus } from "../../core/event-bus.js";

/**
 * What the `moderation` topic carries: a case opened or moved. Its ids are a community's id (its
 * facilitators' queue) and `ALL_CASES` (the platform admins' queue, which also holds the profile
 * cases, which have no community). Live only: a queue page reads the queue, then follows this.
 */
export type ModerationMessage = {
  kind: "case";
  caseId: string;
  communityId: string | null;
  /**
   * The target's author: a facilitator's queue never announces a case about their own content
   * (they are not its moderator, and may not have been told of it yet).
   */
  authorId: string;
};

export const ALL_CASES = "all";

/** Tells both queues that reach a case; call after the commit that changed it. */
export function publishCaseChanged(
  bus: EventBus,
  moderated: { id: string; communityId: string | null; targetAuthorId: string },
): void {
  const message: ModerationMessage = {
    kind: "case",
    caseId: moderated.id,
    communityId: moderated.communityId,
    authorId: moderated.targetAuthorId,
  };
  if (moderated.communityId) bus.publish("moderation", moderated.communityId, message);
  bus.publish("moderation", ALL_CASES, { ...message });
}
