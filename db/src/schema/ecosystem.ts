import { sql } from "drizzle-orm";
import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.js";
import { communities } from "./communities.js";
import { users } from "./identity.js";
import { organizationCategory, organizations } from "./organizations.js";

const ms = (name: string) => timestamp(name, { precision: 3, withTimezone: true, mode: "date" });

/**
 * submitted → info_requested ⇄ submitted (the applicant answers) → accepted | declined; the
 * applicant may withdraw while it is open (api: membership-application.workflow.ts).
 */
export const applicationStatus = pgEnum("application_status", [
  "SUBMITTED",
  "INFO_REQUESTED",
  "ACCEPTED",
  "DECLINED",
  "WITHDRAWN",
]);

/**
 * An organisation's application to join the alliance by signing the memorandum. The contacts
 * (name, email, phone) and the representative's address are private: only the applicant and the
 * platform admins read them; nothing of an application reaches the public directory.
 */
export const membershipApplications = pgTable(
  "membership_applications",
  {
    id: id(),
    status: applicationStatus("status").notNull().default("SUBMITTED"),
    /** Who applied (a confirmed account); null once that account is deleted. */
    applicantId: uuid("applicant_id").references(() => users.id, { onDelete: "set null" }),
    /** The organisation as it would appear in the directory. */
    name: text("name").notNull(),
    nameIt: text("name_it").notNull().default(""),
    category: organizationCategory("category").notNull(),
    description: text("description").notNull().default(""),
    descriptionIt: text("description_it").notNull().default(""),
    website: text("website"),
    address: text("address"),
    district: text("district"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    sdgs: smallint("sdgs").array().notNull().default(sql`'{}'::smallint[]`),
    /** The communities it is interested in. */
    communityIds: uuid("community_ids").array().notNull().default(sql`'{}'::uuid[]`),
    /** Why it wants to join. */
    motivation: text("motivation").notNull(),
    contactName: text("contact_name").notNull(),
    contactEmail: text("contact_email").notNull(),
    contactPhone: text("contact_phone"),
    /** The person who will sign the memorandum and become the organisation's first representative. */
    representativeName: text("representative_name").notNull(),
    representativeEmail: text("representative_email").notNull(),
    /** Set on acceptance: the organisation created from it, and the memorandum's signing date. */
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "set null" }),
    signedOn: date("signed_on", { mode: "string" }),
    /** The last decision's reason or question, as told to the applicant. */
    decisionMessage: text("decision_message"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: ms("decided_at"),
    /** Raised by every change: a decision or an edit names the version it saw (CONFLICT otherwise). */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The admins' review list: by status, oldest first, keyset by (created_at, id).
    index("membership_applications_status_idx").on(t.status, t.createdAt, t.id),
    index("membership_applications_applicant_idx").on(t.applicantId, t.createdAt),
    // One open application per organisation name: a second is CONFLICT, not a duplicate to review.
    uniqueIndex("membership_applications_open_name_idx")
      .on(sql`lower(${t.name})`)
      .where(sql`${t.status} in ('SUBMITTED', 'INFO_REQUESTED')`),
  ],
);

/** Every step of an application (the one history table): who moved it, from what to what, and the message. */
export const applicationTransitions = pgTable(
  "application_transitions",
  {
    id: id(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => membershipApplications.id, { onDelete: "cascade" }),
    fromStatus: applicationStatus("from_status"),
    toStatus: applicationStatus("to_status").notNull(),
    /** Null when the account that acted is gone. */
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** The question, the answer, the reason told to the applicant. */
    message: text("message"),
    createdAt: createdAt(),
  },
  (t) => [index("application_transitions_application_idx").on(t.applicationId, t.createdAt, t.id)],
);

/**
 * The observatory's monthly figures per community, refreshed by a job (never computed per page
 * view): a full rebuild the first time, then the months that can still change.
 */
export const observatoryMonthly = pgTable(
  "observatory_monthly",
  {
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    /** The first day of the month (UTC). */
    month: date("month", { mode: "string" }).notNull(),
    membersJoined: integer("members_joined").notNull().default(0),
    threads: integer("threads").notNull().default(0),
    replies: integer("replies").notNull().default(0),
    resources: integer("resources").notNull().default(0),
    documents: integer("documents").notNull().default(0),
    endorsements: integer("endorsements").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.month] })],
);

/** The observatory's last refresh (one row): when, and the figures that are not per month. */
export const observatoryState = pgTable("observatory_state", {
  id: smallint("id").primaryKey().default(1),
  refreshedAt: ms("refreshed_at").notNull(),
  /** Figures the page shows as they are (partners by category and year, themes…), kept as computed. */
  figures: jsonb("figures").$type<Record<string, unknown>>().notNull().default({}),
});

export type MembershipApplicationRow = typeof membershipApplications.$inferSelect;
export type ApplicationTransitionRow = typeof applicationTransitions.$inferSelect;
export type ObservatoryMonthlyRow = typeof observatoryMonthly.$inferSelect;
