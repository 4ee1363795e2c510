import {
  amendments,
  deliverableComments,
  type Executor,
  type ModerationTargetKind,
  posts,
  resources,
  threads,
  users,
} from "@pratica/db";
import { eq } from "drizzle-orm";
import type { EventBus } from "../../core/event-bus.js";
import { isUuid } from "../../core/ids.js";
import type { Work } from "../../core/unit-of-work.js";
import { deliverableLock } from "../deliverable/deliverable.events.js";
import { resourceLock } from "../library/resource.service.js";
import { publishThreadEvent, recordThreadEvent, threadLock } from "../thread/thread.events.js";

/** A reported thing, as moderation needs it: where it lives, whose it is, what it says, where to read it. */
export type Target = {
  kind: ModerationTargetKind;
  id: string;
  /** Null for a profile: its cases are the platform admins'. */
  communityId: string | null;
  authorId: string;
  /** Plain text, at most 280 characters: what the queue shows of it. */
  excerpt: string;
  /** The web path of the content in its context (the same routes as `ModerationCase.targetPath`). */
  path: string;
  /** Set on a deleted post or account: such targets are not reported. */
  deleted: boolean;
  hiddenAt: Date | null;
  hiddenCaseId: string | null;
  /** For posts and threads: the thread; for comments and amendments: the document; for resources, itself. */
  parentId: string | null;
};

export const EXCERPT_MAX = 280;

const excerpt = (...parts: (string | null | undefined)[]) =>
  parts
    .filter((p): p is string => !!p)
    .join(" — ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, EXCERPT_MAX);

/** Loads a target by kind and id; undefined when there is none (or the id is not one). */
export async function loadTarget(tx: Executor, kind: ModerationTargetKind, id: string): Promise<Target | undefined> {
  if (!isUuid(id)) return undefined;
  switch (kind) {
    case "POST": {
      const [p] = await tx.select().from(posts).where(eq(posts.id, id)).limit(1);
      if (!p) return undefined;
      return {
        kind,
        id,
        communityId: p.communityId,
        authorId: p.authorId,
        excerpt: excerpt(p.body),
        path: `/t/${p.threadId}#post-${p.id}`,
        deleted: p.deletedAt !== null,
        hiddenAt: p.hiddenAt,
        hiddenCaseId: p.hiddenCaseId,
        parentId: p.threadId,
      };
    }
    case "THREAD": {
      const [t] = await tx.select().from(threads).where(eq(threads.id, id)).limit(1);
      if (!t) return undefined;
      return {
        kind,
        id,
        communityId: t.communityId,
        authorId: t.authorId,
        excerpt: excerpt(t.title, t.body),
        path: `/t/${t.id}`,
        deleted: false,
        hiddenAt: t.hiddenAt,
        hiddenCaseId: t.hiddenCaseId,
        parentId: t.id,
      };
    }
    case "RESOURCE": {
      const [r] = await tx.select().from(resources).where(eq(resources.id, id)).limit(1);
      if (!r) return undefined;
      return {
        kind,
        id,
        communityId: r.communityId,
        authorId: r.proposerId,
        excerpt: excerpt(r.title, r.summary),
        path: `/r/${r.id}`,
        deleted: false,
        hiddenAt: r.hiddenAt,
        hiddenCaseId: r.hiddenCaseId,
        parentId: r.id,
      };
    }
    case "COMMENT": {
      const [c] = await tx.select().from(deliverableComments).where(eq(deliverableComments.id, id)).limit(1);
      if (!c) return undefined;
      return {
        kind,
        id,
        communityId: c.communityId,
        authorId: c.authorId,
        excerpt: excerpt(c.body),
        path: c.sectionId ? `/d/${c.deliverableId}#section-${c.sectionId}` : `/d/${c.deliverableId}`,
        deleted: false,
        hiddenAt: c.hiddenAt,
        hiddenCaseId: c.hiddenCaseId,
        parentId: c.deliverableId,
      };
    }
    case "AMENDMENT": {
      const [a] = await tx.select().from(amendments).where(eq(amendments.id, id)).limit(1);
      if (!a) return undefined;
      return {
        kind,
        id,
        communityId: a.communityId,
        authorId: a.proposerId,
        excerpt: excerpt(a.rationale, a.body),
        path: `/d/${a.deliverableId}#section-${a.sectionId}`,
        deleted: false,
        hiddenAt: a.hiddenAt,
        hiddenCaseId: a.hiddenCaseId,
        parentId: a.deliverableId,
      };
    }
    case "USER": {
      const [u] = await tx.select().from(users).where(eq(users.id, id)).limit(1);
      if (!u) return undefined;
      return {
        kind,
        id,
        communityId: null,
        authorId: u.id,
        excerpt: excerpt(u.displayName, u.bio),
        // There is no public profile page: admins find the account among the members.
        path: `/admin/members?q=${encodeURIComponent(u.handle)}`,
        deleted: u.deletedAt !== null,
        hiddenAt: u.hiddenAt,
        hiddenCaseId: u.hiddenCaseId,
        parentId: null,
      };
    }
  }
}

/**
 * Takes the lock of the aggregate that holds the target (a post's or thread's thread, a
 * comment's or amendment's document, a resource), first thing in a moderation write: hiding
 * writes under the same lock as the content's own writers (an edit, a delete, a new thread
 * event). LOCK_ORDER puts these kinds before "moderationCase", which is taken next. A profile
 * has no aggregate lock: its case row serialises its moderation.
 */
export async function lockTargetAggregate(
  w: Pick<Work, "lock">,
  target: Pick<Target, "kind" | "parentId">,
): Promise<void> {
  if (!target.parentId) return;
  if (target.kind === "POST" || target.kind === "THREAD") await w.lock(threadLock, target.parentId);
  else if (target.kind === "RESOURCE") await w.lock(resourceLock, target.parentId);
  else await w.lock(deliverableLock, target.parentId);
}

/** The table each kind of target lives in: every one carries `hidden_at` and `hidden_case_id`. */
export const TARGET_TABLES = {
  POST: posts,
  THREAD: threads,
  RESOURCE: resources,
  COMMENT: deliverableComments,
  AMENDMENT: amendments,
  USER: users,
} as const;

/**
 * Hides (caseId given) or shows again (null) a target, inside the unit of work that holds its
 * aggregate's lock. A post also records a thread event (POST_HIDDEN / POST_RESTORED) so open
 * thread pages update live; a thread tells its community's lists. Both are published after commit.
 */
export async function setHidden(
  w: Pick<Work, "tx" | "afterCommit">,
  bus: EventBus,
  target: Target,
  hide: { caseId: string; at: Date } | null,
  actorId: string | null,
): Promise<void> {
  const table = TARGET_TABLES[target.kind];
  await w.tx
    .update(table)
    .set({ hiddenAt: hide?.at ?? null, hiddenCaseId: hide?.caseId ?? null })
    .where(eq(table.id, target.id));
  if (target.kind === "POST" && target.parentId && target.communityId) {
    const event = await recordThreadEvent(w.tx, {
      threadId: target.parentId,
      communityId: target.communityId,
      type: hide ? "POST_HIDDEN" : "POST_RESTORED",
      postId: target.id,
      actorId,
    });
    w.afterCommit(() => publishThreadEvent(bus, event));
  }
  if (target.kind === "THREAD" && target.communityId) {
    const communityId = target.communityId;
    w.afterCommit(() =>
      bus.publish("community", communityId, { type: "THREAD_UPDATED", communityId, threadId: target.id }),
    );
  }
}

/** Whether this case is what hides the target now. */
export const hiddenBy = (target: Pick<Target, "hiddenAt" | "hiddenCaseId">, caseId: string): boolean =>
  target.hiddenAt !== null && target.hiddenCaseId === caseId;
