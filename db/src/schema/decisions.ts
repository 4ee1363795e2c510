import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.js";
import { communities } from "./communities.js";
import { deliverableStatus, deliverables } from "./deliverables.js";
import { events } from "./events.js";
import { users } from "./identity.js";
import { organizations } from "./organizations.js";
import { threads } from "./threads.js";

const ms = (name: string) => timestamp(name, { precision: 3, withTimezone: true, mode: "date" });

/** How a decision is taken (api: decision/counting/*, one pure function per kind). */
export const decisionKind = pgEnum("decision_kind", [
  "CONSENT",
  "SENSE_CHECK",
  "SINGLE_CHOICE",
  "MULTIPLE_CHOICE",
  "SCORE",
  "RANKED_CHOICE",
  "DOT_VOTE",
  "TIME_POLL",
]);

/** draft → open → closed → outcome published; draft | open | closed → cancelled (api: decision.workflow.ts). */
export const decisionState = pgEnum("decision_state", ["DRAFT", "OPEN", "CLOSED", "OUTCOME_PUBLISHED", "CANCELLED"]);

/** Who votes: each member of the community, or one vote per organisation cast by its representatives. */
export const decisionElectorate = pgEnum("decision_electorate", ["MEMBERS", "ORGANIZATIONS"]);

/** When the results are shown: always, once the viewer voted, or once the decision closed. */
export const resultsVisibility = pgEnum("results_visibility", ["ALWAYS", "AFTER_VOTE", "AFTER_CLOSE"]);

/** What a missed quorum does at the closing time: extend the decision once, or fail it. */
export const quorumMiss = pgEnum("quorum_miss", ["EXTEND_ONCE", "FAIL"]);

/**
 * A decision of a community, about one of its threads or documents (or taken at an event). Every
 * row carries community_id, the distribution key.
 */
export const decisions = pgTable(
  "decisions",
  {
    id: id(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    threadId: uuid("thread_id").references(() => threads.id, { onDelete: "set null" }),
    deliverableId: uuid("deliverable_id").references(() => deliverables.id, { onDelete: "set null" }),
    /** Taken at this event (its minutes link back here). */
    eventId: uuid("event_id").references(() => events.id, { onDelete: "set null" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    /** Markdown. */
    context: text("context").notNull().default(""),
    kind: decisionKind("kind").notNull(),
    electorate: decisionElectorate("electorate").notNull().default("MEMBERS"),
    state: decisionState("state").notNull().default("DRAFT"),
    /** Opens at this time (null: when its author opens it); closes at `closes_at`. */
    opensAt: ms("opens_at"),
    closesAt: ms("closes_at").notNull(),
    openedAt: ms("opened_at"),
    closedAt: ms("closed_at"),
    /** Minimum participation, in percent of the electorate (null: no quorum). */
    quorumPercent: smallint("quorum_percent"),
    quorumMiss: quorumMiss("quorum_miss").notNull().default("FAIL"),
    /** Set when a missed quorum extended the decision (once only). */
    extendedAt: ms("extended_at"),
    /** False when it closed without its quorum and failed. */
    quorumMet: boolean("quorum_met"),
    resultsVisibility: resultsVisibility("results_visibility").notNull().default("ALWAYS"),
    /** Votes never shown with who cast them, to anyone, admins included; once set it stays set. */
    anonymous: boolean("anonymous").notNull().default(false),
    reasonRequired: boolean("reason_required").notNull().default(false),
    /** MULTIPLE_CHOICE: most options one may pick; DOT_VOTE: dots each voter spreads. */
    maxChoices: smallint("max_choices"),
    dotsPerVoter: smallint("dots_per_voter"),
    /** A CONSENT decision on a document moves it to this status when its outcome is published. */
    moveDeliverableTo: deliverableStatus("move_deliverable_to"),
    /** The outcome as last written (its history: decision_outcomes). */
    outcome: text("outcome"),
    outcomePublishedAt: ms("outcome_published_at"),
    reminderSentAt: ms("reminder_sent_at"),
    cancelledAt: ms("cancelled_at"),
    /** Raised by every change of the decision itself (not by votes): edits name the version they saw. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("decisions_community_idx").on(t.communityId, t.state, t.closesAt, t.id),
    index("decisions_thread_idx").on(t.threadId),
    index("decisions_deliverable_idx").on(t.deliverableId),
    index("decisions_event_idx").on(t.eventId),
    // What the scheduler looks for: drafts to open, open decisions to remind and close.
    index("decisions_due_idx").on(t.state, t.closesAt),
  ],
);

/** The options of a poll, a score, a ranking, a dot vote or a time poll (none for consent and sense check). */
export const decisionOptions = pgTable(
  "decision_options",
  {
    id: id(),
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id, { onDelete: "cascade" }),
    communityId: uuid("community_id").notNull(),
    position: smallint("position").notNull(),
    label: text("label").notNull(),
    /** TIME_POLL: the proposed meeting time. */
    startsAt: ms("starts_at"),
    endsAt: ms("ends_at"),
  },
  (t) => [uniqueIndex("decision_options_position_idx").on(t.decisionId, t.position)],
);

/**
 * One vote per member, or per organisation (cast by any of its representatives; the last one
 * counts). `choice` holds what the kind asks for (api: decision/counting/ballot.ts): a consent
 * position, option ids, scores, a ranking, dots. The voter is kept even for anonymous decisions
 * (to change the vote, and to remind those who have not voted), never shown.
 */
export const votes = pgTable(
  "votes",
  {
    id: id(),
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id, { onDelete: "cascade" }),
    communityId: uuid("community_id").notNull(),
    voterId: uuid("voter_id")
      .notNull()
      .references(() => users.id),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    choice: jsonb("choice").$type<Record<string, unknown>>().notNull(),
    reason: text("reason"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("votes_member_idx").on(t.decisionId, t.voterId).where(sql`${t.organizationId} is null`),
    uniqueIndex("votes_organization_idx")
      .on(t.decisionId, t.organizationId)
      .where(sql`${t.organizationId} is not null`),
  ],
);

/** Every outcome written for a decision, oldest first: the outcome keeps its history. */
export const decisionOutcomes = pgTable(
  "decision_outcomes",
  {
    id: id(),
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("decision_outcomes_decision_idx").on(t.decisionId, t.createdAt)],
);

export type DecisionRow = typeof decisions.$inferSelect;
export type DecisionOptionRow = typeof decisionOptions.$inferSelect;
export type VoteRow = typeof votes.$inferSelect;
export type DecisionOutcomeRow = typeof decisionOutcomes.$inferSelect;
