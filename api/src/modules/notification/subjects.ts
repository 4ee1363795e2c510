import {
  amendments,
  communities,
  deliverables,
  type Executor,
  type NotificationRow,
  posts,
  resources,
  threads,
  users,
} from "@pratica/db";
import { and, inArray, isNotNull } from "drizzle-orm";
import type { Locale } from "../../core/context.js";

/** The names and titles notifications point at, looked up once for a batch of them. */
export type Subjects = {
  actor: (n: NotificationRow) => string;
  community: (n: NotificationRow, locale: Locale) => string;
  title: (n: NotificationRow) => string;
  /** The notification's excerpt, or "" once what it quotes is hidden: no email carries hidden text. */
  excerpt: (n: NotificationRow) => string;
};

/** What an email says in place of the title of hidden content. */
const HIDDEN_TITLE = "…";

const ids = (rows: NotificationRow[], pick: (n: NotificationRow) => string | null) => [
  ...new Set(rows.map(pick).filter((id): id is string => id !== null)),
];

export async function lookUpSubjects(tx: Executor, rows: NotificationRow[]): Promise<Subjects> {
  const by = async <T extends { id: string }>(list: string[], load: (list: string[]) => Promise<T[]>) =>
    new Map((list.length ? await load(list) : []).map((r) => [r.id, r]));
  const [actors, places, threadRows, documentRows, resourceRows, hiddenPosts, hiddenAmendments] = await Promise.all([
    by(
      ids(rows, (n) => n.actorId),
      (l) => tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, l)),
    ),
    by(
      ids(rows, (n) => n.communityId),
      (l) =>
        tx
          .select({ id: communities.id, en: communities.name, it: communities.nameIt })
          .from(communities)
          .where(inArray(communities.id, l)),
    ),
    by(
      ids(rows, (n) => n.threadId),
      (l) =>
        tx
          .select({ id: threads.id, title: threads.title, hiddenAt: threads.hiddenAt })
          .from(threads)
          .where(inArray(threads.id, l)),
    ),
    by(
      ids(rows, (n) => n.deliverableId),
      (l) =>
        tx
          .select({ id: deliverables.id, title: deliverables.title })
          .from(deliverables)
          .where(inArray(deliverables.id, l)),
    ),
    by(
      ids(rows, (n) => n.resourceId),
      (l) =>
        tx
          .select({ id: resources.id, title: resources.title, hiddenAt: resources.hiddenAt })
          .from(resources)
          .where(inArray(resources.id, l)),
    ),
    // Only the hidden ones matter here: the others' text is the excerpt already stored.
    by(
      ids(rows, (n) => n.postId),
      (l) =>
        tx
          .select({ id: posts.id })
          .from(posts)
          .where(and(inArray(posts.id, l), isNotNull(posts.hiddenAt))),
    ),
    by(
      ids(rows, (n) => n.amendmentId),
      (l) =>
        tx
          .select({ id: amendments.id })
          .from(amendments)
          .where(and(inArray(amendments.id, l), isNotNull(amendments.hiddenAt))),
    ),
  ]);
  const threadOf = (n: NotificationRow) => (n.threadId ? threadRows.get(n.threadId) : undefined);
  const resourceOf = (n: NotificationRow) => (n.resourceId ? resourceRows.get(n.resourceId) : undefined);
  const quotesHidden = (n: NotificationRow) =>
    (n.postId ? hiddenPosts.has(n.postId) : n.amendmentId ? hiddenAmendments.has(n.amendmentId) : false) ||
    (!n.postId && !!threadOf(n)?.hiddenAt) ||
    !!resourceOf(n)?.hiddenAt;
  return {
    actor: (n) => (n.actorId && actors.get(n.actorId)?.name) || "Pratica",
    community: (n, locale) => {
      const c = n.communityId ? places.get(n.communityId) : undefined;
      if (!c) return "Pratica";
      // In the reader's language, falling back to the other one.
      return (locale === "it" ? c.it || c.en : c.en || c.it) || "Pratica";
    },
    title: (n) => {
      if (threadOf(n)?.hiddenAt || resourceOf(n)?.hiddenAt) return HIDDEN_TITLE;
      return (
        threadOf(n)?.title ||
        (n.deliverableId && documentRows.get(n.deliverableId)?.title) ||
        resourceOf(n)?.title ||
        (quotesHidden(n) ? HIDDEN_TITLE : n.excerpt)
      );
    },
    // Moderation news quotes the moderators' words to the person concerned, not the content.
    excerpt: (n) => (!n.caseId && quotesHidden(n) ? "" : n.excerpt),
  };
}

/** Where a notification leads: a moderation case's page, else straight to the post, else its thread, document or proposal. */
export function pathOf(n: NotificationRow): string {
  if (n.caseId) return `/moderation/cases/${n.caseId}`;
  if (n.threadId) return n.postId ? `/t/${n.threadId}#post-${n.postId}` : `/t/${n.threadId}`;
  if (n.deliverableId) return `/d/${n.deliverableId}`;
  if (n.resourceId) return `/r/${n.resourceId}`;
  return "/notifications";
}

/**
 * What a notification email's unsubscribe link stops. Moderation news follows no watch level (it
 * is about the member's own case), so its link stops notification emails altogether — the one
 * choice that does silence it — and a profile's case, which has no community, is mailed too.
 */
export function emailUnsubscribeScope(
  n: NotificationRow,
): { scope: "THREAD" | "COMMUNITY" | "DELIVERABLE"; id: string } | { scope: "EMAIL" } | null {
  // Organisation news follows no watch level either: its link stops notification emails altogether.
  if (n.caseId || n.organizationId) return { scope: "EMAIL" };
  return mutedBy(n);
}

/** The narrowest scope muting a notification stops: a new thread is the community's news, not the thread's. */
export function mutedBy(n: NotificationRow): { scope: "THREAD" | "COMMUNITY" | "DELIVERABLE"; id: string } | null {
  if (n.kind !== "NEW_THREAD" && n.threadId) return { scope: "THREAD", id: n.threadId };
  if (n.deliverableId) return { scope: "DELIVERABLE", id: n.deliverableId };
  if (n.communityId) return { scope: "COMMUNITY", id: n.communityId };
  return null;
}
