import {
  type Database,
  type Executor,
  type PostRow,
  postRevisions,
  posts,
  reactions,
  type ThreadRow,
  threads,
} from "@pratica/db";
import { and, eq, sql } from "drizzle-orm";
import { conflict, forbidden, notFound, unauthenticated } from "../../core/errors.js";
import type { EventBus } from "../../core/event-bus.js";
import { isUuid } from "../../core/ids.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import type { Access } from "../community/community.access.js";
import type { CommunityService } from "../community/community.service.js";
import type { NotificationService } from "../notification/notification.service.js";
import { mentionedHandles } from "./mentions.js";
import { lockThread, publishThreadEvent, type RecordedEvent, recordThreadEvent } from "./thread.events.js";
import { canDeletePost, canEditPost, canReact, canReply } from "./thread.policy.js";
import { addPostRules, editPostRules, reactionRules } from "./thread.rules.js";
import { assertCanRead, type ThreadService } from "./thread.service.js";

export class PostService {
  constructor(
    private readonly db: Database,
    private readonly communities: CommunityService,
    private readonly threads: ThreadService,
    private readonly notifications: NotificationService,
    private readonly bus: EventBus,
  ) {}

  async byId(postId: string): Promise<PostRow> {
    const row = isUuid(postId)
      ? (await this.db.select().from(posts).where(eq(posts.id, postId)).limit(1))[0]
      : undefined;
    if (!row) throw notFound("Post");
    return row;
  }

  /** A reply: stored with its event and notifications in one transaction, published after. */
  async add(viewer: Viewer | null, input: unknown): Promise<PostRow> {
    if (!viewer) throw unauthenticated("Log in to reply.");
    const { threadId, body, replyToId } = parseInput(addPostRules, input);
    const { thread, access } = await this.threads.readable(viewer, threadId);
    assertCanReply(access, thread);
    const replyTo = replyToId ? await this.byId(replyToId).catch(() => null) : null;
    if (replyToId && replyTo?.threadId !== thread.id) throw notFound("The post you reply to");

    const { post, event, created } = await this.inThread(thread.id, async (tx, current) => {
      // Checked again under the lock: a facilitator may have locked the thread meanwhile.
      assertCanReply(access, current);
      const [post] = await tx
        .insert(posts)
        .values({
          threadId: thread.id,
          communityId: thread.communityId,
          authorId: viewer.id,
          body,
          replyToId: replyTo?.id ?? null,
        })
        .returning();
      if (!post) throw new Error("post not created");
      const event = await recordThreadEvent(tx, {
        threadId: thread.id,
        communityId: thread.communityId,
        type: "POST_ADDED",
        postId: post.id,
        actorId: viewer.id,
      });
      await tx
        .update(threads)
        .set({ replyCount: sql`${threads.replyCount} + 1`, lastActivityAt: post.createdAt })
        .where(eq(threads.id, thread.id));
      const created = await this.notifications.forNewPost(tx, post, {
        threadAuthorId: thread.authorId,
        replyToAuthorId: replyTo?.authorId ?? null,
        mentionedHandles: mentionedHandles(body),
      });
      return { post, event, created };
    });
    this.afterCommit(event);
    this.notifications.publish(created);
    return post;
  }

  /** Authors edit; the previous text is kept as a revision. */
  async edit(viewer: Viewer | null, input: unknown): Promise<PostRow> {
    if (!viewer) throw unauthenticated();
    const { postId, body } = parseInput(editPostRules, input);
    const post = await this.byId(postId);
    const access = await this.communities.access(viewer, post.communityId);
    assertCanRead(access);
    if (post.deletedAt) throw conflict("This post was deleted and can no longer be edited.");
    if (!canEditPost(access, post)) throw forbidden("You can only edit your own posts.");
    if (body === post.body) return post;

    const written = await this.inThread(post.threadId, async (tx) => {
      // The revision keeps the text as it is now, under the lock: a concurrent edit's text
      // must become a revision too, not be overwritten unrecorded.
      const current = await this.postIn(tx, post.id);
      if (current.deletedAt) throw conflict("This post was deleted and can no longer be edited.");
      if (body === current.body) return { updated: current, event: null };
      await tx
        .insert(postRevisions)
        .values({ postId: post.id, communityId: post.communityId, editorId: viewer.id, body: current.body });
      const [updated] = await tx
        .update(posts)
        .set({ body, editedAt: new Date() })
        .where(eq(posts.id, post.id))
        .returning();
      if (!updated) throw notFound("Post");
      const event = await recordThreadEvent(tx, {
        threadId: post.threadId,
        communityId: post.communityId,
        type: "POST_EDITED",
        postId: post.id,
        actorId: viewer.id,
      });
      return { updated, event };
    });
    if (written.event) this.afterCommit(written.event);
    return written.updated;
  }

  /** Soft delete: the post stays in place as "deleted", its replies keep their quote. */
  async delete(viewer: Viewer | null, postId: string): Promise<PostRow> {
    if (!viewer) throw unauthenticated();
    const post = await this.byId(postId);
    const access = await this.communities.access(viewer, post.communityId);
    assertCanRead(access);
    if (!canDeletePost(access, post)) throw forbidden("You can only delete your own posts.");
    if (post.deletedAt) throw conflict("This post is already deleted.");

    const { deleted, event } = await this.inThread(post.threadId, async (tx) => {
      if ((await this.postIn(tx, post.id)).deletedAt) throw conflict("This post is already deleted.");
      const [deleted] = await tx
        .update(posts)
        .set({ deletedAt: new Date(), deletedBy: viewer.id })
        .where(eq(posts.id, post.id))
        .returning();
      if (!deleted) throw notFound("Post");
      const event = await recordThreadEvent(tx, {
        threadId: post.threadId,
        communityId: post.communityId,
        type: "POST_DELETED",
        postId: post.id,
        actorId: viewer.id,
      });
      return { deleted, event };
    });
    this.afterCommit(event);
    return deleted;
  }

  /** Adds the viewer's reaction of that kind, or takes it back if it was there. */
  async toggleReaction(viewer: Viewer | null, input: unknown): Promise<PostRow> {
    if (!viewer) throw unauthenticated();
    const { postId, kind } = parseInput(reactionRules, input);
    const post = await this.byId(postId);
    const access = await this.communities.access(viewer, post.communityId);
    assertCanRead(access);
    if (!canReact(access)) throw forbidden("Only active members can react.");
    if (post.deletedAt) throw conflict("This post was deleted.");

    // Under the thread lock the toggles of one post are serialised: each one sees the state the
    // previous one left, so n toggles leave the reaction on exactly when n is odd.
    const event = await this.inThread(post.threadId, async (tx) => {
      if ((await this.postIn(tx, post.id)).deletedAt) throw conflict("This post was deleted.");
      const removed = await tx
        .delete(reactions)
        .where(and(eq(reactions.postId, post.id), eq(reactions.userId, viewer.id), eq(reactions.kind, kind)))
        .returning({ kind: reactions.kind });
      if (removed.length === 0) {
        await tx
          .insert(reactions)
          .values({ postId: post.id, userId: viewer.id, kind, communityId: post.communityId })
          .onConflictDoNothing();
      }
      return recordThreadEvent(tx, {
        threadId: post.threadId,
        communityId: post.communityId,
        type: "REACTION_CHANGED",
        postId: post.id,
        actorId: viewer.id,
      });
    });
    this.afterCommit(event);
    return post;
  }

  /**
   * One write to a thread, in a transaction that first locks the thread row (see `lockThread`
   * for why first, and why that mode); the write gets the thread as it is under the lock.
   */
  private inThread<T>(threadId: string, write: (tx: Executor, thread: ThreadRow) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      const thread = await lockThread(tx, threadId);
      if (!thread) throw notFound("Thread");
      return write(tx, thread);
    });
  }

  /** A post read inside a thread write, after the lock: the state the write will change. */
  private async postIn(tx: Executor, postId: string): Promise<PostRow> {
    const [row] = await tx.select().from(posts).where(eq(posts.id, postId)).limit(1);
    if (!row) throw notFound("Post");
    return row;
  }

  private afterCommit(event: RecordedEvent) {
    publishThreadEvent(this.bus, event);
    if (event.type === "POST_ADDED" || event.type === "POST_DELETED") {
      this.bus.publish("community", event.communityId, {
        type: "THREAD_UPDATED",
        communityId: event.communityId,
        threadId: event.threadId,
      });
    }
  }
}

function assertCanReply(access: Access, thread: Pick<ThreadRow, "locked">) {
  if (canReply(access, thread)) return;
  throw forbidden(
    thread.locked
      ? "This thread is locked: it takes no new replies."
      : "Only active members of this community can reply.",
  );
}
