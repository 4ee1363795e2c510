-- Search that forgives Italian (issue 12). Three changes to how text is indexed and matched:
--
-- 1. Accents. Two text search configurations, pratica_italian and pratica_english, copy the
--    built-in ones and put the `unaccent` dictionary before the stemmer for words that are not
--    plain ASCII: "Niccolò" and "Niccolo", "Müller" and "Muller" meet.
-- 2. Italian inflection. Snowball's Italian stemmer takes "-are/-ere/-ire" as a verb ending, so
--    "circolare" stems to circol while "circolari" keeps circolar (also solare/solari,
--    cantiere/cantieri); and the agent nouns keep "-tor" or "-tr" (direttore/direttrice).
--    pratica_italian_forms() rewrites the Italian lexemes of a vector or a query the same way:
--    a final ar/er/ir is dropped with an i before it (the stemmer drops that i from the
--    singular: cantiere → cant, cantieri → cantier → cant), and a final tor/tr becomes t, when
--    at least three letters stay.
--    Every rewritten lexeme is a prefix of the stem it came from, which is what lets
--    ts_headline (which stems without this rewrite) highlight every form with a prefix query.
--    No dictionary does this: ispell dictionaries need files in the server's share folder,
--    which embedded PGlite cannot have.
-- 3. Typos in titles. A trigram index (pg_trgm) on the unaccented title of threads, resources
--    and documents, so a misspelt name or title still finds them (search.service.ts).
--
-- Both extensions are "trusted" (PostgreSQL 13+): the database owner may create them. On PGlite
-- the client loads them (db/src/client.ts).
--
-- The vectors change, so every row is computed again: about 75 s per million posts on the
-- bench machine, and checking a row costs as much as refilling it. The small tables are
-- refilled outright; posts unless the column's comment says they already were (below), so
-- that on a large database the refill can be done before upgrading, in batches.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'pratica_italian') THEN
    CREATE TEXT SEARCH CONFIGURATION pratica_italian (COPY = italian);
    ALTER TEXT SEARCH CONFIGURATION pratica_italian ALTER MAPPING FOR word, hword, hword_part WITH unaccent, italian_stem;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'pratica_english') THEN
    CREATE TEXT SEARCH CONFIGURATION pratica_english (COPY = english);
    ALTER TEXT SEARCH CONFIGURATION pratica_english ALTER MAPPING FOR word, hword, hword_part WITH unaccent, english_stem;
  END IF;
END $$;--> statement-breakpoint
-- unaccent() is only STABLE (it looks its dictionary up by name); an index expression needs an
-- IMMUTABLE function, and naming the dictionary makes it one in practice.
CREATE OR REPLACE FUNCTION pratica_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN unaccent('unaccent'::regdictionary, $1);--> statement-breakpoint
-- In the text form of a vector or query each lexeme is quoted, so "a lexeme ending in ar" is
-- "ar" right before a quote; Italian lexemes never hold a quote (the parser splits on it).
CREATE OR REPLACE FUNCTION pratica_italian_forms(tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN regexp_replace(regexp_replace($1::text, '([^'' ]{3})i?(ar|er|ir)''', '\1''', 'g'), '([^'' ]{3})(tor|tr)''', '\1t''', 'g')::tsvector;--> statement-breakpoint
CREATE OR REPLACE FUNCTION pratica_italian_forms(tsquery) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN regexp_replace(regexp_replace($1::text, '([^'' ]{3})i?(ar|er|ir)''', '\1''', 'g'), '([^'' ]{3})(tor|tr)''', '\1t''', 'g')::tsquery;--> statement-breakpoint
CREATE OR REPLACE FUNCTION pratica_vector(regconfig, text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE WHEN $1 = 'pratica_italian'::regconfig THEN pratica_italian_forms(to_tsvector($1, coalesce($2, ''))) ELSE to_tsvector($1, coalesce($2, '')) END;--> statement-breakpoint
CREATE OR REPLACE FUNCTION pratica_bilingual(text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN pratica_vector('pratica_italian'::regconfig, $1) || pratica_vector('pratica_english'::regconfig, $1);--> statement-breakpoint
-- A user's words as a query in both languages. With `prefix_last` the last word also matches
-- the words it starts ("coop" finds "cooperativa"): the service sets it when the text ends in a
-- plain word, as it does while someone types. An Italian stem is a prefix only from four
-- letters ("socio" stems to soc, which would find "società"); the English side, which leaves
-- most Italian words whole, still matches "socio" as the start of a word.
CREATE OR REPLACE FUNCTION pratica_search_query(words text, prefix_last boolean) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN CASE WHEN prefix_last
    THEN regexp_replace(pratica_italian_forms(websearch_to_tsquery('pratica_italian'::regconfig, words))::text, '([^'']{4})''$', '\1'':*')::tsquery
      || regexp_replace(websearch_to_tsquery('pratica_english'::regconfig, words)::text, '''$', ''':*')::tsquery
    ELSE pratica_italian_forms(websearch_to_tsquery('pratica_italian'::regconfig, words))
      || websearch_to_tsquery('pratica_english'::regconfig, words) END;--> statement-breakpoint
-- The query snippets highlight with: every lexeme a prefix, since ts_headline stems without
-- pratica_italian_forms and each rewritten lexeme is a prefix of the stem it came from.
CREATE OR REPLACE FUNCTION pratica_highlight_query(tsquery) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN regexp_replace($1::text, '([^'' ])''( |\)|$)', '\1'':*\2', 'g')::tsquery;--> statement-breakpoint
CREATE OR REPLACE FUNCTION pratica_resources_search() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE cfg regconfig := CASE NEW.language WHEN 'it' THEN 'pratica_italian'::regconfig ELSE 'pratica_english'::regconfig END;
BEGIN
  IF TG_OP = 'INSERT' OR NEW.search IS NULL OR NEW.title IS DISTINCT FROM OLD.title
     OR NEW.summary IS DISTINCT FROM OLD.summary OR NEW.body IS DISTINCT FROM OLD.body
     OR NEW.tags IS DISTINCT FROM OLD.tags OR NEW.language IS DISTINCT FROM OLD.language THEN
    NEW.search := setweight(pratica_vector(cfg, NEW.title), 'A')
      || setweight(pratica_vector(cfg, pratica_tags_text(NEW.tags)), 'B')
      || setweight(pratica_vector(cfg, NEW.summary), 'C')
      || setweight(pratica_vector(cfg, NEW.body), 'D');
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
UPDATE "threads" SET "search" = NULL;--> statement-breakpoint
UPDATE "resources" SET "search" = NULL;--> statement-breakpoint
UPDATE "deliverables" SET "search" = NULL;--> statement-breakpoint
UPDATE "deliverable_sections" SET "search" = NULL;--> statement-breakpoint
-- The comment on posts.search names the vectors it holds: an operator who refilled a large
-- table by hand beforehand sets it, and this block then has nothing to do (docs/operations.md).
DO $$
BEGIN
  IF col_description('posts'::regclass, (SELECT attnum FROM pg_attribute WHERE attrelid = 'posts'::regclass AND attname = 'search'))
     IS DISTINCT FROM 'pratica search vectors 2' THEN
    UPDATE "posts" SET "search" = NULL;
    COMMENT ON COLUMN "posts"."search" IS 'pratica search vectors 2';
  END IF;
END $$;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "threads_title_trgm_idx" ON "threads" USING gin (pratica_fold("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "resources_title_trgm_idx" ON "resources" USING gin (pratica_fold("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "deliverables_title_trgm_idx" ON "deliverables" USING gin (pratica_fold("title") gin_trgm_ops);
