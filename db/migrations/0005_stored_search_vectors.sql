-- Stored search vectors. Until now each table had a GIN index on a to_tsvector(...) expression:
-- matching used it, but the recheck and ts_rank parsed every matching row's text again, so a
-- common word over a million posts took minutes. Each table now stores its vector in a
-- `search` column, kept by a trigger, indexed with GIN; queries read the column.
--
-- Every statement can run again and finds its work done: on a large database run them by hand
-- before upgrading (the backfill in batches, the indexes CONCURRENTLY), as docs/operations.md
-- says, and this migration then only checks. The column is not in the drizzle schema on
-- purpose: rows read by the app never carry it (search.ts names it in SQL).
--
-- The trigger recomputes only when the text changed, so the frequent updates of counters and
-- timestamps (a thread's reply count on every reply) cost a comparison. An UPDATE that sets
-- `search` to NULL makes it compute the vector: that is the backfill.
ALTER TABLE "posts" ADD COLUMN IF NOT EXISTS "search" tsvector;--> statement-breakpoint
ALTER TABLE "threads" ADD COLUMN IF NOT EXISTS "search" tsvector;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN IF NOT EXISTS "search" tsvector;--> statement-breakpoint
ALTER TABLE "deliverables" ADD COLUMN IF NOT EXISTS "search" tsvector;--> statement-breakpoint
ALTER TABLE "deliverable_sections" ADD COLUMN IF NOT EXISTS "search" tsvector;--> statement-breakpoint
CREATE OR REPLACE FUNCTION pratica_bilingual(text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN to_tsvector('italian'::regconfig, $1) || to_tsvector('english'::regconfig, $1);--> statement-breakpoint
CREATE OR REPLACE FUNCTION pratica_posts_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.search IS NULL OR NEW.body IS DISTINCT FROM OLD.body THEN
    NEW.search := pratica_bilingual(NEW.body);
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION pratica_threads_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.search IS NULL OR NEW.title IS DISTINCT FROM OLD.title
     OR NEW.body IS DISTINCT FROM OLD.body OR NEW.tags IS DISTINCT FROM OLD.tags THEN
    NEW.search := setweight(pratica_bilingual(NEW.title), 'A')
      || setweight(pratica_bilingual(pratica_tags_text(NEW.tags)), 'B')
      || setweight(pratica_bilingual(NEW.body), 'D');
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION pratica_resources_search() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE cfg regconfig := CASE NEW.language WHEN 'it' THEN 'italian'::regconfig ELSE 'english'::regconfig END;
BEGIN
  IF TG_OP = 'INSERT' OR NEW.search IS NULL OR NEW.title IS DISTINCT FROM OLD.title
     OR NEW.summary IS DISTINCT FROM OLD.summary OR NEW.body IS DISTINCT FROM OLD.body
     OR NEW.tags IS DISTINCT FROM OLD.tags OR NEW.language IS DISTINCT FROM OLD.language THEN
    NEW.search := setweight(to_tsvector(cfg, NEW.title), 'A')
      || setweight(to_tsvector(cfg, pratica_tags_text(NEW.tags)), 'B')
      || setweight(to_tsvector(cfg, NEW.summary), 'C')
      || setweight(to_tsvector(cfg, NEW.body), 'D');
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION pratica_deliverables_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.search IS NULL OR NEW.title IS DISTINCT FROM OLD.title
     OR NEW.summary IS DISTINCT FROM OLD.summary THEN
    NEW.search := setweight(pratica_bilingual(NEW.title), 'A') || setweight(pratica_bilingual(NEW.summary), 'C');
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION pratica_sections_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.search IS NULL OR NEW.heading IS DISTINCT FROM OLD.heading
     OR NEW.body IS DISTINCT FROM OLD.body THEN
    NEW.search := setweight(pratica_bilingual(NEW.heading), 'B') || setweight(pratica_bilingual(NEW.body), 'D');
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE OR REPLACE TRIGGER "posts_search" BEFORE INSERT OR UPDATE ON "posts" FOR EACH ROW EXECUTE FUNCTION pratica_posts_search();--> statement-breakpoint
CREATE OR REPLACE TRIGGER "threads_search" BEFORE INSERT OR UPDATE ON "threads" FOR EACH ROW EXECUTE FUNCTION pratica_threads_search();--> statement-breakpoint
CREATE OR REPLACE TRIGGER "resources_search" BEFORE INSERT OR UPDATE ON "resources" FOR EACH ROW EXECUTE FUNCTION pratica_resources_search();--> statement-breakpoint
CREATE OR REPLACE TRIGGER "deliverables_search" BEFORE INSERT OR UPDATE ON "deliverables" FOR EACH ROW EXECUTE FUNCTION pratica_deliverables_search();--> statement-breakpoint
CREATE OR REPLACE TRIGGER "deliverable_sections_search" BEFORE INSERT OR UPDATE ON "deliverable_sections" FOR EACH ROW EXECUTE FUNCTION pratica_sections_search();--> statement-breakpoint
UPDATE "posts" SET "search" = NULL WHERE "search" IS NULL;--> statement-breakpoint
UPDATE "threads" SET "search" = NULL WHERE "search" IS NULL;--> statement-breakpoint
UPDATE "resources" SET "search" = NULL WHERE "search" IS NULL;--> statement-breakpoint
UPDATE "deliverables" SET "search" = NULL WHERE "search" IS NULL;--> statement-breakpoint
UPDATE "deliverable_sections" SET "search" = NULL WHERE "search" IS NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "posts_search_vector_idx" ON "posts" USING gin ("search");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "threads_search_vector_idx" ON "threads" USING gin ("search");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "resources_search_vector_idx" ON "resources" USING gin ("search");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "deliverables_search_vector_idx" ON "deliverables" USING gin ("search");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "deliverable_sections_search_vector_idx" ON "deliverable_sections" USING gin ("search");--> statement-breakpoint
DROP INDEX IF EXISTS "deliverables_search_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "deliverable_sections_search_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "resources_search_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "posts_search_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "threads_search_idx";
