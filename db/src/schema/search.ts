import { type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.js";

/**
 * The stored full-text vector of a searchable table (threads, posts, resources, deliverables,
 * deliverable_sections): a `search` column kept by a trigger and indexed with GIN (migrations
 * 0005 and 0006, which hold how each is made). Not a drizzle column, so rows the app reads
 * never carry it. Weights rank a title (A) above tags or a heading (B), summary (C) and body
 * (D); discussions and documents carry no language and are analysed in Italian and in English,
 * resources in their own language. Accents are folded, and Italian plurals and feminines meet
 * their singulars and masculines (pratica_italian_forms, migration 0006).
 */
export const searchVector = (table: PgTable): SQL => sql`${table}."search"`;

/** How a user's words are read: as typed words (the last one a prefix) or as search syntax. */
export type SearchWords = {
  text: string;
  /** The text ends in a plain word of three or more letters: it also matches longer words. */
  prefixLast: boolean;
  /** No quotes, no `-word`, no `or`: a word may be a typo of a title's word (trigrams). */
  plain: boolean;
};

const SYNTAX = /"|(^|\s)-|(^|\s)or(\s|$)/iu;
const ENDS_IN_WORD = /[\p{L}\p{N}]{3}$/u;

/** Reads a user's search text: whether it uses web-search syntax, whether it ends in a word. */
export function searchWords(text: string): SearchWords {
  const plain = !SYNTAX.test(text);
  return { text, plain, prefixLast: plain && ENDS_IN_WORD.test(text) };
}

/**
 * One statement that reads a user's words: the query in both languages (`query`), the same
 * words with the typos corrected against the words of titles (`corrected`, plain words only;
 * NULL when nothing changed) and the query snippets are highlighted with (`highlight`), all as
 * tsquery text. ts_headline stems each word as the stemmer does, before the Italian forms are
 * folded, so every highlight lexeme is a prefix (migration 0006). The service passes them on
 * as parameters: the page query is planned with the words known, and parses them once.
 */
export const analyseWords = (words: SearchWords): SQL => sql`
  select q::text as query, c::text as corrected, pratica_highlight_query(coalesce(q || c, q))::text as highlight
  from (select pratica_search_query(${words.text}, ${words.prefixLast}) as q,
    ${words.plain ? sql`pratica_search_query(pratica_correct(${words.text}), ${words.prefixLast})` : sql`null::tsquery`} as c) words`;

/** What analyseWords answers. */
export type AnalysedWords = { query: string; corrected: string | null; highlight: string };

/** The text search configuration of a language, the one snippets are made with. */
export const searchConfig = (language: "it" | "en"): SQL =>
  language === "it" ? sql`'pratica_italian'::regconfig` : sql`'pratica_english'::regconfig`;

/**
 * An organisation's names in both languages as one folded text (accents off, lower case), the
 * expression of the trigram index organizations_names_trgm_idx (migration 0011): the global
 * search finds partners by it, by a word's start and despite a small typo.
 */
export const organizationNames = (): SQL => sql`pratica_org_names(${organizations.name}, ${organizations.nameIt})`;
