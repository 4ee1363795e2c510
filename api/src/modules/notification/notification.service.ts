import { type Executor, type NotificationRow, notifications, users } from "@pratica/db";
import { inArray } from "drizzle-orm";
import type { EventBus } from "../../core/event-bus.js";
import { type Candidate, candidates, explicitLevels, facilitators, participants, watchingIn } from "./audience.js";
import type { NotificationMailer } from "./delivery.js";
import {
  communityLevel,
  deliverableLevel,
  type EffectiveLevel,
  hears,
  type Reason,
  threadLevel,
} from "./watch-levels.js";

export type NotificationKind = NotificationRow["kind"];
type NewNotification = typeof notifications.$inferInsert;
export type ModerationKind = Extract<
  NotificationKind,
  "CASE_OPENED" | "REPORT_OUTCOME" | "MODERATION_ACTION" | "APPEAL_OPENED" | "APPEAL_DECIDED" | "CASE_MESSAGE"
>;

export type EcosystemKind = Extract<
  NotificationKind,
  "APPLICATION_SUBMITTED" | "APPLICATION_UPDATED" | "APPLICATION_DECIDED" | "ORGANIZATION_WITHDRAWN"
>;

export type DecisionKind = Extract<NotificationKind, "DECISION_OPENED" | "DECISION_REMINDER" | "DECISION_OUTCOME">;
export type EventKind = Extract<
  NotificationKind,
  "EVENT_SEAT_OFFERED" | "EVENT_REGISTRATION" | "EVENT_CHANGED" | "EVENT_CANCELLED" | "EVENT_REMINDER"
>;

export type HubKind = Extract<
  NotificationKind,
  "FUNDING_CALL_CLOSING" | "PARTNER_INTEREST" | "PARTNER_INTEREST_DECIDED"
>;
export type BuySocialKind = Extract<
  NotificationKind,
  "SUPPLIER_MATCHED" | "SUPPLIER_ANSWERED" | "BUYER_REQUEST_DECIDED" | "CERTIFICATION_DECIDED"
>;

/** Strongest reason first: a user mentioned in a reply to their own post hears "mention" once. */
const PRIORITY: NotificationKind[] = ["MENTION", "REPLY_TO_POST", "REPLY_TO_THREAD", "NEW_THREAD"];
const PERSONAL: ReadonlySet<NotificationKind> = new Set(["MENTION", "REPLY_TO_POST"]);

/**
 * Who is told about a write, in one place (Discourse's PostAlerter): the reasons each person has
 * (mentioned, quoted, watching), their watch level on the subject (watch-levels.ts), whether they
 * may read it; then the rows are stored and, for those who chose it, emailed at once — all inside
 * the write's own transaction. Other modules call it and never insert notifications themselves.
 */
export class NotificationService {
  constructor(
    private readonly bus: EventBus,
    private readonly mailer: NotificationMailer,
  ) {}

  /**
   * A reply: the thread's watchers (by default those who started or replied to it), the author
   * of the quoted post and the mentioned. The author never hears of their own post.
   */
  async forNewPost(
    tx: Executor,
    post: { id: string; threadId: string; communityId: string; authorId: string; body: string },
    recipients: { threadAuthorId: string; replyToAuthorId: string | null; mentionedHandles: string[] },
  ): Promise<NotificationRow[]> {
    const reasons = new Reasons(post.authorId);
    reasons.add(recipients.replyToAuthorId, "REPLY_TO_POST");
    for (const id of await this.handles(tx, recipients.mentionedHandles)) reasons.add(id, "MENTION");
    const explicit = await explicitLevels(
      tx,
      { scope: "THREAD", id: post.threadId },
      { scope: "COMMUNITY", id: post.communityId },
    );
    const took = await participants(tx, { id: post.threadId, authorId: recipients.threadAuthorId });
    for (const id of [...took, ...watchingIn(explicit)]) reasons.add(id, "REPLY_TO_THREAD");
    const level = (c: Candidate) => threadLevel(explicit.get(c.id) ?? {}, took.has(c.id));
    return this.store(tx, await this.decide(tx, post.communityId, reasons, level), {
      actorId: post.authorId,
      communityId: post.communityId,
      threadId: post.threadId,
      postId: post.id,
      excerpt: excerptOf(post.body),
    });
  }

  /** A new thread: the community's watchers (by default its facilitators) and those mentioned in it. */
  async forNewThread(
    tx: Executor,
    thread: { id: string; communityId: string; authorId: string; body: string },
    mentionedHandles: string[],
  ): Promise<NotificationRow[]> {
    const reasons = new Reasons(thread.authorId);
    for (const id of await this.handles(tx, mentionedHandles)) reasons.add(id, "MENTION");
    const explicit = await explicitLevels(tx, { scope: "COMMUNITY", id: thread.communityId }, null);
    for (const id of [...(await facilitators(tx, thread.communityId)), ...watchingIn(explicit)])
      reasons.add(id, "NEW_THREAD");
    const level = (c: Candidate) => communityLevel(explicit.get(c.id)?.own, c.facilitator);
    return this.store(tx, await this.decide(tx, thread.communityId, reasons, level), {
      actorId: thread.authorId,
      communityId: thread.communityId,
      threadId: thread.id,
      excerpt: excerptOf(thread.body),
    });
  }

  /** Tells a proposer what the curators decided about their resource, unless they muted the community. */
  async forResourceDecision(
    tx: Executor,
    decision: { proposerId: string; actorId: string; communityId: string; resourceId: string; excerpt: string },
  ): Promise<NotificationRow[]> {
    const reasons = new Reasons(decision.actorId);
    reasons.add(decision.proposerId, "RESOURCE_DECIDED");
    const explicit = await explicitLevels(tx, { scope: "COMMUNITY", id: decision.communityId }, null);
    const level = (c: Candidate) => communityLevel(explicit.get(c.id)?.own, false);
    const decided = await this.decide(tx, decision.communityId, reasons, level, { personal: true, anyone: true });
    return this.store(tx, decided, {
      actorId: decision.actorId,
      communityId: decision.communityId,
      resourceId: decision.resourceId,
      excerpt: decision.excerpt.slice(0, 140),
    });
  }

  /**
   * A moderator deleted someone's post: its author is told why, whatever their watch levels (it
   * is about their own content), in the app and by email as their delivery preference says.
   */
  async forPostDeletedByModerator(
    tx: Executor,
    d: { authorId: string; actorId: string; communityId: string; threadId: string; postId: string; reason: string },
  ): Promise<NotificationRow[]> {
    if (d.authorId === d.actorId) return [];
    return this.store(tx, new Map([[d.authorId, "MODERATION_ACTION"]]), {
      actorId: d.actorId,
      communityId: d.communityId,
      threadId: d.threadId,
      postId: d.postId,
      excerpt: excerptOf(d.reason),
    });
  }

  /**
   * Amendment news: the people it concerns (its proposer, the document's editors) and the
   * document's watchers among the community's members, never the one who acted.
   */
  async forAmendment(
    tx: Executor,
    news: {
      kind: "AMENDMENT_PROPOSED" | "AMENDMENT_DECIDED";
      userIds: string[];
      actorId: string;
      communityId: string;
      deliverableId: string;
      amendmentId: string;
      excerpt: string;
    },
  ): Promise<NotificationRow[]> {
    const reasons = new Reasons(news.actorId);
    const concerned = new Set(news.userIds);
    const explicit = await explicitLevels(
      tx,
      { scope: "DELIVERABLE", id: news.deliverableId },
      { scope: "COMMUNITY", id: news.communityId },
    );
    for (const id of [...concerned, ...watchingIn(explicit)]) reasons.add(id, news.kind);
    const level = (c: Candidate) => deliverableLevel(explicit.get(c.id) ?? {});
    // Those it concerns are told whatever their membership (an editor may have left); watchers
    // only as members, who may see every document of the community.
    const members = await this.decide(tx, news.communityId, reasons, level, { personal: false, anyone: false });
    const concernedOnes = await this.decide(tx, news.communityId, reasons.only(concerned), level, {
      personal: true,
      anyone: true,
    });
    const chosen = new Map([...members, ...concernedOnes]);
    return this.store(tx, chosen, {
      actorId: news.actorId,
      communityId: news.communityId,
      deliverableId: news.deliverableId,
      amendmentId: news.amendmentId,
      excerpt: excerptOf(news.excerpt),
    });
  }

  /**
   * Moderation news (a case opened, a report's outcome, a decision, an appeal, a case message):
   * told to exactly the people the moderation service names, whatever their watch levels (muting
   * a community must not hide a sanction or an appeal's outcome), by email as each one chose.
   */
  async forModeration(
    tx: Executor,
    news: {
      kind: ModerationKind;
      userIds: Iterable<string>;
      actorId: string | null;
      communityId: string | null;
      caseId: string;
      excerpt: string;
    },
  ): Promise<NotificationRow[]> {
    return this.toNamed(tx, news, {
      actorId: news.actorId,
      communityId: news.communityId,
      caseId: news.caseId,
      excerpt: excerptOf(news.excerpt),
    });
  }

  /**
   * Ecosystem news (an application submitted, answered or decided; an organisation withdrawn):
   * told to exactly the people the calling module names (the platform admins, the applicant, the
   * representatives), whatever their watch levels, which concern communities and content; never
   * the one who acted. Emailed as each one chose (subjects.ts: its unsubscribe link stops
   * notification emails, the one choice that silences it).
   */
  async forEcosystem(
    tx: Executor,
    news: {
      kind: EcosystemKind;
      userIds: Iterable<string>;
      actorId: string | null;
      applicationId?: string | null;
      organizationId?: string | null;
      excerpt: string;
    },
  ): Promise<NotificationRow[]> {
    return this.toNamed(tx, news, {
      actorId: news.actorId,
      applicationId: news.applicationId ?? null,
      organizationId: news.organizationId ?? null,
      excerpt: excerptOf(news.excerpt),
    });
  }

  /**
   * News about a partner organisation (it withdrew): told to exactly the people the caller names
   * (the admins, its representatives), whatever their watch levels, by email as each one chose.
   */
  forOrganization(
    tx: Executor,
    news: {
      kind: Extract<NotificationKind, "ORGANIZATION_WITHDRAWN">;
      userIds: Iterable<string>;
      actorId: string | null;
      organizationId: string;
      excerpt: string;
    },
  ): Promise<NotificationRow[]> {
    return this.forEcosystem(tx, news);
  }

  /**
   * Event news (a seat offered, a registration decided, the event changed or cancelled, the
   * reminder): told to exactly the participants the events module names, whatever their watch
   * levels (it is about their own registration), never the one who acted; emailed as each chose.
   */
  forEvent(
    tx: Executor,
    news: {
      kind: EventKind;
      userIds: Iterable<string>;
      actorId: string | null;
      eventId: string;
      communityId: string | null;
      excerpt: string;
    },
  ): Promise<NotificationRow[]> {
    return this.toNamed(tx, news, {
      actorId: news.actorId,
      eventId: news.eventId,
      communityId: news.communityId,
      excerpt: excerptOf(news.excerpt),
    });
  }

  /**
   * Decision news (opened to the electorate, a reminder to those who have not voted, the outcome):
   * told to exactly the people the decision module names, whatever their watch levels (a vote
   * asked of them is personal), never the one who acted; emailed as each one chose.
   */
  forDecision(
    tx: Executor,
    news: {
      kind: DecisionKind;
      userIds: Iterable<string>;
      actorId: string | null;
      communityId: string;
      decisionId: string;
      title: string;
    },
  ): Promise<NotificationRow[]> {
    return this.toNamed(tx, news, {
      actorId: news.actorId,
      communityId: news.communityId,
      decisionId: news.decisionId,
      excerpt: excerptOf(news.title),
    });
  }

  /**
   * HUB news (a followed call closing, interest in a partner search, its answer): told to exactly
   * the people the HUB modules name (followers, the organisations' people), whatever their watch
   * levels, never the one who acted; emailed as each one chose. `excerpt` names the organisation
   * or quotes the message.
   */
  forHub(
    tx: Executor,
    news: {
      kind: HubKind;
      userIds: Iterable<string>;
      actorId: string | null;
      fundingCallId: string;
      partnerSearchId?: string;
      excerpt: string;
    },
  ): Promise<NotificationRow[]> {
    return this.toNamed(tx, news, {
      actorId: news.actorId,
      fundingCallId: news.fundingCallId,
      partnerSearchId: news.partnerSearchId ?? null,
      excerpt: excerptOf(news.excerpt),
    });
  }

  /**
   * Buy Social news (a matching request, an answer, the buyer's decision, a certification
   * reviewed): told to exactly the people the buy-social modules name. A certification's news
   * carries its organisation (the title is its name); the others their request.
   */
  forBuySocial(
    tx: Executor,
    news: {
      kind: BuySocialKind;
      userIds: Iterable<string>;
      actorId: string | null;
      buyerRequestId?: string;
      organizationId?: string;
      excerpt: string;
    },
  ): Promise<NotificationRow[]> {
    return this.toNamed(tx, news, {
      actorId: news.actorId,
      buyerRequestId: news.buyerRequestId ?? null,
      organizationId: news.organizationId ?? null,
      excerpt: excerptOf(news.excerpt),
    });
  }

  publish(created: NotificationRow[]) {
    for (const n of created) this.bus.publish("user", n.userId, { type: "NOTIFICATION", notificationId: n.id });
  }

  private async handles(tx: Executor, handles: string[]): Promise<string[]> {
    if (!handles.length) return [];
    return (await tx.select({ id: users.id }).from(users).where(inArray(users.handle, handles))).map((u) => u.id);
  }

  /**
   * Keeps those who may read the subject and whose level lets the reason through. Mentions and
   * replies reach active members only (as before watch levels); watchers anyone who may read it.
   * `override` treats every reason as personal and lets non-members through (news about what
   * they did themselves).
   */
  private async decide(
    tx: Executor,
    communityId: string,
    reasons: Reasons,
    level: (c: Candidate) => EffectiveLevel,
    override?: { personal: boolean; anyone: boolean },
  ): Promise<Map<string, NotificationKind>> {
    const chosen = new Map<string, NotificationKind>();
    for (const c of await candidates(tx, communityId, reasons.ids())) {
      const kind = reasons.kindOf(c.id);
      if (!kind) continue;
      const personal = override?.personal ?? PERSONAL.has(kind);
      const reason: Reason = personal ? "personal" : "activity";
      const allowed = override?.anyone || (personal ? c.member : c.reads);
      if (allowed && hears(level(c).level, reason)) chosen.set(c.id, kind);
    }
    return chosen;
  }

  /**
   * News told to exactly the people the calling module names (moderation, the ecosystem, events,
   * decisions), whatever their watch levels, never the one who acted; emailed as each one chose.
   */
  private toNamed(
    tx: Executor,
    news: { kind: NotificationKind; userIds: Iterable<string>; actorId: string | null },
    fields: Omit<NewNotification, "userId" | "kind">,
  ): Promise<NotificationRow[]> {
    const chosen = new Map<string, NotificationKind>();
    for (const id of news.userIds) if (id !== news.actorId) chosen.set(id, news.kind);
    return this.store(tx, chosen, fields);
  }

  private async store(
    tx: Executor,
    chosen: Map<string, NotificationKind>,
    fields: Omit<NewNotification, "userId" | "kind">,
  ): Promise<NotificationRow[]> {
    if (!chosen.size) return [];
    const rows: NewNotification[] = [...chosen].map(([userId, kind]) => ({ ...fields, userId, kind }));
    const created = await tx.insert(notifications).values(rows).returning();
    await this.mailer.immediate(tx, created);
    return created;
  }
}

/** Each person's strongest reason to hear of a write; the actor is never told. */
class Reasons {
  private readonly byUser = new Map<string, NotificationKind>();
  constructor(private readonly actorId: string) {}

  add(userId: string | null, kind: NotificationKind) {
    if (!userId || userId === this.actorId) return;
    const current = this.byUser.get(userId);
    if (!current || PRIORITY.indexOf(kind) < PRIORITY.indexOf(current)) this.byUser.set(userId, kind);
  }
  ids() {
    return this.byUser.keys();
  }
  kindOf(userId: string) {
    return this.byUser.get(userId);
  }
  only(ids: Set<string>): Reasons {
    const subset = new Reasons(this.actorId);
    for (const [id, kind] of this.byUser) if (ids.has(id)) subset.add(id, kind);
    return subset;
  }
}

const excerptOf = (text: string) => text.replace(/\s+/g, " ").slice(0, 140);
