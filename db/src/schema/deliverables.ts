import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.js";
import { communities } from "./communities.js";
import { users } from "./identity.js";
import { organizations } from "./organizations.js";

const ms = (name: string) => timestamp(name, { precision: 3, withTimezone: true, mode: "date" });

// Co-authored documents (the Manifesto for Impact first). Every row carries community_id, the
// distribution key (DESIGN.md, "Scale-out").

export const deliverableStatus = pgEnum("deliverable_status", ["DRAFT", "REVIEW", "APPROVED", "PUBLISHED", "ARCHIVED"]);

export const deliverables = pgTable(
  "deliverables",
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
    status: deliverableStatus("status").notNull().default("DRAFT"),
    /** Bumped when the outline (sections added, removed, reordered) or the status changes. */
    version: integer("version").notNull().default(1),
    publishedAt: ms("published_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("deliverables_community_idx").on(t.communityId, t.updatedAt, t.id)],
);

export const deliverableEditors = pgTable(
  "deliverable_editors",
  {
    deliverableId: uuid("deliverable_id")
      .notNull()
      .references(() => deliverables.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    communityId: uuid("community_id").notNull(),
    addedBy: uuid("added_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.deliverableId, t.userId] }), index("deliverable_editors_user_idx").on(t.userId)],
);

/** The co-authoring organisations, shown on the document and its export. */
export const deliverableAuthors = pgTable(
  "deliverable_organizations",
  {
    deliverableId: uuid("deliverable_id")
      .notNull()
      .references(() => deliverables.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    communityId: uuid("community_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.deliverableId, t.organizationId] })],
);

export const sections = pgTable(
  "deliverable_sections",
  {
    id: id(),
    deliverableId: uuid("deliverable_id")
      .notNull()
      .references(() => deliverables.id, { onDelete: "cascade" }),
    communityId: uuid("community_id").notNull(),
    position: integer("position").notNull(),
    heading: text("heading").notNull(),
    body: text("body").notNull().default(""),
    /** Optimistic concurrency: `editSection` must name it; every accepted change adds one. */
    version: integer("version").notNull().default(1),
    /** Removed sections are kept, with their history, but leave the outline. */
    removedAt: ms("removed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("deliverable_sections_deliverable_idx").on(t.deliverableId, t.position)],
);

export const amendmentStatus = pgEnum("amendment_status", ["OPEN", "ACCEPTED", "REJECTED", "WITHDRAWN"]);

export const amendments = pgTable(
  "amendments",
  {
    id: id(),
    sectionId: uuid("section_id")
      .notNull()
      .references(() => sections.id, { onDelete: "cascade" }),
    deliverableId: uuid("deliverable_id")
      .notNull()
      .references(() => deliverables.id, { onDelete: "cascade" }),
    communityId: uuid("community_id").notNull(),
    proposerId: uuid("proposer_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    rationale: text("rationale").notNull(),
    /** The section version the proposer read; older than the section's now means stale. */
    baseVersion: integer("base_version").notNull(),
    status: amendmentStatus("status").notNull().default("OPEN"),
    deciderId: uuid("decider_id").references(() => users.id),
    decisionReason: text("decision_reason"),
    decidedAt: ms("decided_at"),
    /** Hidden by the moderators or the system (moderation module), and the case that did it. */
    hiddenAt: ms("hidden_at"),
    hiddenCaseId: uuid("hidden_case_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("amendments_deliverable_idx").on(t.deliverableId, t.createdAt),
    index("amendments_section_idx").on(t.sectionId, t.createdAt),
  ],
);

/** Every accepted change of a section: edits, accepted amendments and restores. */
export const sectionRevisions = pgTable(
  "section_revisions",
  {
    id: id(),
    sectionId: uuid("section_id")
      .notNull()
      .references(() => sections.id, { onDelete: "cascade" }),
    deliverableId: uuid("deliverable_id").notNull(),
    communityId: uuid("community_id").notNull(),
    version: integer("version").notNull(),
    heading: text("heading").notNull(),
    body: text("body").notNull(),
    /** Whose words these are: the editor, or the proposer of an accepted amendment. */
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    /** Who made the change (an editor accepting an amendment or restoring). */
    editorId: uuid("editor_id")
      .notNull()
      .references(() => users.id),
    amendmentId: uuid("amendment_id").references(() => amendments.id, { onDelete: "set null" }),
    restoredFrom: integer("restored_from"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("section_revisions_section_version_idx").on(t.sectionId, t.version)],
);

/**
 * Comments on a section (optionally quoting a span of its text) or on an amendment. Replies
 * point at their root; a root's thread is resolved as a whole.
 */
export const deliverableComments = pgTable(
  "deliverable_comments",
  {
    id: id(),
    deliverableId: uuid("deliverable_id")
      .notNull()
      .references(() => deliverables.id, { onDelete: "cascade" }),
    communityId: uuid("community_id").notNull(),
    sectionId: uuid("section_id").references(() => sections.id, { onDelete: "cascade" }),
    amendmentId: uuid("amendment_id").references(() => amendments.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id"),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    quote: text("quote"),
    resolvedAt: ms("resolved_at"),
    resolvedBy: uuid("resolved_by").references(() => users.id),
    /** Hidden by the moderators or the system (moderation module), and the case that did it. */
    hiddenAt: ms("hidden_at"),
    hiddenCaseId: uuid("hidden_case_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("deliverable_comments_section_idx").on(t.sectionId, t.createdAt),
    index("deliverable_comments_amendment_idx").on(t.amendmentId, t.createdAt),
    index("deliverable_comments_parent_idx").on(t.parentId, t.createdAt),
  ],
);

/** One live endorsement per organisation; withdrawn ones stay as history. */
export const endorsements = pgTable(
  "endorsements",
  {
    id: id(),
    deliverableId: uuid("deliverable_id")
      .notNull()
      .references(() => deliverables.id, { onDelete: "cascade" }),
    communityId: uuid("community_id").notNull(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    endorserId: uuid("endorser_id")
      .notNull()
      .references(() => users.id),
    statement: text("statement"),
    createdAt: createdAt(),
    withdrawnAt: ms("withdrawn_at"),
    withdrawnBy: uuid("withdrawn_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("endorsements_one_per_organization_idx")
      .on(t.deliverableId, t.organizationId)
      .where(sql`${t.withdrawnAt} is null`),
    index("endorsements_deliverable_idx").on(t.deliverableId, t.createdAt),
  ],
);

export const deliverableEventType = pgEnum("deliverable_event_type", [
  "DELIVERABLE_UPDATED",
  "SECTION_UPDATED",
  "SECTIONS_REORDERED",
  "AMENDMENT_PROPOSED",
  "AMENDMENT_DECIDED",
  "COMMENT_ADDED",
  "COMMENT_RESOLVED",
  "STATUS_CHANGED",
  "ENDORSED",
  "ENDORSEMENT_WITHDRAWN",
]);

/**
 * The durable events of a deliverable, in commit order: `id` is the cursor
 * `deliverableEvents(after)` replays from. Writers lock the deliverable row first.
 * `subject_id` names the revision (SECTION_UPDATED), amendment, comment or endorsement the event is about.
 */
export const deliverableEvents = pgTable(
  "deliverable_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    deliverableId: uuid("deliverable_id")
      .notNull()
      .references(() => deliverables.id, { onDelete: "cascade" }),
    communityId: uuid("community_id").notNull(),
    type: deliverableEventType("type").notNull(),
    subjectId: uuid("subject_id"),
    actorId: uuid("actor_id"),
    createdAt: createdAt(),
  },
  (t) => [index("deliverable_events_deliverable_idx").on(t.deliverableId, t.id)],
);

/** Who has the document open, and which section they are editing; heartbeats refresh `seen_at`. */
export const deliverablePresence = pgTable(
  "deliverable_presence",
  {
    deliverableId: uuid("deliverable_id")
      .notNull()
      .references(() => deliverables.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    communityId: uuid("community_id").notNull(),
    sectionId: uuid("section_id"),
    seenAt: ms("seen_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.deliverableId, t.userId] })],
);

export type DeliverableRow = typeof deliverables.$inferSelect;
export type SectionRow = typeof sections.$inferSelect;
export type SectionRevisionRow = typeof sectionRevisions.$inferSelect;
export type AmendmentRow = typeof amendments.$inferSelect;
export type DeliverableCommentRow = typeof deliverableComments.$inferSelect;
export type EndorsementRow = typeof endorsements.$inferSelect;
export type DeliverableEventRow = typeof deliverableEvents.$inferSelect;
export type DeliverablePresenceRow = typeof deliverablePresence.$inferSelect;
