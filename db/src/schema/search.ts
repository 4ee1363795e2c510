import { type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/**
 * The stored full-text vector of a searchable table (threads, posts, resources, deliverables,
 * deliverable_sections): a `search` column kept by a trigger and indexed with GIN (migration
 * 0005, which holds how each is made). Not a drizzle column, so rows the app reads never carry
 * it. Weights rank a title (A) above tags or a heading (B), summary (C) and body (D);
 * discussions and documents carry no language and are stemmed in Italian and in English,
 * resources in their own language.
 */
export const searchVector = (table: PgTable): SQL => sql`${table}."search"`;

/** A user's words, understood in both languages. */
export const searchQuery = (text: string): SQL =>
  sql`(websearch_to_tsquery('italian'::regconfig, ${text}) || websearch_to_tsquery('english'::regconfig, ${text}))`;
