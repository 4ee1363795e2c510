import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.js";
import { communities } from "./communities.js";
import { users } from "./identity.js";

const ms = (name: string) => timestamp(name, { precision: 3, withTimezone: true, mode: "date" });

/** What can be reported: a reply, a discussion, a library resource, a document comment, an amendment, a profile. */
export const moderationTargetKind = pgEnum("moderation_target_kind", [
  "POST",
  "THREAD",
  "RESOURCE",
  "COMMENT",
  "AMENDMENT",
  "USER",
]);

export const reportReason = pgEnum("report_reason", ["SPAM", "OFFENSIVE", "OFF_TOPIC", "PERSONAL_DATA", "OTHER"]);

/** open → actioned | dismissed; actioned → appealed → upheld | overturned (api: moderation.workflow.ts). */
export const caseState = pgEnum("case_state", ["OPEN", "ACTIONED", "DISMISSED", "APPEALED", "UPHELD", "OVERTURNED"]);

/**
 * Everything that moves a case, as its transitions record it: what a person decides (DISMISS …
 * SUSPEND), what the system does (AUTO_HIDE, LIFT when a sanction runs out), and the appeal's steps.
 */
export const moderationAction = pgEnum("moderation_action", [
  "REPORT",
  "AUTO_HIDE",
  "DISMISS",
  "HIDE",
  "RESTORE",
  "WARN",
  "RESTRICT",
  "SUSPEND",
  "APPEAL",
  "UPHOLD",
  "OVERTURN",
  "LIFT",
]);

export const sanctionKind = pgEnum("sanction_kind", ["WARN", "RESTRICT", "SUSPEND"]);
export const appealState = pgEnum("appeal_state", ["OPEN", "UPHELD", "OVERTURNED"]);

/**
 * One case per reported target while it is open: reports on the same target merge into it. A
 * target reported again after its case was closed opens a new case (the old one stays as history).
 * `target_id` has no foreign key: it points into one of six tables, by `target_kind`.
 */
export const moderationCases = pgTable(
  "moderation_cases",
  {
    id: id(),
    targetKind: moderationTargetKind("target_kind").notNull(),
    targetId: uuid("target_id").notNull(),
    /** Null for a profile: its cases are the platform admins'. */
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    targetAuthorId: uuid("target_author_id")
      .notNull()
      .references(() => users.id),
    state: caseState("state").notNull().default("OPEN"),
    /** The reason of the first report: what the public log says the content was hidden for. */
    reason: reportReason("reason").notNull(),
    /** The sum of the open reports' weights; reaching the community's threshold hides the target. */
    weight: real("weight").notNull().default(0),
    /** Set when the system hid the target on reaching the threshold (not a person's decision). */
    autoHiddenAt: ms("auto_hidden_at"),
    /** The decision that closed or actioned the case, by whom, when, and the sanction's end. */
    action: moderationAction("action"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: ms("decided_at"),
    until: ms("until"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("moderation_cases_open_target_idx").on(t.targetKind, t.targetId).where(sql`${t.state} = 'OPEN'`),
    // The review queue: a community's cases by state, oldest or newest first, keyset by (created_at, id).
    index("moderation_cases_queue_idx").on(t.communityId, t.state, t.createdAt, t.id),
    index("moderation_cases_state_idx").on(t.state, t.createdAt, t.id),
    index("moderation_cases_author_idx").on(t.targetAuthorId, t.createdAt),
    index("moderation_cases_target_idx").on(t.targetKind, t.targetId),
  ],
);

/** One report; while unresolved, one per reporter and target. Resolved when its case is decided. */
export const moderationReports = pgTable(
  "moderation_reports",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => moderationCases.id, { onDelete: "cascade" }),
    reporterId: uuid("reporter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    targetKind: moderationTargetKind("target_kind").notNull(),
    targetId: uuid("target_id").notNull(),
    reason: reportReason("reason").notNull(),
    note: text("note"),
    /** How much this report counts toward auto-hiding (docs/moderation.md, "Weights"). */
    weight: real("weight").notNull(),
    createdAt: createdAt(),
    resolvedAt: ms("resolved_at"),
  },
  (t) => [
    uniqueIndex("moderation_reports_open_idx")
      .on(t.reporterId, t.targetKind, t.targetId)
      .where(sql`${t.resolvedAt} IS NULL`),
    index("moderation_reports_case_idx").on(t.caseId, t.createdAt),
    index("moderation_reports_reporter_idx").on(t.reporterId, t.createdAt),
  ],
);

/** Every move of a case, in order: the one transition table of this workflow. */
export const caseTransitions = pgTable(
  "case_transitions",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => moderationCases.id, { onDelete: "cascade" }),
    fromState: caseState("from_state"),
    toState: caseState("to_state").notNull(),
    action: moderationAction("action").notNull(),
    /** Null when the system moved it (auto-hide, a sanction running out). */
    actorId: uuid("actor_id").references(() => users.id),
    /** The internal note: moderators only. */
    note: text("note"),
    /** What the author was told. */
    message: text("message"),
    until: ms("until"),
    createdAt: createdAt(),
  },
  (t) => [index("case_transitions_case_idx").on(t.caseId, t.createdAt)],
);

/**
 * A warning, restriction or suspension of a member, in a community or (community null) on the
 * whole platform. While in force it is mirrored on the membership or user row (`restricted_until`,
 * `suspended_until`), which is what the write rules read; `lifted_at` when it ended early (an
 * appeal overturned it) or was swept after `ends_at`.
 */
export const sanctions = pgTable(
  "sanctions",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => moderationCases.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: sanctionKind("kind").notNull(),
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    endsAt: ms("ends_at"),
    liftedAt: ms("lifted_at"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("sanctions_user_idx").on(t.userId, t.createdAt),
    index("sanctions_in_force_idx").on(t.endsAt).where(sql`${t.liftedAt} IS NULL`),
  ],
);

/** One appeal per case's action, by its author, decided by a moderator other than the one who acted. */
export const appeals = pgTable(
  "appeals",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .unique()
      .references(() => moderationCases.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    statement: text("statement").notNull(),
    state: appealState("state").notNull().default("OPEN"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: ms("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [index("appeals_state_idx").on(t.state, t.createdAt)],
);

/**
 * The private conversation of a case between its author and the moderators: where a restricted
 * member may still write (to the facilitators only). Nothing else reads it.
 */
export const caseMessages = pgTable(
  "case_messages",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => moderationCases.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("case_messages_case_idx").on(t.caseId, t.createdAt)],
);

export type ModerationCaseRow = typeof moderationCases.$inferSelect;
export type ModerationReportRow = typeof moderationReports.$inferSelect;
export type CaseTransitionRow = typeof caseTransitions.$inferSelect;
export type SanctionRow = typeof sanctions.$inferSelect;
export type AppealRow = typeof appeals.$inferSelect;
export type CaseMessageRow = typeof caseMessages.$inferSelect;
export type ModerationTargetKind = ModerationCaseRow["targetKind"];
export type CaseState = ModerationCaseRow["state"];
export type ReportReason = ModerationReportRow["reason"];
