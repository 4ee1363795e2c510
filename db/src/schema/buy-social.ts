import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  numeric,
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
import { users } from "./identity.js";
import { organizations } from "./organizations.js";

const ms = (name: string) => timestamp(name, { precision: 3, withTimezone: true, mode: "date" });

/**
 * Buy Social (issue 18, docs/buy-social.md): supplier profiles of partner organisations, their
 * certifications, buyers' requests and the suppliers' private answers.
 */

/**
 * The EU Common Procurement Vocabulary (Regulation (EC) 213/2008). `parent_code` is explicit,
 * written by the loader: a code's parent is the nearest existing code above it, which is not
 * always the one obtained by zeroing its last significant digit (the list has holes).
 */
export const cpvCodes = pgTable(
  "cpv_codes",
  {
    /** The eight digits, without the check digit ("90910000"). */
    code: text("code").primaryKey(),
    checkDigit: smallint("check_digit").notNull(),
    nameEn: text("name_en").notNull(),
    nameIt: text("name_it").notNull(),
    parentCode: text("parent_code"),
    /** 1 division (XX000000) … 5 category (XXXXXXX0 and below). */
    level: smallint("level").notNull(),
  },
  (t) => [index("cpv_codes_parent_idx").on(t.parentCode)],
);

export const supplierProfiles = pgTable("supplier_profiles", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  /** What the organisation supplies, in English and Italian (each falls back to the other). */
  offer: text("offer").notNull().default(""),
  offerIt: text("offer_it").notNull().default(""),
  /** Free text: people, vehicles, volumes ("up to 40 workers, 3 vans"). */
  capacity: text("capacity").notNull().default(""),
  /** ISTAT codes of municipalities of the metropolitan area (@pratica/rules buy-social.ts MUNICIPALITIES). */
  serviceArea: text("service_area").array().notNull().default(sql`'{}'::text[]`),
  /** Serves the whole metropolitan area (then service_area is empty). */
  wholeMetroArea: boolean("whole_metro_area").notNull().default(false),
  /** Listed in the supplier directory. */
  published: boolean("published").notNull().default(true),
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const supplierCpvCodes = pgTable(
  "supplier_cpv_codes",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => supplierProfiles.organizationId, { onDelete: "cascade" }),
    cpvCode: text("cpv_code")
      .notNull()
      .references(() => cpvCodes.code),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.cpvCode] }), index("supplier_cpv_codes_code_idx").on(t.cpvCode)],
);

/**
 * SOCIAL_COOP_A / _B: social cooperative of type A (social, health and education services) or B
 * (work integration of disadvantaged people; eligible for direct conventions under art. 5 of law
 * 381/1991); BENEFIT_CORPORATION (società benefit, with its latest impact report); B_CORP (score,
 * recertification date); OTHER (named in `label`).
 */
export const certificationKind = pgEnum("certification_kind", [
  "SOCIAL_COOP_A",
  "SOCIAL_COOP_B",
  "BENEFIT_CORPORATION",
  "B_CORP",
  "OTHER",
]);
export const certificationVerification = pgEnum("certification_verification", ["PENDING", "VERIFIED", "REJECTED"]);

/** Whether a certification has expired is read from `valid_until` against today in Europe/Rome, never stored. */
export const certifications = pgTable(
  "certifications",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: certificationKind("kind").notNull(),
    /** The name of an OTHER certification (e.g. "ISO 14001", "SA8000"). */
    label: text("label"),
    /** Where the evidence can be checked (a registry entry, the certifier's page). */
    evidenceUrl: text("evidence_url"),
    evidenceNote: text("evidence_note").notNull().default(""),
    validFrom: date("valid_from", { mode: "string" }),
    validUntil: date("valid_until", { mode: "string" }),
    /** B Corp: the B Impact Assessment score and when recertification is due. */
    bcorpScore: numeric("bcorp_score", { precision: 5, scale: 1, mode: "number" }),
    recertificationDue: date("recertification_due", { mode: "string" }),
    /** Benefit corporation: the latest impact report. */
    impactReportUrl: text("impact_report_url"),
    impactReportYear: smallint("impact_report_year"),
    verification: certificationVerification("verification").notNull().default("PENDING"),
    verifiedBy: uuid("verified_by").references(() => users.id, { onDelete: "set null" }),
    verifiedAt: ms("verified_at"),
    rejectionReason: text("rejection_reason"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("certifications_organization_idx").on(t.organizationId),
    index("certifications_kind_idx").on(t.kind, t.verification),
  ],
);

/** Bands of a request's value, in euro, at the thresholds of Italian procurement law (d.lgs. 36/2023) and the EU's. */
export const budgetBand = pgEnum("budget_band", [
  "UNDER_5K",
  "FROM_5K_TO_40K",
  "FROM_40K_TO_140K",
  "FROM_140K_TO_EU_THRESHOLD",
  "OVER_EU_THRESHOLD",
]);

/** draft → open → shortlisting → awarded | closed (closed also from open: nothing fit). */
export const buyerRequestState = pgEnum("buyer_request_state", ["DRAFT", "OPEN", "SHORTLISTING", "AWARDED", "CLOSED"]);

export const buyerRequests = pgTable(
  "buyer_requests",
  {
    id: id(),
    /** The buyer: a partner organisation (a company or a public body) that publishes the request. */
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    cpvCodes: text("cpv_codes").array().notNull().default(sql`'{}'::text[]`),
    /** ISTAT codes; empty with whole_metro_area = the whole metropolitan area. */
    area: text("area").array().notNull().default(sql`'{}'::text[]`),
    wholeMetroArea: boolean("whole_metro_area").notNull().default(false),
    budgetBand: budgetBand("budget_band").notNull(),
    /** Answers are accepted until then. */
    deadlineAt: ms("deadline_at").notNull(),
    preferredCertifications: certificationKind("preferred_certifications")
      .array()
      .notNull()
      .default(sql`'{}'::certification_kind[]`),
    state: buyerRequestState("state").notNull().default("DRAFT"),
    openedAt: ms("opened_at"),
    /** The outcome: the awarded supplier and amount, or why it closed without an award. */
    awardedOrganizationId: uuid("awarded_organization_id").references(() => organizations.id, { onDelete: "set null" }),
    awardedAmount: bigint("awarded_amount", { mode: "number" }),
    awardedAt: ms("awarded_at"),
    outcomeNote: text("outcome_note"),
    closedAt: ms("closed_at"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("buyer_requests_state_idx").on(t.state, t.deadlineAt, t.id),
    index("buyer_requests_organization_idx").on(t.organizationId),
    index("buyer_requests_cpv_idx").using("gin", t.cpvCodes),
  ],
);

/** The one history of a request's states. */
export const buyerRequestTransitions = pgTable(
  "buyer_request_transitions",
  {
    id: id(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => buyerRequests.id, { onDelete: "cascade" }),
    fromState: buyerRequestState("from_state"),
    toState: buyerRequestState("to_state").notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [index("buyer_request_transitions_request_idx").on(t.requestId, t.createdAt)],
);

/** SUBMITTED → SHORTLISTED → AWARDED | NOT_SELECTED; WITHDRAWN by the supplier while the request is open. */
export const supplierAnswerStatus = pgEnum("supplier_answer_status", [
  "SUBMITTED",
  "SHORTLISTED",
  "AWARDED",
  "NOT_SELECTED",
  "WITHDRAWN",
]);

/** Private: read by the supplier that wrote it and the buyer's people only. */
export const supplierAnswers = pgTable(
  "supplier_answers",
  {
    id: id(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => buyerRequests.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    /** The supplier's proposed amount in euro, when it gives one. */
    amount: bigint("amount", { mode: "number" }),
    status: supplierAnswerStatus("status").notNull().default("SUBMITTED"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("supplier_answers_request_org_idx").on(t.requestId, t.organizationId),
    index("supplier_answers_organization_idx").on(t.organizationId),
  ],
);

export type CpvCodeRow = typeof cpvCodes.$inferSelect;
export type SupplierProfileRow = typeof supplierProfiles.$inferSelect;
export type CertificationRow = typeof certifications.$inferSelect;
export type BuyerRequestRow = typeof buyerRequests.$inferSelect;
export type SupplierAnswerRow = typeof supplierAnswers.$inferSelect;
