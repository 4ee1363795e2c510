import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.js";
import { users } from "./identity.js";

export const communityVisibility = pgEnum("community_visibility", ["PUBLIC", "MEMBERS"]);
export const joinPolicy = pgEnum("join_policy", ["OPEN", "APPROVAL"]);
export const membershipRole = pgEnum("membership_role", ["MEMBER", "FACILITATOR"]);
export const membershipStatus = pgEnum("membership_status", ["ACTIVE", "PENDING"]);
/**
 * PRACTICE: a community of practice. CONSORTIUM: the private space of a HUB partner search (a
 * members-only community made by the partner-search module, left out of every list of communities).
 */
export const communityKind = pgEnum("community_kind", ["PRACTICE", "CONSORTIUM"]);

export const communities = pgTable(
  "communities",
  {
    id: id(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    tagline: text("tagline").notNull().default(""),
    description: text("description").notNull().default(""),
    // The Italian texts; `name`, `tagline` and `description` are the English ones. Each is shown
    // in the viewer's language, falling back to the other when empty.
    nameIt: text("name_it").notNull().default(""),
    taglineIt: text("tagline_it").notNull().default(""),
    descriptionIt: text("description_it").notNull().default(""),
    color: text("color").notNull().default("#1f6f78"),
    visibility: communityVisibility("visibility").notNull().default("PUBLIC"),
    joinPolicy: joinPolicy("join_policy").notNull().default("OPEN"),
    /** Archived communities are read-only and left off the home page. */
    archivedAt: timestampOrNull("archived_at"),
    /**
     * The weighted reports at which a target is hidden until a moderator reviews it; null never
     * hides automatically (docs/moderation.md, "Automatic hiding").
     */
    autoHideThreshold: real("auto_hide_threshold").default(3),
    /** Theme keys from the ecosystem's vocabulary (@pratica/rules ecosystem.ts THEMES): what the community works on. */
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    kind: communityKind("kind").notNull().default("PRACTICE"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("communities_slug_idx").on(t.slug)],
);

export const communityMemberships = pgTable(
  "community_memberships",
  {
    id: id(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: membershipRole("role").notNull().default("MEMBER"),
    status: membershipStatus("status").notNull(),
    createdAt: createdAt(),
    decidedAt: timestampOrNull("decided_at"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    /**
     * A sanction in force in this community (moderation module): suspended members are treated
     * as not active (they neither write nor read a members-only community), restricted ones read
     * but write only to the facilitators in their case. Cleared when it runs out or is overturned.
     */
    suspendedUntil: timestampOrNull("suspended_until"),
    restrictedUntil: timestampOrNull("restricted_until"),
  },
  (t) => [
    uniqueIndex("community_memberships_community_user_idx").on(t.communityId, t.userId),
    // Keyset pagination of a community's members by (status, created_at, id).
    index("community_memberships_list_idx").on(t.communityId, t.status, t.createdAt, t.id),
    index("community_memberships_user_idx").on(t.userId),
  ],
);

function timestampOrNull(name: string) {
  return timestamp(name, { precision: 3, withTimezone: true, mode: "date" });
}

export type CommunityRow = typeof communities.$inferSelect;
export type CommunityMembershipRow = typeof communityMemberships.$inferSelect;
