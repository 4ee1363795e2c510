import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.js";

export const platformRole = pgEnum("platform_role", ["USER", "ADMIN"]);
export const locale = pgEnum("locale", ["it", "en"]);
/** How notifications reach a member by email; in the app they always do. */
export const emailDelivery = pgEnum("email_delivery", ["IMMEDIATE", "DAILY", "WEEKLY", "NEVER"]);

const at = (name: string) => timestamp(name, { precision: 3, withTimezone: true, mode: "date" });

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    /** What `@mentions` use: lowercase letters, digits, `-` and `_`, unique. */
    handle: text("handle").notNull(),
    displayName: text("display_name").notNull(),
    bio: text("bio"),
    passwordHash: text("password_hash").notNull(),
    role: platformRole("role").notNull().default("USER"),
    /** Null until the address is confirmed: until then the account reads but does not write. */
    emailVerifiedAt: at("email_verified_at"),
    /** The language of the emails the account receives (the web follows the browser's choice). */
    locale: locale("locale").notNull().default("it"),
    /** IANA zone in which digests are timed. */
    timeZone: text("time_zone").notNull().default("Europe/Rome"),
    emailDelivery: emailDelivery("email_delivery").notNull().default("DAILY"),
    /** Local hour (0–23) at which a daily or weekly digest goes out; weekly ones on Mondays. */
    digestHour: smallint("digest_hour").notNull().default(8),
    /** When the last digest was built: the next one covers what came after. */
    lastDigestAt: at("last_digest_at"),
    /** Set when the account was deleted: what it wrote stays, shown as by a former member. */
    deletedAt: at("deleted_at"),
    /** A platform-wide sanction in force (moderation module): suspended accounts cannot log in. */
    suspendedUntil: at("suspended_until"),
    restrictedUntil: at("restricted_until"),
    /** When a facilitator vouched for the account: new-member limits no longer apply. */
    vouchedAt: at("vouched_at"),
    vouchedBy: uuid("vouched_by"),
    /** A profile hidden by the moderators (its bio and name are not shown to others), and the case. */
    hiddenAt: at("hidden_at"),
    hiddenCaseId: uuid("hidden_case_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`),
    uniqueIndex("users_handle_idx").on(t.handle),
  ],
);

// Only a SHA-256 of the token is stored: a leaked table does not leak usable sessions.
export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { precision: 3, withTimezone: true, mode: "date" }).notNull(),
    revokedAt: timestamp("revoked_at", { precision: 3, withTimezone: true, mode: "date" }),
    /** Refreshed at most every few minutes, for the sessions list. */
    lastUsedAt: at("last_used_at"),
    userAgent: text("user_agent"),
  },
  (t) => [uniqueIndex("sessions_token_hash_idx").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

export const accountTokenPurpose = pgEnum("account_token_purpose", [
  "VERIFY_EMAIL",
  "RESET_PASSWORD",
  "CHANGE_EMAIL",
  "INVITATION",
]);

/**
 * Single-use tokens sent by email (confirm an address, reset a password, change the address,
 * accept an invitation). Only a SHA-256 of the token is kept; `used_at` makes it single-use.
 * `email` is the address the link went to (the new one for CHANGE_EMAIL, the invitee's for an
 * INVITATION, which may have no account yet); `payload` holds what the link grants.
 */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: id(),
    purpose: accountTokenPurpose("purpose").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: at("expires_at").notNull(),
    usedAt: at("used_at"),
  },
  (t) => [
    uniqueIndex("account_tokens_hash_idx").on(t.tokenHash),
    index("account_tokens_user_idx").on(t.userId, t.purpose),
    index("account_tokens_email_idx").on(sql`lower(${t.email})`, t.purpose),
  ],
);

/** A user as the api shows and passes them around: the password hash stays with the identity service. */
export type UserRow = Omit<typeof users.$inferSelect, "passwordHash">;
export type SessionRow = typeof sessions.$inferSelect;
export type AccountTokenRow = typeof accountTokens.$inferSelect;
