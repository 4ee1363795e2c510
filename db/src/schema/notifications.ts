import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.js";
import { users } from "./identity.js";

export const notificationKind = pgEnum("notification_kind", [
  "REPLY_TO_THREAD",
  "REPLY_TO_POST",
  "MENTION",
  "RESOURCE_DECIDED",
  "AMENDMENT_PROPOSED",
  "AMENDMENT_DECIDED",
  // A new thread in a community the recipient watches.
  "NEW_THREAD",
  // Trust and safety (moderation module): a case for its moderators, the outcome for a reporter,
  // an action or automatic hiding for the author, an appeal and its decision, a case message.
  "CASE_OPENED",
  "REPORT_OUTCOME",
  "MODERATION_ACTION",
  "APPEAL_OPENED",
  "APPEAL_DECIDED",
  "CASE_MESSAGE",
  // The ecosystem (membership-application module): an application submitted or answered (the
  // platform admins), decided or asked for more (its applicant); an organisation withdrawn (admins).
  "APPLICATION_SUBMITTED",
  "APPLICATION_UPDATED",
  "APPLICATION_DECIDED",
  "ORGANIZATION_WITHDRAWN",
  // Decisions: one opened where the recipient votes, a reminder to those who have not voted, an
  // outcome published. Events: a seat offered from the waiting list, a registration confirmed or
  // approved, an event changed or cancelled, the reminder the day before.
  "DECISION_OPENED",
  "DECISION_REMINDER",
  "DECISION_OUTCOME",
  "EVENT_SEAT_OFFERED",
  "EVENT_REGISTRATION",
  "EVENT_CHANGED",
  "EVENT_CANCELLED",
  "EVENT_REMINDER",
  // The HUB: a followed call closes in 14 days; an organisation expressed interest in a partner
  // search (its publisher's people); the publisher confirmed or declined it (the interested party).
  "FUNDING_CALL_CLOSING",
  "PARTNER_INTEREST",
  "PARTNER_INTEREST_DECIDED",
  // Buy Social: a request opened that matches the supplier; a supplier answered (the buyer's
  // people); the buyer shortlisted, awarded or closed (the answering suppliers); a certification
  // verified or rejected by the platform team (the organisation's representatives).
  "SUPPLIER_MATCHED",
  "SUPPLIER_ANSWERED",
  "BUYER_REQUEST_DECIDED",
  "CERTIFICATION_DECIDED",
]);

/** Stored per recipient; `subject_*` point at what the notification is about. */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKind("kind").notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    communityId: uuid("community_id"),
    threadId: uuid("thread_id"),
    postId: uuid("post_id"),
    resourceId: uuid("resource_id"),
    deliverableId: uuid("deliverable_id"),
    amendmentId: uuid("amendment_id"),
    caseId: uuid("case_id"),
    applicationId: uuid("application_id"),
    organizationId: uuid("organization_id"),
    decisionId: uuid("decision_id"),
    eventId: uuid("event_id"),
    fundingCallId: uuid("funding_call_id"),
    partnerSearchId: uuid("partner_search_id"),
    buyerRequestId: uuid("buyer_request_id"),
    excerpt: text("excerpt").notNull().default(""),
    readAt: timestamp("read_at", { precision: 3, withTimezone: true, mode: "date" }),
    /** When it went out by email (immediately or in a digest); a digest takes the unread, unsent ones. */
    emailedAt: timestamp("emailed_at", { precision: 3, withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt, t.id),
    // What a digest reads: a member's unread notifications not yet emailed.
    index("notifications_undelivered_idx")
      .on(t.userId, t.createdAt)
      .where(sql`${t.readAt} IS NULL AND ${t.emailedAt} IS NULL`),
  ],
);

export const watchLevel = pgEnum("watch_level", ["WATCHING", "TRACKING", "NORMAL", "MUTED"]);
export const watchScope = pgEnum("watch_scope", ["COMMUNITY", "THREAD", "DELIVERABLE"]);

/**
 * A member's chosen level for one community, thread or document. No row means the default
 * (`notification` module's rules say which); a row is kept also when set back to NORMAL, since an
 * explicit choice outranks the defaults.
 */
export const watches = pgTable(
  "watches",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    scope: watchScope("scope").notNull(),
    scopeId: uuid("scope_id").notNull(),
    level: watchLevel("level").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("watches_user_scope_idx").on(t.userId, t.scope, t.scopeId),
    // Who watches a thread or a community, when a reply or a thread is added.
    index("watches_scope_idx").on(t.scope, t.scopeId, t.level),
  ],
);

export type NotificationRow = typeof notifications.$inferSelect;
export type WatchRow = typeof watches.$inferSelect;
