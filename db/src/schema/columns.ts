import { timestamp, uuid } from "drizzle-orm/pg-core";

// Millisecond precision on purpose: a JavaScript Date holds milliseconds, so keyset cursors
// built from (created_at, id) round-trip exactly (shared/PERFORMANCE.md, "a trap").
export const createdAt = () =>
  timestamp("created_at", { precision: 3, withTimezone: true, mode: "date" }).notNull().defaultNow();

export const updatedAt = () =>
  timestamp("updated_at", { precision: 3, withTimezone: true, mode: "date" }).notNull().defaultNow();

export const id = () => uuid("id").primaryKey().defaultRandom();
