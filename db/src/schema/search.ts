import { type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

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
  /** No quotes, no `-word`, no `or`: a title may also match it with a typo (trigrams). */
  plain: boolean;
};

const SYNTAX = /"|(^|\s)-|(^|\s)or(\s|$)/iu;
const ENDS_IN_WORD = /[\p{L}\p{N}]{3}$/u;

/** Reads a user's search text: whether it uses web-search syntax, whether it ends in a word. */
export function searchWords(text: string): SearchWords {
  const plain = !SYNTAX.test(text);
  return { text, plain, prefixLast: plain && ENDS_IN_WORD.test(text) };
}

/** A user's words, understood in both languages (websearch syntax: quotes, or, -word). */
export const searchQuery = (words: SearchWords): SQL => sql`pratica_search_query(${words.text}, ${words.prefixLast})`;

/**
 * The query snippets are highlighted with: ts_headline stems each word as the stemmer does,
 * before the Italian forms are folded, so every lexeme becomes a prefix (migration 0006).
 */
export const highlightQuery = (query: SQL): SQL => sql`pratica_highlight_query(${query})`;

/** The text search configuration of a language, the one snippets are made with. */
export const searchConfig = (language: "it" | "en"): SQL =>
  language === "it" ? sql`'pratica_italian'::regconfig` : sql`'pratica_english'::regconfig`;

/**
 * A title column as its trigram index holds it (unaccented), for `words <<% title`: a title
 * whose word is one letter off still matches.
 */
export const foldedTitle = (title: SQL): SQL => sql`pratica_fold(${title})`;
export const foldedWords = (words: SearchWords): SQL => sql`pratica_fold(${words.text})`;
