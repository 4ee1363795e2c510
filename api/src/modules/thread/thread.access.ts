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
  const thread = isUuid(threadId) ? await ctx.loaders.threadById.load(threadId) : null;
  if (!thread) throw notFound("Thread");
  assertCanRead(await accessVia(ctx, thread.communityId));
  return thread;
}
