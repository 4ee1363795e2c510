import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.js";
import { communities } from "./communities.js";
import { users } from "./identity.js";

const ms = (name: string) => timestamp(name, { precision: 3, withTimezone: true, mode: "date" });

// Every content row carries community_id: the distribution key if content is ever sharded by
// community (DESIGN.md, "Scale-out").

export const threads = pgTable(
  "threads",
  {
    id: id(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    pinned: boolean("pinned").notNull().default(false),
    locked: boolean("locked").notNull().default(false),
    replyCount: integer("reply_count").notNull().default(0),
    lastActivityAt: ms("last_activity_at").notNull().defaultNow(),
    /** Hidden by the moderators or the system (moderation module), and the case that did it. */
    hiddenAt: ms("hidden_at"),
    hiddenCaseId: uuid("hidden_case_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("threads_by_activity_idx").on(t.communityId, t.pinned, t.lastActivityAt, t.id),
    index("threads_by_created_idx").on(t.communityId, t.pinned, t.createdAt, t.id),
    index("threads_by_replies_idx").on(t.communityId, t.pinned, t.replyCount, t.id),
    index("threads_tags_idx").using("gin", t.tags),
    // The observatory's incremental refresh counts the threads of the last two months (migration 0011).
    index("threads_created_idx").on(t.createdAt),
  ],
);

export const posts = pgTable(
  "posts",
  {
    id: id(),
    // A global sequence: orders posts within a thread and is what post cursors carry.
    seq: bigserial("seq", { mode: "number" }).notNull().unique(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    replyToId: uuid("reply_to_id"),
    createdAt: createdAt(),
    editedAt: ms("edited_at"),
    deletedAt: ms("deleted_at"),
    deletedBy: uuid("deleted_by").references(() => users.id),
    /** Why a moderator deleted it, told to its author. */
    deletedReason: text("deleted_reason"),
    /** Hidden by the moderators or the system (moderation module), and the case that did it. */
    hiddenAt: ms("hidden_at"),
    hiddenCaseId: uuid("hidden_case_id"),
  },
  (t) => [
    index("posts_thread_seq_idx").on(t.threadId, t.seq),
    index("posts_author_idx").on(t.authorId),
    // The observatory's incremental refresh counts the posts of the last two months: a range scan,
    // not a scan of a million posts (migration 0011).
    index("posts_created_idx").on(t.createdAt),
  ],
);

export const postRevisions = pgTable(
  "post_revisions",
  {
    id: id(),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    communityId: uuid("community_id").notNull(),
    editorId: uuid("editor_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("post_revisions_post_idx").on(t.postId, t.createdAt)],
);

export const reactionKind = pgEnum("reaction_kind", ["LIKE", "HEART", "CELEBRATE", "INSIGHTFUL", "SUPPORT"]);

export const reactions = pgTable(
  "reactions",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: reactionKind("kind").notNull(),
    communityId: uuid("community_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId, t.kind] })],
);

export const threadEventType = pgEnum("thread_event_type", [
  "POST_ADDED",
  "POST_EDITED",
  "POST_DELETED",
  "REACTION_CHANGED",
  // A moderator (or the system) hid or restored a post: open pages replace or bring back its text.
  "POST_HIDDEN",
  "POST_RESTORED",
]);

/**
 * The durable events of a thread, in commit order: `id` is the cursor `threadEvents(after)`
 * replays from. Writers lock the thread row first, so within one thread ids commit in order.
 */
export const threadEvents = pgTable(
  "thread_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    communityId: uuid("community_id").notNull(),
    type: threadEventType("type").notNull(),
    postId: uuid("post_id").notNull(),
    actorId: uuid("actor_id"),
    createdAt: createdAt(),
  },
  (t) => [index("thread_events_thread_idx").on(t.threadId, t.id)],
);

/** Where each reader stopped: the seq of the last post they saw. */
export const readMarkers = pgTable(
  "read_markers",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    communityId: uuid("community_id").notNull(),
    lastReadSeq: bigint("last_read_seq", { mode: "number" }).notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.threadId] })],
);

export type ThreadRow = typeof threads.$inferSelect;
export type PostRow = typeof posts.$inferSelect;
export type PostRevisionRow = typeof postRevisions.$inferSelect;
export type ReactionRow = typeof reactions.$inferSelect;
export type ThreadEventRow = typeof threadEvents.$inferSelect;
export type ReadMarkerRow = typeof readMarkers.$inferSelect;
