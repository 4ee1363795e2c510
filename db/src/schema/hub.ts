import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.js";
import { communities } from "./communities.js";
import { deliverables } from "./deliverables.js";
import { users } from "./identity.js";
import { organizations } from "./organizations.js";
import { threads } from "./threads.js";

const ms = (name: string) => timestamp(name, { precision: 3, withTimezone: true, mode: "date" });

/**
 * The HUB for European projects (issue 18, docs/hub.md): funding calls imported from exports shaped
 * like the EU Funding & Tenders portal's search results, followed by members, and the partner
 * searches through which organisations build a consortium in a private space.
 */

/** UNKNOWN when the source's status could not be read (the import warns and goes on). */
export const fundingCallStatus = pgEnum("funding_call_status", ["FORTHCOMING", "OPEN", "CLOSED", "UNKNOWN"]);

export const fundingCalls = pgTable(
  "funding_calls",
  {
    id: id(),
    /** Where the call came from: "EU_FT" for the Funding & Tenders portal's exports; upserts key on (source, identifier). */
    source: text("source").notNull(),
    /** The topic identifier, e.g. "ERASMUS-EDU-2026-PCOOP-ENGO". */
    identifier: text("identifier").notNull(),
    /** The call the topic belongs to, when the source gives it. */
    callIdentifier: text("call_identifier"),
    title: text("title").notNull(),
    /** A programme key derived from the identifier (@pratica/rules hub.ts PROGRAMMES), "UNKNOWN" when none fits. */
    programme: text("programme").notNull(),
    status: fundingCallStatus("status").notNull(),
    opensAt: ms("opens_at"),
    deadlineAt: ms("deadline_at"),
    /** The IANA zone the deadline is given in (the portal's are Europe/Brussels). */
    deadlineTimeZone: text("deadline_time_zone").notNull().default("Europe/Brussels"),
    /** In euro; null when unknown. */
    budgetTotal: bigint("budget_total", { mode: "number" }),
    budgetPerProjectMin: bigint("budget_per_project_min", { mode: "number" }),
    budgetPerProjectMax: bigint("budget_per_project_max", { mode: "number" }),
    expectedGrants: integer("expected_grants"),
    typeOfAction: text("type_of_action"),
    /** Theme keys from the ecosystem's vocabulary (@pratica/rules ecosystem.ts THEMES), mapped from the source's keywords. */
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    /** The source's own keywords and tags, kept as given. */
    keywords: text("keywords").array().notNull().default(sql`'{}'::text[]`),
    description: text("description").notNull().default(""),
    /** The official page. */
    url: text("url"),
    /** A hash of the imported values: a re-import with the same hash changes nothing. */
    contentHash: text("content_hash").notNull(),
    revision: integer("revision").notNull().default(1),
    /** Set when an import finds the call closed; archived calls leave the default list. */
    archivedAt: ms("archived_at"),
    /** The import that last changed it. */
    importId: uuid("import_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("funding_calls_source_identifier_idx").on(t.source, t.identifier),
    index("funding_calls_deadline_idx").on(t.deadlineAt, t.id),
    index("funding_calls_status_idx").on(t.status),
    index("funding_calls_themes_idx").using("gin", t.themes),
  ],
);

/** The values a call had before an import changed them (one row per change, `revision` is the old one). */
export const fundingCallRevisions = pgTable(
  "funding_call_revisions",
  {
    id: id(),
    callId: uuid("call_id")
      .notNull()
      .references(() => fundingCalls.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    /** The previous values, as the api's import wrote them. */
    data: jsonb("data").notNull(),
    changedFields: text("changed_fields").array().notNull(),
    importId: uuid("import_id"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("funding_call_revisions_call_revision_idx").on(t.callId, t.revision)],
);

/** One run of the importer (the CLI or an admin's upload), with its counts and every warning and rejected row. */
export const fundingCallImports = pgTable(
  "funding_call_imports",
  {
    id: id(),
    source: text("source").notNull(),
    fileName: text("file_name").notNull(),
    /** "json" or "csv". */
    format: text("format").notNull(),
    /** Null when run from the command line. */
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    archived: integer("archived").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    /** [{ row, identifier, field, reason }] — warnings (value read as unknown) and rejections. */
    report: jsonb("report").notNull().default(sql`'[]'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [index("funding_call_imports_created_idx").on(t.createdAt, t.id)],
);

export const fundingCallFollows = pgTable(
  "funding_call_follows",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    callId: uuid("call_id")
      .notNull()
      .references(() => fundingCalls.id, { onDelete: "cascade" }),
    /** When the "closing in 14 days" reminder went to this follower (once per deadline). */
    remindedForDeadline: ms("reminded_for_deadline"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("funding_call_follows_user_call_idx").on(t.userId, t.callId),
    index("funding_call_follows_call_idx").on(t.callId),
  ],
);

/** SEEKING: the organisation looks for partners; OFFERING: it offers itself to a consortium. */
export const partnerSearchKind = pgEnum("partner_search_kind", ["SEEKING", "OFFERING"]);
export const consortiumRole = pgEnum("consortium_role", ["LEAD", "PARTNER", "ASSOCIATED"]);
/** OPEN takes interest; CLOSED when the consortium is confirmed or the publisher closes it; WITHDRAWN by the publisher. */
export const partnerSearchStatus = pgEnum("partner_search_status", ["OPEN", "CLOSED", "WITHDRAWN"]);

export const partnerSearches = pgTable(
  "partner_searches",
  {
    id: id(),
    callId: uuid("call_id")
      .notNull()
      .references(() => fundingCalls.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    kind: partnerSearchKind("kind").notNull(),
    /** SEEKING: the role sought for partners; OFFERING: the role offered. */
    role: consortiumRole("role").notNull(),
    expertise: text("expertise").notNull(),
    /** ISO 3166-1 alpha-2 codes, upper case. */
    countries: text("countries").array().notNull().default(sql`'{}'::text[]`),
    description: text("description").notNull().default(""),
    status: partnerSearchStatus("status").notNull().default("OPEN"),
    /** The private space, made with the first expression of interest: a CONSORTIUM community, its thread and the proposal document. */
    spaceCommunityId: uuid("space_community_id").references(() => communities.id, { onDelete: "set null" }),
    spaceThreadId: uuid("space_thread_id").references(() => threads.id, { onDelete: "set null" }),
    proposalDeliverableId: uuid("proposal_deliverable_id").references(() => deliverables.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("partner_searches_call_idx").on(t.callId, t.createdAt, t.id),
    index("partner_searches_organization_idx").on(t.organizationId),
    // One open search of a kind per organisation and call.
    uniqueIndex("partner_searches_open_idx").on(t.callId, t.organizationId, t.kind).where(sql`${t.status} = 'OPEN'`),
  ],
);

/** PENDING until the publisher confirms (CONFIRMED: in the consortium) or declines; WITHDRAWN by the interested party. */
export const partnerInterestStatus = pgEnum("partner_interest_status", [
  "PENDING",
  "CONFIRMED",
  "DECLINED",
  "WITHDRAWN",
]);

export const partnerInterests = pgTable(
  "partner_interests",
  {
    id: id(),
    searchId: uuid("search_id")
      .notNull()
      .references(() => partnerSearches.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Who expressed it, for the organisation they represent. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    /** The role the interested organisation would take. */
    role: consortiumRole("role").notNull(),
    message: text("message").notNull().default(""),
    status: partnerInterestStatus("status").notNull().default("PENDING"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: ms("decided_at"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("partner_interests_search_org_idx").on(t.searchId, t.organizationId),
    index("partner_interests_organization_idx").on(t.organizationId),
  ],
);

export type FundingCallRow = typeof fundingCalls.$inferSelect;
export type FundingCallImportRow = typeof fundingCallImports.$inferSelect;
export type PartnerSearchRow = typeof partnerSearches.$inferSelect;
export type PartnerInterestRow = typeof partnerInterests.$inferSelect;
