import {
  type AnalysedWords,
  deliverables,
  organizationNames,
  organizations,
  posts,
  resources,
  searchVector,
  sections,
  threads,
} from "@pratica/db";
import { type SQL, sql } from "drizzle-orm";

/** How many of its most recent matches each kind ranks, per search. */
export const CANDIDATES = 1000;
/**
 * What only the typo correction finds ranks at this fraction of its rank: ts_rank is at most 1,
 * so at most 0.05, under one body match of the words as typed (about 0.06).
 */
export const CORRECTED_WEIGHT = 0.05;

export const SEARCH_KINDS = ["THREAD", "POST", "RESOURCE", "DELIVERABLE", "ORGANIZATION"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** What one search looks through: its words, kinds, and the communities it may read. */
export type SearchSpace = {
  words: AnalysedWords;
  kinds: readonly SearchKind[];
  /** The ids of the communities searched (a subquery). */
  readable: SQL;
  /** The ids of the communities whose drafts the viewer may find (a subquery). */
  memberOf: SQL;
  /**
   * The hidden-content rule, as SQL: hidden content is found only by its author and the
   * moderators of its community (hidden-content.policy.ts `canSeeHidden`).
   */
  viewerId: string | null;
  /** The ids of the communities the viewer moderates (a subquery). */
  moderated: SQL;
  /**
   * The user's words as organisations' names are matched (search syntax taken out); null when
   * the search keeps to one community, which no organisation belongs to.
   */
  organizationWords: string | null;
};
export type PagePosition = { rank: number; kind: SearchKind; id: string };

/**
 * The SQL of one search, per kind: its bounded candidates, ranked, for a page of results; and
 * the same candidates counted, with the statement whose plan estimates a kind's matches past
 * the cap. The words arrive as tsquery text (analyseWords), so PostgreSQL plans with them
 * known and parses them once.
 */
export function searchSql({ words, kinds, readable, memberOf, viewerId, moderated, organizationWords }: SearchSpace) {
  const shown = (hiddenAt: SQL, authorId: SQL, communityId: SQL) =>
    viewerId
      ? sql`(${hiddenAt} is null or ${authorId} = ${viewerId}::uuid or ${communityId} in (${moderated}))`
      : sql`${hiddenAt} is null`;
  const query = sql`${words.query}::tsquery`;
  const corrected = words.corrected && words.corrected !== words.query ? sql`${words.corrected}::tsquery` : undefined;
  const matches = (vector: SQL) =>
    corrected ? sql`${vector} @@ (${query} || ${corrected})` : sql`${vector} @@ ${query}`;
  const rank = (vector: SQL) =>
    corrected
      ? sql`case when ${vector} @@ ${query} then ts_rank(${vector}, ${query})
          else ${CORRECTED_WEIGHT}::real * ts_rank(${vector}, ${corrected}) end`
      : sql`ts_rank(${vector}, ${query})`;

  // Where each kind looks. Documents also match through their sections, and are filtered by
  // community and status once grouped (below).
  const sources: Record<SearchKind, { table: SQL; where: SQL; newest: SQL }> = {
    RESOURCE: {
      table: sql`${resources}`,
      where: sql`${resources.status} in ('PUBLISHED', 'FEATURED') and ${resources.communityId} in (${readable})
        and ${shown(sql`${resources.hiddenAt}`, sql`${resources.proposerId}`, sql`${resources.communityId}`)}`,
      newest: sql`${resources.createdAt}`,
    },
    THREAD: {
      table: sql`${threads}`,
      where: sql`${threads.communityId} in (${readable})
        and ${shown(sql`${threads.hiddenAt}`, sql`${threads.authorId}`, sql`${threads.communityId}`)}`,
      newest: sql`${threads.createdAt}`,
    },
    POST: {
      table: sql`${posts}`,
      where: sql`${posts.deletedAt} is null and ${posts.communityId} in (${readable})
        and ${shown(sql`${posts.hiddenAt}`, sql`${posts.authorId}`, sql`${posts.communityId}`)}`,
      newest: sql`${posts.seq}`,
    },
    DELIVERABLE: {
      table: sql`${deliverables}`,
      where: sql`${deliverables.communityId} in (${readable})
        and (${deliverables.status} in ('PUBLISHED', 'ARCHIVED') or ${deliverables.communityId} in (${memberOf}))`,
      newest: sql`${deliverables.updatedAt}`,
    },
    ORGANIZATION: organizationSource(organizationWords),
  };

  // Each kind ranks at most CANDIDATES matches, its most recent ones: a common word matches
  // most of a million posts, and ranking all of them is what took minutes. With the vectors
  // stored, the planner either walks the newest rows checking the vector (common word) or
  // takes the few GIN matches and sorts them (rare word); both stop early.
  const candidates = (table: SQL, where: SQL, newest: SQL) => sql`
    select id, ${rank(sql`search`)} as rank from (
      select id, search from ${table} where ${matches(sql`search`)} and ${where}
      order by ${newest} desc limit ${CANDIDATES}) matches`;
  const sectionVector = searchVector(sections);
  const branch = (kind: SearchKind): SQL => {
    const { table, where, newest } = sources[kind];
    // The kind is one of our own four words, written into the SQL as a literal.
    if (kind === "ORGANIZATION")
      return sql`select 'ORGANIZATION' as kind, id, rank from (
        select ${organizations.id} as id, ${organizationRank(organizationWords)} as rank from ${organizations}
          where ${where} order by ${newest} desc limit ${CANDIDATES}) c`;
    if (kind !== "DELIVERABLE")
      return sql`select ${sql.raw(`'${kind}'`)} as kind, id, rank from (${candidates(table, where, newest)}) c`;
    return sql`
    select 'DELIVERABLE' as kind, ${deliverables.id} as id, max(matches.rank) as rank
      from (
        select id, rank from (${candidates(table, sql`true`, newest)}) d
        union all
        select ${sections.deliverableId}, ${rank(sectionVector)} from (
          select ${sections.deliverableId}, ${sectionVector} from ${sections}
            where ${matches(sectionVector)} and ${sections.removedAt} is null
            order by ${sections.createdAt} desc limit ${CANDIDATES}) ${sections}
      ) matches
      join ${deliverables} on ${deliverables.id} = matches.id
      where ${where}
      group by ${deliverables.id}`;
  };
  const hits = sql.join(
    kinds.map((kind) => branch(kind)),
    sql` union all `,
  );

  return {
    /** One page by (rank, kind, id), one row more than asked to tell whether another follows. */
    page: (after: PagePosition | null | undefined, size: number) => sql`
      select kind, id, rank from (${hits}) hits
      ${after ? sql`where (rank, kind, id) < (${after.rank}::real, ${after.kind}, ${after.id}::uuid)` : sql``}
      order by rank desc, kind desc, id desc
      limit ${size + 1}`,
    /** Each kind's candidates, counted: CANDIDATES (or more, for documents) means "at least". */
    counts: () => sql`select kind, count(*)::int as n from (${hits}) hits group by kind`,
    /** A statement whose plan's row count estimates one kind's matches, however many. */
    estimate: (kind: SearchKind) =>
      kind === "ORGANIZATION"
        ? sql`select 1 from ${organizations} where ${sources[kind].where}`
        : sql`select 1 from ${sources[kind].table}
      where ${matches(sql`search`)} and ${kind === "DELIVERABLE" ? sql`true` : sources[kind].where}`,
  };
}

/** The words as one folded text (accents off, lower case), the way pratica_org_names folds the names. */
const folded = (words: string) => sql`lower(pratica_fold(${words}::text))`;

/** Former partners are found, a little below the partners of the same name. */
const FORMER_WEIGHT = 0.9;

/**
 * Organisations by their names in both languages (migration 0011's trigram index): the words
 * inside a name (so "Coop" finds "Cooperativa…" as one types), or close to its words despite a
 * small typo (word_similarity past pg_trgm's threshold, `<%`). No words (a community's search):
 * none.
 */
function organizationSource(words: string | null): { table: SQL; where: SQL; newest: SQL } {
  if (words === null) return { table: sql`${organizations}`, where: sql`false`, newest: sql`1` };
  const like = words.replace(/[\\%_]/g, "\\$&");
  const names = organizationNames();
  return {
    table: sql`${organizations}`,
    where: sql`(${names} like '%' || ${folded(like)} || '%' or ${folded(words)} <% ${names})`,
    newest: organizationRank(words),
  };
}

/** How well the words meet an organisation's names: 1 when they are inside them, less for a typo. */
function organizationRank(words: string | null): SQL {
  if (words === null) return sql`0::real`;
  return sql`(word_similarity(${folded(words)}, ${organizationNames()})
    * case when ${organizations.withdrawnOn} is null then 1.0 else ${FORMER_WEIGHT}::real end)::real`;
}
