import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * The full-text documents, one definition each: the GIN expression indexes and the search
 * queries use the same expression, which is what lets PostgreSQL use the index. Weights rank a
 * title (A) above tags (B), summary (C) and body (D). `pratica_tags_text` is an immutable
 * array_to_string (created by migration 0002), since index expressions must be immutable.
 */
type Columns = Record<"title" | "tags" | "body", PgColumn>;

// Discussions carry no language: they are stemmed both in Italian and in English.
const bilingual = (text: SQL | PgColumn): SQL =>
  sql`(to_tsvector('italian'::regconfig, ${text}) || to_tsvector('english'::regconfig, ${text}))`;
const tags = (column: PgColumn): SQL => sql`pratica_tags_text(${column})`;

export const threadDocument = (t: Columns): SQL =>
  sql`(setweight(${bilingual(t.title)}, 'A') || setweight(${bilingual(tags(t.tags))}, 'B') || setweight(${bilingual(t.body)}, 'D'))`;

export const postDocument = (t: Pick<Columns, "body">): SQL => sql`${bilingual(t.body)}`;

/** Resources are stemmed in their own language. */
export const resourceDocument = (t: Columns & Record<"summary" | "language", PgColumn>): SQL => {
  const config = sql`(case ${t.language} when 'it' then 'italian'::regconfig else 'english'::regconfig end)`;
  return sql`(setweight(to_tsvector(${config}, ${t.title}), 'A') || setweight(to_tsvector(${config}, ${tags(t.tags)}), 'B') || setweight(to_tsvector(${config}, ${t.summary}), 'C') || setweight(to_tsvector(${config}, ${t.body}), 'D'))`;
};

/** A user's words, understood in both languages. */
export const searchQuery = (text: string): SQL =>
  sql`(websearch_to_tsquery('italian'::regconfig, ${text}) || websearch_to_tsquery('english'::regconfig, ${text}))`;

/** Co-authored documents carry no language either: title (A) and summary (C), in both. */
export const deliverableDocument = (t: Record<"title" | "summary", PgColumn>): SQL =>
  sql`(setweight(${bilingual(t.title)}, 'A') || setweight(${bilingual(t.summary)}, 'C'))`;

/** A section's heading (B) and text (D); a hit finds its deliverable. */
export const sectionDocument = (t: Record<"heading" | "body", PgColumn>): SQL =>
  sql`(setweight(${bilingual(t.heading)}, 'B') || setweight(${bilingual(t.body)}, 'D'))`;
