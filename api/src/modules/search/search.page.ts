import { type AnalysedWords, deliverables, posts, resources, searchVector, sections, threads } from "@pratica/db";
import { type SQL, sql } from "drizzle-orm";

/** How many of its most recent matches each kind ranks, per search. */
export const CANDIDATES = 1000;
/**
 * What only the typo correction finds ranks at this fraction of its rank: ts_rank is at most 1,
 * so at most 0.05, under one body match of the words as typed (about 0.06).
 */
export const CORRECTED_WEIGHT = 0.05;

export const SEARCH_KINDS = ["THREAD", "POST", "RESOURCE", "DELIVERABLE"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export type PageQuery = {
  words: AnalysedWords;
  kinds: readonly SearchKind[];
  /** The ids of the communities searched (a subquery). */
  readable: SQL;
  /** The ids of the communities whose drafts the viewer may find (a subquery). */
  memberOf: SQL;
  after: { rank: number; kind: SearchKind; id: string } | null | undefined;
  size: number;
};

/**
 * The SQL of one page of results: per kind, its bounded candidates, ranked; then the page by
 * (rank, kind, id). The words arrive as tsquery text (analyseWords), so PostgreSQL plans with
 * them known and parses them once.
 */
export function pageQuery({ words, kinds, readable, memberOf, after, size }: PageQuery): SQL {
  const query = sql`${words.query}::tsquery`;
  const corrected = words.corrected && words.corrected !== words.query ? sql`${words.corrected}::tsquery` : undefined;
  const matches = (vector: SQL) =>
    corrected ? sql`${vector} @@ (${query} || ${corrected})` : sql`${vector} @@ ${query}`;
  const rank = (vector: SQL) =>
    corrected
      ? sql`case when ${vector} @@ ${query} then ts_rank(${vector}, ${query})
          else ${CORRECTED_WEIGHT}::real * ts_rank(${vector}, ${corrected}) end`
      : sql`ts_rank(${vector}, ${query})`;

  // Each kind ranks at most CANDIDATES matches, its most recent ones: a common word matches
  // most of a million posts, and ranking all of them is what took minutes. With the vectors
  // stored, the planner either walks the newest rows checking the vector (common word) or
  // takes the few GIN matches and sorts them (rare word); both stop early.
  const candidates = (table: SQL, where: SQL, newest: SQL) => sql`
    select id, ${rank(sql`search`)} as rank from (
      select id, search from ${table} where ${matches(sql`search`)} and ${where}
      order by ${newest} desc limit ${CANDIDATES}) matches`;
  const sectionVector = searchVector(sections);
  const branches: Record<SearchKind, SQL> = {
    RESOURCE: sql`select 'RESOURCE' as kind, id, rank from (${candidates(
      sql`${resources}`,
      sql`${resources.status} in ('PUBLISHED', 'FEATURED') and ${resources.communityId} in (${readable})`,
      sql`${resources.createdAt}`,
    )}) r`,
    THREAD: sql`select 'THREAD' as kind, id, rank from (${candidates(
      sql`${threads}`,
      sql`${threads.communityId} in (${readable})`,
      sql`${threads.createdAt}`,
    )}) t`,
    POST: sql`select 'POST' as kind, id, rank from (${candidates(
      sql`${posts}`,
      sql`${posts.deletedAt} is null and ${posts.communityId} in (${readable})`,
      sql`${posts.seq}`,
    )}) p`,
    DELIVERABLE: sql`
    select 'DELIVERABLE' as kind, ${deliverables.id} as id, max(matches.rank) as rank
      from (
        select id, rank from (${candidates(sql`${deliverables}`, sql`true`, sql`${deliverables.updatedAt}`)}) d
        union all
        select ${sections.deliverableId}, ${rank(sectionVector)} from (
          select ${sections.deliverableId}, ${sectionVector} from ${sections}
            where ${matches(sectionVector)} and ${sections.removedAt} is null
            order by ${sections.createdAt} desc limit ${CANDIDATES}) ${sections}
      ) matches
      join ${deliverables} on ${deliverables.id} = matches.id
      where ${deliverables.communityId} in (${readable})
        and (${deliverables.status} in ('PUBLISHED', 'ARCHIVED') or ${deliverables.communityId} in (${memberOf}))
      group by ${deliverables.id}`,
  };
  const hits = sql.join(
    kinds.map((kind) => branches[kind]),
    sql` union all `,
  );
  return sql`
    select kind, id, rank from (${hits}) hits
    ${after ? sql`where (rank, kind, id) < (${after.rank}::real, ${after.kind}, ${after.id}::uuid)` : sql``}
    order by rank desc, kind desc, id desc
    limit ${size + 1}`;
}
