import {
  amendments,
  buyerRequests,
  communities,
  deliverables,
  type Executor,
  events,
  fundingCalls,
  membershipApplications,
  type NotificationRow,
  organizations,
  partnerSearches,
  posts,
  resources,
  threads,
  users,
} from "@pratica/db";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Locale } from "../../core/context.js";

/** The names and titles notifications point at, looked up once for a batch of them. */
export type Subjects = {
  actor: (n: NotificationRow) => string;
  community: (n: NotificationRow, locale: Locale) => string;
  /** The title, or for ecosystem news the organisation's name in `locale` (English when not given). */
  title: (n: NotificationRow, locale?: Locale) => string;
  /** Where it leads (pathOf, with the organisation's slug for ecosystem news). */
  path: (n: NotificationRow) => string;
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
  const { organizationRows, applicationRows } = await lookUpEcosystem(tx, rows);
  const eventIds = ids(rows, (n) => n.eventId);
  const eventRows = new Map(
    (eventIds.length
      ? await tx
          .select({ id: events.id, en: events.title, it: events.titleIt })
          .from(events)
          .where(inArray(events.id, eventIds))
      : []
    ).map((e) => [e.id, e]),
  );
  const toolTitles = await lookUpToolTitles(tx, rows);
  const ecosystemName = (n: NotificationRow, locale: Locale) => {
    const named =
      (n.organizationId && organizationRows.get(n.organizationId)) ||
      (n.applicationId && applicationRows.get(n.applicationId));
    return named ? (locale === "it" ? named.it || named.en : named.en || named.it) : undefined;
  };
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
    title: (n, locale = "en") => {
      const organisation = ecosystemName(n, locale);
      if (organisation) return organisation;
      // An event's title in the reader's language, falling back to the other one.
      const event = n.eventId ? eventRows.get(n.eventId) : undefined;
      if (event) return (locale === "it" ? event.it || event.en : event.en || event.it) || n.excerpt;
      const tool = toolTitles(n);
      if (tool) return tool;
      if (threadOf(n)?.hiddenAt || resourceOf(n)?.hiddenAt) return HIDDEN_TITLE;
      return (
        threadOf(n)?.title ||
        (n.deliverableId && documentRows.get(n.deliverableId)?.title) ||
        resourceOf(n)?.title ||
        (quotesHidden(n) ? HIDDEN_TITLE : n.excerpt)
      );
    },
    path: (n) => {
      const slug = n.organizationId ? organizationRows.get(n.organizationId)?.slug : undefined;
      return ecosystemPath(n, slug) ?? pathOf(n);
    },
    // Moderation news quotes the moderators' words to the person concerned, not the content.
    excerpt: (n) => (!n.caseId && quotesHidden(n) ? "" : n.excerpt),
  };
}

/** The titles of the calls (a partner search's is its call's) and buyer requests HUB and Buy Social news names. */
async function lookUpToolTitles(tx: Executor, rows: NotificationRow[]) {
  const callIds = ids(rows, (n) => (n.partnerSearchId ? null : n.fundingCallId));
  const searchIds = ids(rows, (n) => n.partnerSearchId);
  const requestIds = ids(rows, (n) => n.buyerRequestId);
  const [calls, searches, requests] = await Promise.all([
    callIds.length
      ? tx
          .select({ id: fundingCalls.id, title: fundingCalls.title })
          .from(fundingCalls)
          .where(inArray(fundingCalls.id, callIds))
      : [],
    searchIds.length
      ? tx
          .select({ id: partnerSearches.id, title: fundingCalls.title })
          .from(partnerSearches)
          .innerJoin(fundingCalls, eq(fundingCalls.id, partnerSearches.callId))
          .where(inArray(partnerSearches.id, searchIds))
      : [],
    requestIds.length
      ? tx
          .select({ id: buyerRequests.id, title: buyerRequests.title })
          .from(buyerRequests)
          .where(inArray(buyerRequests.id, requestIds))
      : [],
  ]);
  const titles = new Map([...calls, ...searches, ...requests].map((r) => [r.id, r.title]));
  return (n: NotificationRow): string | undefined =>
    (n.partnerSearchId && titles.get(n.partnerSearchId)) ||
    (n.fundingCallId && titles.get(n.fundingCallId)) ||
    (n.buyerRequestId && titles.get(n.buyerRequestId)) ||
    undefined;
}

/** The organisations and applications ecosystem news names (by id, with both names). */
async function lookUpEcosystem(tx: Executor, rows: NotificationRow[]) {
  const organizationIds = ids(rows, (n) => n.organizationId);
  const applicationIds = ids(rows, (n) => n.applicationId);
  const [orgs, apps] = await Promise.all([
    organizationIds.length
      ? tx
          .select({ id: organizations.id, slug: organizations.slug, en: organizations.name, it: organizations.nameIt })
          .from(organizations)
          .where(inArray(organizations.id, organizationIds))
      : [],
    applicationIds.length
      ? tx
          .select({ id: membershipApplications.id, en: membershipApplications.name, it: membershipApplications.nameIt })
          .from(membershipApplications)
          .where(inArray(membershipApplications.id, applicationIds))
      : [],
  ]);
  return {
    organizationRows: new Map(orgs.map((o) => [o.id, o])),
    applicationRows: new Map(apps.map((a) => [a.id, a])),
  };
}

/**
 * Where ecosystem news leads: the admins' review page for an application submitted or updated,
 * the applicant's own applications for a decision, the organisation's page for a withdrawal (and
 * for a decision told to the new representative, who is not the applicant). Undefined otherwise.
 */
export function ecosystemPath(n: NotificationRow, organizationSlug?: string): string | undefined {
  switch (n.kind) {
    case "APPLICATION_SUBMITTED":
    case "APPLICATION_UPDATED":
      return n.applicationId ? `/admin/applications/${n.applicationId}` : "/admin/applications";
    case "APPLICATION_DECIDED":
      if (n.applicationId) return "/partners/applications";
      return organizationSlug ? `/partners/${organizationSlug}` : "/partners";
    case "ORGANIZATION_WITHDRAWN":
      return organizationSlug ? `/partners/${organizationSlug}` : "/partners";
    case "CERTIFICATION_DECIDED":
      return organizationSlug ? `/partners/${organizationSlug}/supplier` : "/buy-social";
    default:
      return undefined;
  }
}

/** Where a notification leads: a moderation case's page, else straight to the post, else its thread, document or proposal. */
export function pathOf(n: NotificationRow): string {
  if (n.caseId) return `/moderation/cases/${n.caseId}`;
  if (n.decisionId) return `/decisions/${n.decisionId}`;
  if (n.threadId) return n.postId ? `/t/${n.threadId}#post-${n.postId}` : `/t/${n.threadId}`;
  if (n.deliverableId) return `/d/${n.deliverableId}`;
  if (n.resourceId) return `/r/${n.resourceId}`;
  if (n.eventId) return `/events/${n.eventId}`;
  if (n.partnerSearchId) return `/hub/searches/${n.partnerSearchId}`;
  if (n.fundingCallId) return `/hub/calls/${n.fundingCallId}`;
  if (n.buyerRequestId) return `/buy-social/requests/${n.buyerRequestId}`;
  return "/notifications";
}

/**
 * What a notification email's unsubscribe link stops. Moderation and ecosystem news follow no watch
 * level (they are about the member's own case, application or organisation, or an admin's review),
 * so their link stops notification emails altogether — the one
 * choice that does silence it — and a profile's case, which has no community, is mailed too.
 */
export function emailUnsubscribeScope(
  n: NotificationRow,
): { scope: "THREAD" | "COMMUNITY" | "DELIVERABLE"; id: string } | { scope: "EMAIL" } | null {
  // Moderation and ecosystem news follow no watch level: the link stops notification emails altogether.
  // Event news is about the reader's own registration: it follows no watch level either.
  // So is HUB and Buy Social news: about a call the reader follows, or their organisation's dealings.
  if (
    n.caseId ||
    n.applicationId ||
    n.organizationId ||
    n.eventId ||
    n.fundingCallId ||
    n.partnerSearchId ||
    n.buyerRequestId
  )
    return { scope: "EMAIL" };
  return mutedBy(n);
}

/** The narrowest scope muting a notification stops: a new thread is the community's news, not the thread's. */
export function mutedBy(n: NotificationRow): { scope: "THREAD" | "COMMUNITY" | "DELIVERABLE"; id: string } | null {
  if (n.kind !== "NEW_THREAD" && n.threadId) return { scope: "THREAD", id: n.threadId };
  if (n.deliverableId) return { scope: "DELIVERABLE", id: n.deliverableId };
  if (n.communityId) return { scope: "COMMUNITY", id: n.communityId };
  return null;
}
