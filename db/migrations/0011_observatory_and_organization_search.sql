-- The ecosystem's observatory and organisations in search (issue 16).
--
-- 1. The observatory's incremental refresh counts, per community and month, the posts and threads
--    of the current and previous months: range scans on created_at instead of reading a million
--    posts every quarter of an hour (docs/observatory.md).
CREATE INDEX IF NOT EXISTS "posts_created_idx" ON "posts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "threads_created_idx" ON "threads" USING btree ("created_at");--> statement-breakpoint
-- 2. Organisations are found by their names in both languages, by the start of a word as one
--    types and despite a small typo: pg_trgm's word_similarity (`<%`) and LIKE on one folded
--    text (accents removed, lower case) of both names, indexed with trigrams. Not a drizzle
--    column or index (like search_words of 0006): the api reaches it as pratica_org_names(...).
CREATE OR REPLACE FUNCTION pratica_org_names(name text, name_it text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN lower(pratica_fold(coalesce(name, '') || ' ' || coalesce(name_it, '')));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organizations_names_trgm_idx" ON "organizations" USING gin (pratica_org_names("name", "name_it") gin_trgm_ops);
