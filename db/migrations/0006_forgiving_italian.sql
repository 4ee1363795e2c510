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
-- 3. Typos. `search_words` holds every word of four or more letters of the titles of threads,
--    resources and documents (names of people, places, organisations, projects), unaccented
--    and lowercased, with a trigram index. pratica_correct() replaces each word of a search
--    that is not among them by the closest that is (trigram similarity at least 0.4), which
--    the service searches too, ranking what only the correction finds below the rest. This is
--    the spelling-suggestion method of the pg_trgm documentation; comparing the words of a
--    search with every title instead (strict_word_similarity over a title index) cost 120 ms
--    when ten thousand titles shared two words with it; the word list answers in a millisecond.
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
CREATE OR REPLACE FUNCTION pratica_italian_lexemes(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN regexp_replace(regexp_replace($1, '([^'' ]{3})i?(ar|er|ir)''', '\1''', 'g'), '([^'' ]{3})(tor|tr)''', '\1t''', 'g');--> statement-breakpoint
CREATE OR REPLACE FUNCTION pratica_italian_forms(tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN pratica_italian_lexemes($1::text)::tsvector;--> statement-breakpoint
CREATE OR REPLACE FUNCTION pratica_italian_forms(tsquery) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN pratica_italian_lexemes($1::text)::tsquery;--> statement-breakpoint
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
CREATE TABLE IF NOT EXISTS "search_words" ("word" text PRIMARY KEY);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
-- The words of a text as search_words keeps them. Words are only added, never removed: a word
-- whose last title changed still names something people may look for, and it costs a row.
CREATE OR REPLACE FUNCTION pratica_title_words(text) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT word FROM regexp_split_to_table(lower(pratica_fold($1)), '[^[:alnum:]]+') AS word
  WHERE length(word) >= 4 AND word ~ '[[:alpha:]]'
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION pratica_remember_title_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.title IS DISTINCT FROM OLD.title THEN
    -- In one order, so that two writers adding the same new words never wait on each other in
    -- a cycle; a word another transaction is adding makes this one wait for it, briefly.
    INSERT INTO search_words (word) SELECT DISTINCT w FROM pratica_title_words(NEW.title) AS w ORDER BY w
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE TRIGGER "threads_title_words" AFTER INSERT OR UPDATE OF "title" ON "threads" FOR EACH ROW EXECUTE FUNCTION pratica_remember_title_words();--> statement-breakpoint
CREATE OR REPLACE TRIGGER "resources_title_words" AFTER INSERT OR UPDATE OF "title" ON "resources" FOR EACH ROW EXECUTE FUNCTION pratica_remember_title_words();--> statement-breakpoint
CREATE OR REPLACE TRIGGER "deliverables_title_words" AFTER INSERT OR UPDATE OF "title" ON "deliverables" FOR EACH ROW EXECUTE FUNCTION pratica_remember_title_words();--> statement-breakpoint
INSERT INTO "search_words" ("word")
  SELECT DISTINCT w FROM (SELECT "title" FROM "threads" UNION ALL SELECT "title" FROM "resources" UNION ALL SELECT "title" FROM "deliverables") AS t,
    pratica_title_words(t."title") AS w ORDER BY 1
  ON CONFLICT DO NOTHING;--> statement-breakpoint
-- The search text with each word of four or more letters that no title holds replaced by the
-- closest one that some title does (trigram similarity at least 0.4; `%` lets the index narrow
-- first, at pg_trgm's own 0.3); NULL when nothing was replaced. Words with no letter are kept:
-- a year or a number is not a typo.
CREATE OR REPLACE FUNCTION pratica_correct(words text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE STRICT AS $$
  SELECT CASE WHEN bool_or(meant IS NOT NULL) THEN string_agg(coalesce(meant, typed), ' ' ORDER BY n) END
  FROM (
    SELECT typed, n, CASE WHEN length(typed) >= 4 AND typed ~ '[[:alpha:]]'
        AND NOT EXISTS (SELECT 1 FROM search_words k WHERE k.word = typed) THEN (
      SELECT v.word FROM search_words v
      WHERE v.word % typed AND similarity(v.word, typed) >= 0.4
      ORDER BY similarity(v.word, typed) DESC, v.word LIMIT 1) END AS meant
    FROM regexp_split_to_table(lower(pratica_fold(words)), '[^[:alnum:]]+') WITH ORDINALITY AS w(typed, n)
    WHERE typed <> ''
  ) AS corrected
$$;
