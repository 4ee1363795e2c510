import type { CommunityMembershipRow, CommunityRow, ThreadRow } from "@pratica/db";
import type { Context } from "../../core/context.js";
import { notFound } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { accessVia } from "../community/community.access.js";
import { canReadThreads } from "./thread.policy.js";
import { assertCanRead } from "./thread.service.js";

/**
 * A thread the viewer may read, through the request's loaders: the thread's fields that check
 * access again (`posts`, `viewerCanReply`…) then find its community and membership cached.
 */
export async function readableVia(ctx: Context, threadId: string): Promise<ThreadRow> {
  const found = isUuid(threadId) ? await ctx.loaders.threadInContext.load(threadId) : null;
  if (!found) throw notFound("Thread");
  const { thread, community, author } = found;
  // The joined rows are what the other loaders would fetch: later loads of them cost no query.
  ctx.loaders.threadById.prime(thread.id, thread);
  ctx.loaders.communityById.prime(community.id, community);
  ctx.loaders.userById.prime(author.id, author);
  assertCanRead(await accessVia(ctx, thread.communityId));
  return thread;
}

/**
 * `canReadThreads` for a community, through the request's loaders. Answered without a promise
 * once the community and the viewer's membership are held — as on a thread page, whose access
 * check loaded both — so the edges of its ~100 posts (`replyTo`) re-check for free.
 */
export function canReadThreadsVia(ctx: Context, communityId: string): boolean | Promise<boolean> {
  const community = ctx.loaders.communityById.loadNow(communityId);
  const membership = ctx.loaders.viewerMembership.loadNow(communityId);
  const decide = (c: CommunityRow | null, m: CommunityMembershipRow | null) =>
    c !== null && canReadThreads({ community: c, viewer: ctx.viewer, membership: m });
  if (community instanceof Promise || membership instanceof Promise) {
    return Promise.all([community, membership]).then(([c, m]) => decide(c, m));
  }
  return decide(community, membership);
}

/**
 * A thread or post reached from another object (a notification, a quote, a search hit): itself
 * when the viewer may read its community's discussions, else null.
 */
export function readableOrNull<T extends { communityId: string }>(
  ctx: Context,
  row: T | null,
): T | null | Promise<T | null> {
  if (!row) return null;
  const ok = canReadThreadsVia(ctx, row.communityId);
  return typeof ok === "boolean" ? (ok ? row : null) : ok.then((yes) => (yes ? row : null));
}

/** The same, for an edge that cannot be null: the refusal `thread(id)` gives. */
export async function assertReadableVia(ctx: Context, communityId: string): Promise<void> {
  assertCanRead(await accessVia(ctx, communityId));
}
