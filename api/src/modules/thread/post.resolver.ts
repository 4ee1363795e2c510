import type { PostRevisionRow, PostRow, ThreadRow, UserRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { notFound } from "../../core/errors.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { accessVia } from "../community/community.access.js";
import { noticeOf, seesHiddenVia, shownText } from "../hidden-content/hidden-content.read.js";
import { ModerationNotice } from "../hidden-content/hidden-content.type.js";
import { User } from "../identity/user.type.js";
import { assertReadableVia, readableOrNull } from "./thread.access.js";
import { AddPostInput, EditPostInput, ToggleReactionInput } from "./thread.input.js";
import { canDeletePost, canEditPost } from "./thread.policy.js";
import { Post, PostRevision, ReactionSummary, Thread } from "./thread.type.js";

@Resolver(() => Post)
export class PostResolver {
  // The hidden-content rule: the text of a hidden post is "" but for its author and the moderators.
  // Not @ViewerDependent, so that thread events stay shared between subscribers: an event about a
  // hidden post is computed per subscriber instead (thread.events.ts, `perViewer`).
  @FieldResolver(() => String, {
    description: "Markdown; empty once deleted, and while hidden for all but its author and the moderators",
  })
  body(@Root() post: PostRow, @Ctx() ctx: Context): string | Promise<string> {
    return post.deletedAt ? "" : shownText(ctx, post, post.authorId, post.body, "");
  }

  @FieldResolver(() => Boolean, { description: "Hidden by the moderators or, until reviewed, by the system" })
  hidden(@Root() post: PostRow): boolean {
    return post.hiddenAt !== null;
  }

  @FieldResolver(() => ModerationNotice, {
    nullable: true,
    description: "Why it is hidden: set while it is, for everyone",
  })
  moderation(@Root() post: PostRow, @Ctx() ctx: Context): Promise<ModerationNotice | null> {
    return noticeOf(ctx, post, post.authorId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Why a moderator deleted it: for its author and the moderators",
  })
  deletedReason(@Root() post: PostRow, @Ctx() ctx: Context): string | null | Promise<string | null> {
    if (!post.deletedAt || !post.deletedReason) return null;
    const reason = post.deletedReason;
    const sees = seesHiddenVia(ctx, post.communityId, post.authorId);
    return typeof sees === "boolean" ? (sees ? reason : null) : sees.then((yes) => (yes ? reason : null));
  }

  @FieldResolver(() => String)
  cursor(@Root() post: PostRow): string {
    return String(post.seq);
  }

  @FieldResolver(() => Boolean)
  deleted(@Root() post: PostRow): boolean {
    return post.deletedAt !== null;
  }

  @FieldResolver(() => Boolean)
  edited(@Root() post: PostRow): boolean {
    return post.editedAt !== null;
  }

  @FieldResolver(() => User)
  author(@Root() post: PostRow, @Ctx() { loaders }: Context): UserRow | null | Promise<UserRow | null> {
    return loaders.userById.loadNow(post.authorId);
  }

  // The edges below re-check that the viewer may read their target. They are not
  // @ViewerDependent: their target is in the post's own community, so every subscriber a
  // thread's event stream admitted (after the same check) gets the same answer.

  @FieldResolver(() => Thread)
  async thread(@Root() post: PostRow, @Ctx() ctx: Context): Promise<ThreadRow> {
    const thread = await ctx.loaders.threadById.load(post.threadId);
    if (!thread) throw notFound("Thread");
    await assertReadableVia(ctx, thread.communityId);
    return thread;
  }

  @FieldResolver(() => Post, { nullable: true, description: "The post this one answers, for the quote" })
  replyTo(@Root() post: PostRow, @Ctx() ctx: Context): PostRow | null | Promise<PostRow | null> {
    if (!post.replyToId) return null;
    // Synchronous when the quoted post, its community and the membership are held (the thread page).
    const quoted = ctx.loaders.postById.loadNow(post.replyToId);
    return quoted instanceof Promise ? quoted.then((q) => readableOrNull(ctx, q)) : readableOrNull(ctx, quoted);
  }

  @FieldResolver(() => [ReactionSummary])
  reactions(@Root() post: PostRow, @Ctx() { loaders }: Context) {
    return loaders.reactionsByPost.load(post.id);
  }

  @FieldResolver(() => [PostRevision], { description: "Earlier texts, oldest first" })
  async revisions(@Root() post: PostRow, @Ctx() ctx: Context): Promise<PostRevisionRow[]> {
    if (post.deletedAt || !(await shownText(ctx, post, post.authorId, true, false))) return [];
    return ctx.loaders.revisionsByPost.load(post.id);
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerCanEdit(@Root() post: PostRow, @Ctx() ctx: Context): Promise<boolean> {
    return canEditPost(await accessVia(ctx, post.communityId), post);
  }

  @FieldResolver(() => Boolean)
  @ViewerDependent()
  async viewerCanDelete(@Root() post: PostRow, @Ctx() ctx: Context): Promise<boolean> {
    return post.deletedAt === null && canDeletePost(await accessVia(ctx, post.communityId), post);
  }

  @Mutation(() => Post)
  addPost(@Arg("input", () => AddPostInput) input: AddPostInput, @Ctx() ctx: Context): Promise<PostRow> {
    return ctx.services.post.add(ctx.viewer, input);
  }

  @Mutation(() => Post, { description: "Authors only; the previous text is kept as a revision" })
  editPost(@Arg("input", () => EditPostInput) input: EditPostInput, @Ctx() ctx: Context): Promise<PostRow> {
    return ctx.services.post.edit(ctx.viewer, input);
  }

  @Mutation(() => Post, {
    description:
      "Authors, facilitators and admins; the post stays in place as deleted. A moderator deleting someone else's post gives the reason (1..1000), told to its author",
  })
  deletePost(
    @Arg("postId", () => ID) postId: string,
    @Arg("reason", () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: Context,
  ): Promise<PostRow> {
    return ctx.services.post.delete(ctx.viewer, postId, reason);
  }

  @Mutation(() => Post, { description: "Adds the viewer's reaction of that kind, or removes it" })
  toggleReaction(
    @Arg("input", () => ToggleReactionInput) input: ToggleReactionInput,
    @Ctx() ctx: Context,
  ): Promise<PostRow> {
    return ctx.services.post.toggleReaction(ctx.viewer, input);
  }
}

@Resolver(() => ReactionSummary)
export class ReactionSummaryResolver {
  @FieldResolver(() => Boolean, { description: "Whether the viewer is among them" })
  @ViewerDependent()
  viewerReacted(@Root() summary: { userIds: string[] }, @Ctx() { viewer }: Context): boolean {
    return viewer !== null && summary.userIds.includes(viewer.id);
  }
}

@Resolver(() => PostRevision)
export class PostRevisionResolver {
  @FieldResolver(() => User)
  editor(@Root() revision: PostRevisionRow, @Ctx() { loaders }: Context): Promise<UserRow | null> {
    return loaders.userById.load(revision.editorId);
  }
}
