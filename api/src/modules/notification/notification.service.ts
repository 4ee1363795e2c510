import { communityMemberships, type Executor, type NotificationRow, notifications, users } from "@pratica/db";
import { and, eq, inArray } from "drizzle-orm";
import type { EventBus } from "../../core/event-bus.js";

export type NotificationKind = NotificationRow["kind"];
type NewNotification = typeof notifications.$inferInsert;

/** Strongest reason first: a user mentioned in a reply to their own post hears "mention" once. */
const PRIORITY: NotificationKind[] = ["MENTION", "REPLY_TO_POST", "REPLY_TO_THREAD"];

export class NotificationService {
  constructor(private readonly bus: EventBus) {}

  /**
   * Works out who hears about a new post and stores it, inside the post's transaction. Only
   * active members of the community are told; the author never hears of their own post.
   */
  async forNewPost(
    tx: Executor,
    post: { id: string; threadId: string; communityId: string; authorId: string; body: string },
    recipients: { threadAuthorId: string; replyToAuthorId: string | null; mentionedHandles: string[] },
  ): Promise<NotificationRow[]> {
    const reasons = new Map<string, NotificationKind>();
    const add = (userId: string | null, kind: NotificationKind) => {
      if (!userId || userId === post.authorId) return;
      const current = reasons.get(userId);
      if (!current || PRIORITY.indexOf(kind) < PRIORITY.indexOf(current)) reasons.set(userId, kind);
    };
    add(recipients.threadAuthorId, "REPLY_TO_THREAD");
    add(recipients.replyToAuthorId, "REPLY_TO_POST");
    if (recipients.mentionedHandles.length) {
      const mentioned = await tx
        .select({ id: users.id })
        .from(users)
        .where(inArray(users.handle, recipients.mentionedHandles));
      for (const u of mentioned) add(u.id, "MENTION");
    }
    if (reasons.size === 0) return [];
    const members = await tx
      .select({ userId: communityMemberships.userId })
      .from(communityMemberships)
      .where(
        and(
          eq(communityMemberships.communityId, post.communityId),
          eq(communityMemberships.status, "ACTIVE"),
          inArray(communityMemberships.userId, [...reasons.keys()]),
        ),
      );
    const excerpt = post.body.replace(/\s+/g, " ").slice(0, 140);
    const rows: NewNotification[] = members.map(({ userId }) => ({
      userId,
      kind: reasons.get(userId) as NotificationKind,
      actorId: post.authorId,
      communityId: post.communityId,
      threadId: post.threadId,
      postId: post.id,
      excerpt,
    }));
    return rows.length ? tx.insert(notifications).values(rows).returning() : [];
  }

  /** Tells a proposer what the curators decided about their resource, inside the decision's transaction. */
  async forResourceDecision(
    tx: Executor,
    decision: { proposerId: string; actorId: string; communityId: string; resourceId: string; excerpt: string },
  ): Promise<NotificationRow[]> {
    if (decision.proposerId === decision.actorId) return [];
    return tx
      .insert(notifications)
      .values({
        userId: decision.proposerId,
        kind: "RESOURCE_DECIDED",
        actorId: decision.actorId,
        communityId: decision.communityId,
        resourceId: decision.resourceId,
        excerpt: decision.excerpt.slice(0, 140),
      })
      .returning();
  }

  /** Amendment news for the people it concerns (never the one who acted), inside the change's transaction. */
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
    const { userIds, excerpt, ...fields } = news;
    const recipients = [...new Set(userIds)].filter((id) => id !== news.actorId);
    if (!recipients.length) return [];
    return tx
      .insert(notifications)
      .values(recipients.map((userId) => ({ ...fields, userId, excerpt: excerpt.replace(/\s+/g, " ").slice(0, 140) })))
      .returning();
  }

  publish(created: NotificationRow[]) {
    for (const n of created) this.bus.publish("user", n.userId, { type: "NOTIFICATION", notificationId: n.id });
  }
}
