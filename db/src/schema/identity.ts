import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.js";

export const platformRole = pgEnum("platform_role", ["USER", "ADMIN"]);

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
    userAgent: text("user_agent"),
  },
  (t) => [uniqueIndex("sessions_token_hash_idx").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

/** A user as the api shows and passes them around: the password hash stays with the identity service. */
export type UserRow = Omit<typeof users.$inferSelect, "passwordHash">;
export type SessionRow = typeof sessions.$inferSelect;
