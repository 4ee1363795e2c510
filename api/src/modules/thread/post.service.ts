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
import { recordAudit } from "../../core/audit.js";
import { conflict, forbidden, notFound, unauthenticated } from "../../core/errors.js";
import type { EventBus } from "../../core/event-bus.js";
import { isUuid } from "../../core/ids.js";
import { unitOfWork, type Work } from "../../core/unit-of-work.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import type { Access } from "../community/community.access.js";
import type { CommunityService } from "../community/community.service.js";
import type { NotificationService } from "../notification/notification.service.js";
import type { TrustService } from "../trust/trust.service.js";
import { mentionedHandles } from "./mentions.js";
import { publishThreadEvent, type RecordedEvent, recordThreadEvent, threadLock } from "./thread.events.js";
import { canDeletePost, canEditPost, canReact, canReply } from "./thread.policy.js";
import { addPostRules, editPostRules, moderatorDeleteRules, reactionRules } from "./thread.rules.js";
import { assertCanRead } from "./thread.service.js";

export class PostService {
  constructor(
    private readonly db: Database,
    private readonly communities: CommunityService,
    private readonly notifications: NotificationService,
    private readonly bus: EventBus,
    private readonly trust: TrustService,
  ) {}

  async byId(postId: string): Promise<PostRow> {
    const row = isUuid(postId)
      ? (await this.db.select().from(posts).where(eq(posts.id, postId)).limit(1))[0]
      : undefined;
    if (!row) throw notFound("Post");
    return row;
  }

  /**
   * A reply: stored with its event and notifications in one unit of work, published after.
   * Every rule is checked against the state read under the thread lock: a facilitator may have
   * locked the thread, or the member been removed, while the reply waited for it.
   */
  async add(viewer: Viewer | null, input: unknown): Promise<PostRow> {
    if (!viewer) throw unauthenticated("Log in to reply.");
    const { threadId, body, replyToId } = parseInput(addPostRules, input);
    const admitted = await this.trust.admit(viewer, { kind: "reply", body, mentions: mentionedHandles(body) });
    return this.inThread(threadId, async ({ tx, afterCommit }, thread) => {
      const access = await this.communities.access(viewer, thread.communityId, tx);
      assertCanRead(access);
      assertCanReply(access, thread);
      const replyTo = replyToId && isUuid(replyToId) ? await this.postIn(tx, replyToId).catch(() => null) : null;
      if (replyToId && replyTo?.threadId !== thread.id) throw notFound("The post you reply to");
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
      afterCommit(() => {
        this.afterCommit(event);
        this.notifications.publish(created);
      });
      return post;
    }).catch(admitted.refused);
  }

  /** Authors edit; the previous text is kept as a revision. */
  async edit(viewer: Viewer | null, input: unknown): Promise<PostRow> {
    if (!viewer) throw unauthenticated();
    const { postId, body } = parseInput(editPostRules, input);
    const { threadId } = await this.byId(postId);
    await this.trust.admit(viewer, { kind: "edit", body, mentions: mentionedHandles(body) });
    return this.inThread(threadId, async ({ tx, afterCommit }) => {
      // The revision keeps the text as it is now, under the lock: a concurrent edit's text
      // must become a revision too, not be overwritten unrecorded.
      const { post, access } = await this.postAndAccess(tx, viewer, postId);
      if (post.deletedAt) throw conflict("This post was deleted and can no longer be edited.");
      if (!canEditPost(access, post)) throw forbidden("You can only edit your own posts.");
      if (body === post.body) return post;
      await tx
        .insert(postRevisions)
        .values({ postId: post.id, communityId: post.communityId, editorId: viewer.id, body: post.body });
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
      afterCommit(() => this.afterCommit(event));
      return updated;
    });
  }

  /** Soft delete: the post stays in place as "deleted", its replies keep their quote. */
  async delete(viewer: Viewer | null, postId: string, reasonInput?: string | null): Promise<PostRow> {
    if (!viewer) throw unauthenticated();
    const { threadId } = await this.byId(postId);
    return this.inThread(threadId, async ({ tx, afterCommit }) => {
      const { post, access } = await this.postAndAccess(tx, viewer, postId);
      if (!canDeletePost(access, post)) throw forbidden("You can only delete your own posts.");
      if (post.deletedAt) throw conflict("This post is already deleted.");
      // A moderator removing someone else's words owes them a reason; an author needs none.
      const byModerator = post.authorId !== viewer.id;
      const reason = byModerator ? parseInput(moderatorDeleteRules, { reason: reasonInput ?? "" }).reason : null;
      const [deleted] = await tx
        .update(posts)
        .set({ deletedAt: new Date(), deletedBy: viewer.id, deletedReason: reason })
        .where(eq(posts.id, post.id))
        .returning();
      if (!deleted) throw notFound("Post");
      if (reason !== null) {
        await recordAudit(tx, {
          actorId: viewer.id,
          action: "post.delete",
          targetKind: "post",
          targetId: post.id,
          communityId: post.communityId,
          reason,
          before: { body: post.body, authorId: post.authorId },
          after: { deletedAt: deleted.deletedAt, deletedReason: reason },
        });
        await this.notifications.forPostDeletedByModerator(tx, {
          authorId: post.authorId,
          actorId: viewer.id,
          communityId: post.communityId,
          threadId: post.threadId,
          postId: post.id,
          reason,
        });
      }
      const event = await recordThreadEvent(tx, {
        threadId: post.threadId,
        communityId: post.communityId,
        type: "POST_DELETED",
        postId: post.id,
        actorId: viewer.id,
      });
      afterCommit(() => this.afterCommit(event));
      return deleted;
    });
  }

  /** Adds the viewer's reaction of that kind, or takes it back if it was there. */
  async toggleReaction(viewer: Viewer | null, input: unknown): Promise<PostRow> {
    if (!viewer) throw unauthenticated();
    const { postId, kind } = parseInput(reactionRules, input);
    const { threadId } = await this.byId(postId);
    // Under the thread lock the toggles of one post are serialised: each one sees the state the
    // previous one left, so n toggles leave the reaction on exactly when n is odd.
    return this.inThread(threadId, async ({ tx, afterCommit }) => {
      const { post, access } = await this.postAndAccess(tx, viewer, postId);
      if (!canReact(access)) throw forbidden("Only active members can react.");
      if (post.deletedAt) throw conflict("This post was deleted.");
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
      const event = await recordThreadEvent(tx, {
        threadId: post.threadId,
        communityId: post.communityId,
        type: "REACTION_CHANGED",
        postId: post.id,
        actorId: viewer.id,
      });
      afterCommit(() => this.afterCommit(event));
      return post;
    });
  }

  /** One write to a thread: a unit of work that first takes `threadLock`, with the thread as it is under it. */
  private async inThread<T>(threadId: string, write: (w: Work, thread: ThreadRow) => Promise<T>): Promise<T> {
    if (!isUuid(threadId)) throw notFound("Thread");
    return unitOfWork(this.db, async (w) => {
      const thread = await w.lock(threadLock, threadId);
      if (!thread) throw notFound("Thread");
      return write(w, thread);
    });
  }

  /** A post and the viewer's access to its community, read under the thread lock; refuses non-readers. */
  private async postAndAccess(
    tx: Executor,
    viewer: Viewer,
    postId: string,
  ): Promise<{ post: PostRow; access: Access }> {
    const post = await this.postIn(tx, postId);
    const access = await this.communities.access(viewer, post.communityId, tx);
    assertCanRead(access);
    return { post, access };
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
