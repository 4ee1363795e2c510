import type { ThreadRow } from "@pratica/db";
import type { Context } from "../../core/context.js";
import { notFound } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import type { Access } from "./thread.policy.js";
import { assertCanRead } from "./thread.service.js";

/** The viewer's access to a community through the request's loaders (batched, cached per request). */
export async function accessVia(ctx: Context, communityId: string): Promise<Access> {
  const [community, membership] = await Promise.all([
    ctx.loaders.communityById.load(communityId),
    ctx.loaders.viewerMembership.load(communityId),
  ]);
  if (!community) throw notFound("Community");
  return { community, viewer: ctx.viewer, membership };
}

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
