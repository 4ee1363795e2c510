import type { CommunityRow, ThreadRow, UserRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { connectionComplexity, toConnection } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { OpenToRestricted } from "../../core/open-to-restricted.js";
import { OpenToUnconfirmed } from "../../core/open-to-unconfirmed.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { accessTo, accessVia } from "../community/community.access.js";
import { Community } from "../community/community.type.js";
import { User } from "../identity/user.type.js";
import { readableVia } from "./thread.access.js";
import { CreateThreadInput } from "./thread.input.js";
import { canCreateThread, canModerateThreads, canReact, canReply } from "./thread.policy.js";
import { PostConnection, Thread, ThreadConnection, ThreadSort } from "./thread.type.js";

@Resolver(() => Thread)
export class ThreadResolver {
  @Query(() => Thread, {
    nullable: true,
    description: "FORBIDDEN / UNAUTHENTICATED when its community is not readable",
  })
  async thread(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<ThreadRow> {
    return readableVia(ctx, id);
  }

  @FieldResolver(() => Community)
  community(@Root() thread: ThreadRow, @Ctx() { loaders }: Context): Promise<CommunityRow | null> {
    return loaders.communityById.load(thread.communityId);
  }

  @FieldResolver(() => User)
  author(@Root() thread: ThreadRow, @Ctx() { loaders }: Context): UserRow | null | Promise<UserRow | null> {
    return loaders.userById.loadNow(thread.authorId);
  }

  @FieldResolver(() => PostConnection, { complexity: connectionComplexity, description: "Replies in order" })
  @ViewerDependent()
  async posts(
    @Root() thread: ThreadRow,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const access = await accessVia(ctx, thread.communityId);
    const page = await ctx.services.thread.posts(access, thread, { first, after });
    // Quotes mostly answer posts of the same page, whose authors came with it: `replyTo` and
    // `author` then need no query of their own.
    for (const post of page.nodes) ctx.loaders.postById.prime(post.id, post);
    for (const author of page.authors) ctx.loaders.userById.prime(author.id, author);
    return toConnection(page, thread.replyCount);
  }

  @FieldResolver(() => Int, { description: "Replies the viewer has not read (0 when anonymous)" })
  @ViewerDependent()
  async unreadCount(@Root() thread: ThreadRow, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.unreadCount.load(thread.id))?.count ?? 0;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Cursor of the last post the viewer had read when this was asked: the 'new since your last visit' divider",
  })
  @ViewerDependent()
  async lastReadCursor(@Root() thread: ThreadRow, @Ctx() { loaders }: Context): Promise<string | null> {
    const marker = await loaders.readMarker.load(thread.id);
    return marker ? String(marker.lastReadSeq) : null;
  }

  @FieldResolver(() => String, {
    description:
      "The thread's latest event: subscribe to `threadEvents(after:)` with it to miss nothing after this query",
  })
  async eventCursor(@Root() thread: ThreadRow, @Ctx() { loaders }: Context): Promise<string> {
    return String((await loaders.lastEventId.load(thread.id))?.id ?? 0);
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerCanReply(@Root() thread: ThreadRow, @Ctx() ctx: Context): Promise<boolean> {
    return canReply(await accessVia(ctx, thread.communityId), thread);
  }

  @FieldResolver(() => Boolean, { description: "May react to its posts" })
  @ViewerDependent()
  async viewerCanReact(@Root() thread: ThreadRow, @Ctx() ctx: Context): Promise<boolean> {
    return canReact(await accessVia(ctx, thread.communityId));
  }

  @FieldResolver(() => Boolean, { description: "May pin, lock and delete others' posts" })
  @ViewerDependent()
  async viewerCanModerate(@Root() thread: ThreadRow, @Ctx() ctx: Context): Promise<boolean> {
    return canModerateThreads(await accessVia(ctx, thread.communityId));
  }

  @Mutation(() => Thread)
  createThread(
    @Arg("input", () => CreateThreadInput) input: CreateThreadInput,
    @Ctx() ctx: Context,
  ): Promise<ThreadRow> {
    return ctx.services.thread.create(ctx.viewer, input);
  }

  @Mutation(() => Thread, { description: "Facilitators and admins" })
  setThreadPinned(
    @Arg("threadId", () => ID) threadId: string,
    @Arg("pinned", () => Boolean) pinned: boolean,
    @Ctx() ctx: Context,
  ): Promise<ThreadRow> {
    return ctx.services.thread.setFlags(ctx.viewer, threadId, { pinned });
  }

  @Mutation(() => Thread, { description: "Facilitators and admins; a locked thread takes no new replies" })
  setThreadLocked(
    @Arg("threadId", () => ID) threadId: string,
    @Arg("locked", () => Boolean) locked: boolean,
    @Ctx() ctx: Context,
  ): Promise<ThreadRow> {
    return ctx.services.thread.setFlags(ctx.viewer, threadId, { locked });
  }

  @OpenToRestricted()
  @OpenToUnconfirmed()
  @Mutation(() => Thread, { description: "Moves the viewer's read marker to `upTo` (a post cursor) or to the end" })
  markThreadRead(
    @Arg("threadId", () => ID) threadId: string,
    @Arg("upTo", () => String, { nullable: true }) upTo: string | null,
    @Ctx() ctx: Context,
  ): Promise<ThreadRow> {
    return ctx.services.thread.markRead(ctx.viewer, threadId, upTo);
  }

  @Mutation(() => Boolean, { description: "Tells the thread's subscribers the viewer is typing (not stored)" })
  async sendTyping(@Arg("threadId", () => ID) threadId: string, @Ctx() ctx: Context): Promise<boolean> {
    await ctx.services.thread.typing(ctx.viewer, threadId);
    return true;
  }
}

@Resolver(() => Community)
export class CommunityThreadsResolver {
  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerCanCreateThread(@Root() community: CommunityRow, @Ctx() ctx: Context): Promise<boolean> {
    return canCreateThread(await accessTo(ctx, community));
  }

  @FieldResolver(() => ThreadConnection, {
    complexity: connectionComplexity,
    description: "Pinned first, then by `sort`",
  })
  async threads(
    @Root() community: CommunityRow,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("sort", () => ThreadSort, { nullable: true, defaultValue: ThreadSort.LATEST_ACTIVITY }) sort: ThreadSort,
    @Arg("tag", () => String, { nullable: true }) tag: string | null,
    @Ctx() ctx: Context,
  ) {
    const access = await accessVia(ctx, community.id);
    const page = await ctx.services.thread.list(access, { first, after, sort, tag });
    return toConnection(page, await ctx.services.thread.count(community.id, tag));
  }
}
