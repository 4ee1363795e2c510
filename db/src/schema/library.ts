import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.js";
import { communities } from "./communities.js";
import { users } from "./identity.js";

const ms = (name: string) => timestamp(name, { precision: 3, withTimezone: true, mode: "date" });

export const resourceKind = pgEnum("resource_kind", [
  "GUIDE",
  "CASE_STUDY",
  "TOOLKIT",
  "TEMPLATE",
  "RECORDING",
  "COURSE",
  "ARTICLE",
]);
export const resourceLanguage = pgEnum("resource_language", ["it", "en"]);
export const resourceStatus = pgEnum("resource_status", [
  "PROPOSED",
  "CHANGES_REQUESTED",
  "PUBLISHED",
  "FEATURED",
  "REJECTED",
  "ARCHIVED",
]);
export const resourceDecision = pgEnum("resource_decision", [
  "PUBLISH",
  "FEATURE",
  "UNFEATURE",
  "REQUEST_CHANGES",
  "REJECT",
  "ARCHIVE",
  "RESUBMIT",
]);

export const resources = pgTable(
  "resources",
  {
    id: id(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    proposerId: uuid("proposer_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    body: text("body").notNull().default(""),
    url: text("url"),
    kind: resourceKind("kind").notNull(),
    language: resourceLanguage("language").notNull(),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    status: resourceStatus("status").notNull().default("PROPOSED"),
    helpfulCount: integer("helpful_count").notNull().default(0),
    publishedAt: ms("published_at"),
    /** Hidden by the moderators or the system (moderation module), and the case that did it. */
    hiddenAt: ms("hidden_at"),
    hiddenCaseId: uuid("hidden_case_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("resources_community_status_idx").on(t.communityId, t.status, t.helpfulCount, t.id),
    index("resources_community_created_idx").on(t.communityId, t.createdAt, t.id),
    index("resources_tags_idx").using("gin", t.tags),
  ],
);

/** Every curation decision, with who, when and why: the proposer sees these. */
export const resourceDecisions = pgTable(
  "resource_decisions",
  {
    id: id(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    communityId: uuid("community_id").notNull(),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id),
    decision: resourceDecision("decision").notNull(),
    fromStatus: resourceStatus("from_status").notNull(),
    toStatus: resourceStatus("to_status").notNull(),
    reason: text("reason"),
    createdAt: createdAt(),
  },
  (t) => [index("resource_decisions_resource_idx").on(t.resourceId, t.createdAt)],
);

export const resourceBookmarks = pgTable(
  "resource_bookmarks",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    communityId: uuid("community_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.resourceId] }),
    // A member's Saved list pages newest first by (created_at, resource_id); read backwards.
    index("resource_bookmarks_user_saved_idx").on(t.userId, t.createdAt, t.resourceId),
  ],
);

export const resourceVotes = pgTable(
  "resource_helpful_votes",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    communityId: uuid("community_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.resourceId] }), index("resource_votes_resource_idx").on(t.resourceId)],
);

export const learningPathStatus = pgEnum("learning_path_status", ["DRAFT", "PUBLISHED"]);

export const learningPaths = pgTable(
  "learning_paths",
  {
    id: id(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    creatorId: uuid("creator_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    status: learningPathStatus("status").notNull().default("DRAFT"),
    /** Bumped on every change to the path or its steps: editors send it back (optimistic concurrency). */
    version: integer("version").notNull().default(1),
    publishedAt: ms("published_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("learning_paths_community_idx").on(t.communityId, t.createdAt)],
);

export const learningPathSteps = pgTable(
  "learning_path_steps",
  {
    id: id(),
    pathId: uuid("path_id")
      .notNull()
      .references(() => learningPaths.id, { onDelete: "cascade" }),
    communityId: uuid("community_id").notNull(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("learning_path_steps_path_resource_idx").on(t.pathId, t.resourceId),
    index("learning_path_steps_path_idx").on(t.pathId, t.position),
  ],
);

export const learningPathProgress = pgTable(
  "learning_path_progress",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    stepId: uuid("step_id")
      .notNull()
      .references(() => learningPathSteps.id, { onDelete: "cascade" }),
    pathId: uuid("path_id").notNull(),
    communityId: uuid("community_id").notNull(),
    doneAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.stepId] }),
    index("learning_path_progress_path_idx").on(t.pathId, t.userId),
  ],
);

export type ResourceRow = typeof resources.$inferSelect;
export type ResourceDecisionRow = typeof resourceDecisions.$inferSelect;
export type LearningPathRow = typeof learningPaths.$inferSelect;
export type LearningPathStepRow = typeof learningPathSteps.$inferSelect;
