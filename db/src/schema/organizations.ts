import { sql } from "drizzle-orm";
import { date, doublePrecision, index, pgEnum, pgTable, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.js";
import { users } from "./identity.js";

export const organizationCategory = pgEnum("organization_category", [
  "PUBLIC_SECTOR",
  "FINANCE_AND_PHILANTHROPY",
  "SKILLS_AND_FACILITIES",
  "THIRD_SECTOR_AND_CULTURE",
  "RESEARCH_AND_TECH_TRANSFER",
  "INCUBATORS_AND_ACCELERATORS",
  "PRIVATE_SECTOR",
  "PROFESSIONAL_ORDERS",
]);

export const organizationRole = pgEnum("organization_role", ["REPRESENTATIVE", "MEMBER"]);

export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    category: organizationCategory("category").notNull(),
    description: text("description"),
    // Italian name and description; `name` and `description` are the English ones.
    nameIt: text("name_it").notNull().default(""),
    descriptionIt: text("description_it"),
    website: text("website"),
    address: text("address"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    memorandumSignedOn: date("memorandum_signed_on", { mode: "string" }),
    /** The city district (circoscrizione) of the address, as written by the platform team. */
    district: text("district"),
    /** Theme keys from the ecosystem's vocabulary (@pratica/rules ecosystem.ts THEMES), the communities' themes. */
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    /** The 2030 Agenda's Sustainable Development Goals it works on (1..17). */
    sdgs: smallint("sdgs").array().notNull().default(sql`'{}'::smallint[]`),
    /** Set when the organisation withdrew from the memorandum: kept, shown as a former partner. */
    withdrawnOn: date("withdrawn_on", { mode: "string" }),
    withdrawalReason: text("withdrawal_reason"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("organizations_slug_idx").on(t.slug),
    index("organizations_category_idx").on(t.category),
    index("organizations_themes_idx").using("gin", t.themes),
    index("organizations_sdgs_idx").using("gin", t.sdgs),
  ],
);

export const organizationMembers = pgTable(
  "organization_members",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: organizationRole("role").notNull().default("MEMBER"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("organization_members_org_user_idx").on(t.organizationId, t.userId),
    index("organization_members_user_idx").on(t.userId),
  ],
);

export type OrganizationRow = typeof organizations.$inferSelect;
export type OrganizationMemberRow = typeof organizationMembers.$inferSelect;
