import {
  type Database,
  type PostRow,
  posts,
  readMarkers,
  type ThreadRow,
  threads,
  type UserRow,
  users,
} from "@pratica/db";
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import { forbidden, notFound, unauthenticated } from "../../core/errors.js";
import type { EventBus } from "../../core/event-bus.js";
import { isUuid } from "../../core/ids.js";
import { eqId, perDatabase } from "../../core/loader.js";
import {
  decodeCursor,
  encodeSortedCursor,
  type Page,
  type PageArgs,
  pageSize,
  seqCursor,
  sortedCursor,
} from "../../core/pagination.js";
import { unitOfWork } from "../../core/unit-of-work.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import type { Access } from "../community/community.access.js";
import { canWrite } from "../community/community.policy.js";
import type { CommunityService } from "../community/community.service.js";
import { shownUserColumns } from "../identity/user.columns.js";
import type { NotificationService } from "../notification/notification.service.js";
import type { TrustService } from "../trust/trust.service.js";
import { mentionedHandles } from "./mentions.js";
import { threadLock } from "./thread.events.js";
import { canCreateThread, canModerateThreads, canReadThreads } from "./thread.policy.js";
import { readThreadNotifications } from "./thread.read.js";
import { createThreadRules, tagFilterRule } from "./thread.rules.js";

export type ThreadSort = "LATEST_ACTIVITY" | "NEWEST" | "MOST_REPLIES";

const SORT_KEYS = {
  LATEST_ACTIVITY: threads.lastActivityAt,
  NEWEST: threads.createdAt,
  MOST_REPLIES: threads.replyCount,
} as const;

/** A page of posts comes with its authors: a page shows them all, and one statement is cheaper than two. */
const postsWithAuthors = (db: Database) =>
  db.select({ post: posts, author: shownUserColumns }).from(posts).innerJoin(users, eq(users.id, posts.authorId));

/** The thread page's queries, prepared once per database: their SQL text is not rebuilt per request. */
const prepared = perDatabase((db: Database) => ({
  threadById: db.select().from(threads).where(eqId(threads.id, "id")).limit(1).prepare("thread_by_id"),
  firstPosts: postsWithAuthors(db)
    .where(eqId(posts.threadId, "threadId"))
    .orderBy(asc(posts.seq))
    .limit(sql.placeholder("limit"))
    .prepare("thread_posts_first"),
  postsAfter: postsWithAuthors(db)
    .where(and(eqId(posts.threadId, "threadId"), gt(posts.seq, sql.placeholder("after"))))
    .orderBy(asc(posts.seq))
    .limit(sql.placeholder("limit"))
    .prepare("thread_posts_after"),
}));

export class ThreadService {
  constructor(
    private readonly db: Database,
    private readonly communities: CommunityService,
    private readonly bus: EventBus,
    private readonly notifications: NotificationService,
    private readonly trust: TrustService,
  ) {}

  /** The viewer's access to a thread's community; refuses those who may not read it. */
  async readable(viewer: Viewer | null, threadId: string): Promise<{ thread: ThreadRow; access: Access }> {
    const thread = await this.byId(threadId);
    const access = await this.communities.access(viewer, thread.communityId);
    assertCanRead(access);
    return { thread, access };
  }

  async byId(threadId: string): Promise<ThreadRow> {
    const row = isUuid(threadId) ? (await prepared(this.db).threadById.execute({ id: threadId }))[0] : undefined;
    if (!row) throw notFound("Thread");
    return row;
  }

  async create(viewer: Viewer | null, input: unknown): Promise<ThreadRow> {
    if (!viewer) throw unauthenticated("Log in to start a thread.");
    const { communityId, title, body, tags } = parseInput(createThreadRules, input);
    const admitted = await this.trust.admit(viewer, { kind: "thread", body, mentions: mentionedHandles(body) });
    return unitOfWork(this.db, async ({ tx, afterCommit }) => {
      const access = await this.communities.access(viewer, communityId, tx);
      if (!canCreateThread(access)) throw forbidden("Only active members of this community can start threads.");
      const [thread] = await tx
        .insert(threads)
        .values({ communityId: access.community.id, authorId: viewer.id, title, body, tags })
        .returning();
      if (!thread) throw new Error("thread not created");
      const told = await this.notifications.forNewThread(tx, thread, mentionedHandles(body));
      afterCommit(() => {
        this.bus.publish("community", thread.communityId, {
          type: "THREAD_CREATED",
          communityId: thread.communityId,
          threadId: thread.id,
        });
        this.notifications.publish(told);
      });
      return thread;
    }).catch(admitted.refused);
  }

  /** Pinned first, then by the chosen key, newest first; keyset over (pinned, key, id). */
  async list(
    access: Access,
    args: PageArgs & { sort?: ThreadSort | null; tag?: string | null },
  ): Promise<Page<ThreadRow>> {
    assertCanRead(access);
    const size = pageSize(args.first);
    const tag = parseInput(tagFilterRule, args.tag);
    const sort = args.sort ?? "LATEST_ACTIVITY";
    const key = SORT_KEYS[sort];
    const after = decodeCursor(sortedCursor[sort === "MOST_REPLIES" ? "count" : "time"], args.after);
    // Sent as text with the column's type spelled out: postgres.js cannot infer the type of a
    // bare parameter inside a row comparison.
    const afterKey = after && (after.key instanceof Date ? after.key.toISOString() : after.key);
    const keyCast = sort === "MOST_REPLIES" ? sql`::int` : sql`::timestamptz`;
    const rows = await this.db
      .select()
      .from(threads)
      .where(
        and(
          eq(threads.communityId, access.community.id),
          tag ? sql`${threads.tags} @> array[${tag}]::text[]` : undefined,
          after
            ? sql`(${threads.pinned}, ${key}, ${threads.id}) < (${after.pinned}::boolean, ${afterKey}${keyCast}, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(threads.pinned), desc(key), desc(threads.id))
      .limit(size + 1);
    const nodes = rows.slice(0, size);
    const keyOf = (t: ThreadRow) =>
      sort === "MOST_REPLIES" ? t.replyCount : (sort === "NEWEST" ? t.createdAt : t.lastActivityAt).toISOString();
    return {
      nodes,
      cursors: nodes.map((t) => encodeSortedCursor({ pinned: t.pinned, key: keyOf(t), id: t.id })),
      hasNextPage: rows.length > size,
    };
  }

  async count(communityId: string, tag?: string | null): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(threads)
      .where(
        and(eq(threads.communityId, communityId), tag ? sql`${threads.tags} @> array[${tag}]::text[]` : undefined),
      );
    return row?.n ?? 0;
  }

  /** Posts in order, keyset by seq, with their authors. Deleted posts stay in place (shown as deleted). */
  async posts(access: Access, thread: ThreadRow, args: PageArgs): Promise<Page<PostRow> & { authors: UserRow[] }> {
    assertCanRead(access);
    const size = pageSize(args.first);
    const after = decodeCursor(seqCursor, args.after);
    const q = prepared(this.db);
    const rows =
      after === null
        ? await q.firstPosts.execute({ threadId: thread.id, limit: size + 1 })
        : await q.postsAfter.execute({ threadId: thread.id, after, limit: size + 1 });
    const page = rows.slice(0, size);
    const nodes = page.map((r) => r.post);
    return {
      nodes,
      authors: page.map((r) => r.author),
      cursors: nodes.map((p) => String(p.seq)),
      hasNextPage: rows.length > size,
    };
  }

  /** Pins or locks a thread: under `threadLock`, so a reply either lands before the lock or is refused. */
  async setFlags(
    viewer: Viewer | null,
    threadId: string,
    flags: { pinned?: boolean; locked?: boolean },
  ): Promise<ThreadRow> {
    if (!viewer) throw unauthenticated();
    if (!isUuid(threadId)) throw notFound("Thread");
    return unitOfWork(this.db, async ({ tx, lock, afterCommit }) => {
      const thread = await lock(threadLock, threadId);
      if (!thread) throw notFound("Thread");
      const access = await this.communities.access(viewer, thread.communityId, tx);
      assertCanRead(access);
      if (!canModerateThreads(access)) throw forbidden("Only this community's facilitators can pin or lock threads.");
      const [updated] = await tx
        .update(threads)
        .set({ ...flags, updatedAt: new Date() })
        .where(eq(threads.id, thread.id))
        .returning();
      if (!updated) throw notFound("Thread");
      afterCommit(() =>
        this.bus.publish("community", updated.communityId, {
          type: "THREAD_UPDATED",
          communityId: updated.communityId,
          threadId: updated.id,
        }),
      );
      return updated;
    });
  }

  /**
   * Moves the viewer's read marker forward (never back) to a post cursor, or to the end. The
   * marker is the viewer's own row and `greatest` keeps it monotonic, so it takes no lock. The
   * viewer's notifications about the posts it now covers are read with it (thread.read.ts).
   */
  async markRead(viewer: Viewer | null, threadId: string, upTo?: string | null): Promise<ThreadRow> {
    if (!viewer) throw unauthenticated();
    const { thread } = await this.readable(viewer, threadId);
    const explicit = decodeCursor(seqCursor, upTo, "upTo");
    return unitOfWork(this.db, async ({ tx }) => {
      const seq =
        explicit ??
        Number(
          (
            await tx
              .select({ max: sql<number>`coalesce(max(${posts.seq}), 0)` })
              .from(posts)
              .where(eq(posts.threadId, thread.id))
          )[0]?.max ?? 0,
        );
      await tx
        .insert(readMarkers)
        .values({ userId: viewer.id, threadId: thread.id, communityId: thread.communityId, lastReadSeq: seq })
        .onConflictDoUpdate({
          target: [readMarkers.userId, readMarkers.threadId],
          set: {
            lastReadSeq: sql`greatest(${readMarkers.lastReadSeq}, excluded.last_read_seq)`,
            updatedAt: new Date(),
          },
        });
      await readThreadNotifications(tx, viewer.id, thread.id, seq, new Date());
      return thread;
    });
  }

  /** Ephemeral "is typing" signal: not stored, not replayed. */
  async typing(viewer: Viewer | null, threadId: string): Promise<void> {
    if (!viewer) throw unauthenticated();
    const { thread, access } = await this.readable(viewer, threadId);
    if (!canWrite(access)) throw forbidden("Only active members can write here.");
    this.bus.publish("thread", thread.id, { kind: "typing", threadId: thread.id, userId: viewer.id });
  }
}

export function assertCanRead(access: Access): void {
  if (canReadThreads(access)) return;
  // A consortium space does not exist for outsiders: its threads are not found, not "private".
  if (access.community.kind === "CONSORTIUM") throw notFound("Thread");
  throw access.viewer
    ? forbidden("Only members of this community can read its discussions.")
    : unauthenticated("Log in to read this community's discussions.");
}
