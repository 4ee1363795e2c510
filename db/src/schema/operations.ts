import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns.js";

/**
 * What platform admins did (and, later, moderators): who, when, what, on what, the state before
 * and after. Append-only: a trigger (migration 0007) refuses UPDATE and DELETE, so an entry once
 * written stays as written.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    // No foreign key: the log outlives what it names, and a cascade would be an UPDATE it refuses.
    actorId: uuid("actor_id"),
    /** e.g. `community.create`, `organization.update`, `user.grant_admin`. */
    action: text("action").notNull(),
    targetKind: text("target_kind").notNull(),
    targetId: uuid("target_id"),
    before: jsonb("before").$type<Record<string, unknown> | null>(),
    after: jsonb("after").$type<Record<string, unknown> | null>(),
    /** The community the action was in (a facilitator reads their community's log), the case, and why. */
    communityId: uuid("community_id"),
    caseId: uuid("case_id"),
    reason: text("reason"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_created_idx").on(t.createdAt, t.id),
    index("audit_log_target_idx").on(t.targetId),
    index("audit_log_community_idx").on(t.communityId, t.createdAt, t.id),
  ],
);

/**
 * The development mailbox: with no SMTP server (development only), the mail sender keeps each
 * message here and `/dev/mail` shows it. Never written in production.
 */
export const devMailbox = pgTable(
  "dev_mailbox",
  {
    id: id(),
    /** The queue job that carried it, so a retried job is kept once. */
    messageId: text("message_id").notNull().unique(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("dev_mailbox_created_idx").on(t.createdAt)],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
export type DevMailRow = typeof devMailbox.$inferSelect;
