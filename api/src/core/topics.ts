/**
 * Every message the event bus carries, by topic: the one typed map of them. Messages are small
 * and JSON-safe (they cross Redis); subscribers load what they show from the database.
 */
export type DurableThreadEventType = "POST_ADDED" | "POST_EDITED" | "POST_DELETED" | "REACTION_CHANGED";

export type ThreadMessage =
  | { kind: "durable"; eventId: number; type: DurableThreadEventType; threadId: string; postId: string }
  | { kind: "typing"; threadId: string; userId: string };

export type DurableDeliverableEventType =
  | "DELIVERABLE_UPDATED"
  | "SECTION_UPDATED"
  | "SECTIONS_REORDERED"
  | "AMENDMENT_PROPOSED"
  | "AMENDMENT_DECIDED"
  | "COMMENT_ADDED"
  | "COMMENT_RESOLVED"
  | "STATUS_CHANGED"
  | "ENDORSED"
  | "ENDORSEMENT_WITHDRAWN";

export type DeliverableMessage =
  | {
      kind: "durable";
      eventId: number;
      type: DurableDeliverableEventType;
      deliverableId: string;
      subjectId: string | null;
    }
  /** Who is looking at the document, and which section they edit; never stored as an event. */
  | { kind: "presence"; deliverableId: string; userId: string; sectionId: string | null; active: boolean };

export type CommunityMessage =
  | { type: "THREAD_CREATED" | "THREAD_UPDATED"; communityId: string; threadId: string }
  | { type: "RESOURCE_PUBLISHED"; communityId: string; resourceId: string };

export type UserMessage =
  | { type: "NOTIFICATION"; notificationId: string }
  /** The user's membership in a community changed: open subscriptions re-check access. */
  | { type: "MEMBERSHIP_CHANGED"; communityId: string };

/**
 * A login session ended before its expiry (logout): every api instance closes the sockets of
 * that session. One process-wide topic, not one per session: see server/ws-sessions.ts.
 */
export type SessionMessage = { type: "REVOKED"; sessionId: string };

export type Topics = {
  thread: [threadId: string, message: ThreadMessage];
  community: [communityId: string, message: CommunityMessage];
  deliverable: [deliverableId: string, message: DeliverableMessage];
  user: [userId: string, message: UserMessage];
  session: [message: SessionMessage];
};
