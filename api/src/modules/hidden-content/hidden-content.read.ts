import { answeredForViewer, type Context } from "../../core/context.js";
import { isAdmin } from "../../core/viewer.js";
import { accessVia } from "../community/community.access.js";
import { type Hideable, moderationNotice } from "./hidden-content.js";
import { canSeeHidden } from "./hidden-content.policy.js";
import type { ModerationNotice } from "./hidden-content.type.js";

/** A hideable row of a community's content, with the person it is by. */
export type HiddenContent = Hideable & { communityId: string };

/**
 * `canSeeHidden` through the request's loaders. Answered without a promise for the author and
 * admins, and for anyone once the community and membership are held (a thread page's posts).
 */
export function seesHiddenVia(ctx: Context, communityId: string, authorId: string): boolean | Promise<boolean> {
  answeredForViewer(ctx);
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (viewer.id === authorId || isAdmin(viewer)) return true;
  const community = ctx.loaders.communityById.loadNow(communityId);
  const membership = ctx.loaders.viewerMembership.loadNow(communityId);
  if (community instanceof Promise || membership instanceof Promise) {
    return accessVia(ctx, communityId).then((a) => canSeeHidden(a, authorId));
  }
  return community !== null && canSeeHidden({ community, viewer, membership }, authorId);
}

/**
 * A text field of hideable content: the text itself unless the row is hidden and the viewer may
 * not see hidden content, then `blank` (as a deleted post blanks its body). Not hidden — nearly
 * every row — costs nothing: no promise, no query.
 */
export function shownText<T>(ctx: Context, row: HiddenContent, authorId: string, text: T, blank: T): T | Promise<T> {
  if (!row.hiddenAt) return text;
  const sees = seesHiddenVia(ctx, row.communityId, authorId);
  return typeof sees === "boolean" ? (sees ? text : blank) : sees.then((yes) => (yes ? text : blank));
}

/** `moderation` of a content type: the notice while hidden (for everyone), the case only for who may act on it. */
export async function noticeOf(ctx: Context, row: HiddenContent, authorId: string): Promise<ModerationNotice | null> {
  if (!row.hiddenAt) return null;
  return moderationNotice(ctx, row, await seesHiddenVia(ctx, row.communityId, authorId));
}
