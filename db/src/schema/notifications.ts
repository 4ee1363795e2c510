import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns.js";
import { users } from "./identity.js";

export const notificationKind = pgEnum("notification_kind", [
  "REPLY_TO_THREAD",
  "REPLY_TO_POST",
  "MENTION",
  "RESOURCE_DECIDED",
  "AMENDMENT_PROPOSED",
  "AMENDMENT_DECIDED",
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
    excerpt: text("excerpt").notNull().default(""),
    readAt: timestamp("read_at", { precision: 3, withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt, t.id)],
);

export type NotificationRow = typeof notifications.$inferSelect;
