import {
  type Database,
  type DeliverableRow,
  deliverables,
  foldedTitle,
  foldedWords,
  highlightQuery,
  type PostRow,
  posts,
  type ResourceRow,
  resources,
  searchConfig,
  searchQuery,
  searchVector,
  searchWords,
  sections,
  type ThreadRow,
  threads,
} from "@pratica/db";
import { and, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { forbidden, queryTooComplex, unauthenticated } from "../../core/errors.js";
import { cursorId, decodeCursor, jsonCursor, type PageArgs, pageSize } from "../../core/pagination.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import { canRead } from "../community/community.policy.js";
import { memberCommunityIds, readableCommunityIds } from "../community/community.scope.js";
import type { CommunityService } from "../community/community.service.js";

/** How many of its most recent matches each kind ranks, per search. */
export const CANDIDATES = 1000;
/** How many titles within a typo of the words each kind adds, the closest first. */
export const NEAR_TITLES = 50;
/**
 * A title found only within a typo ranks below every word match: ts_rank of one body match is
 * about 0.06, and this times the trigram similarity (at most 1) stays under it.
 */
const NEAR_TITLE_WEIGHT = 0.05;
/** The statement timeout of a search's page query. */
export const SEARCH_TIMEOUT_MS = 1000;
// PostgreSQL's query_canceled: the statement timeout fired.
const QUERY_CANCELED = "57014";

/** The SQLSTATE of a driver error, also when drizzle wrapped it. */
function sqlState(err: unknown): string | undefined {
  for (let e = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export const SEARCH_KINDS = ["THREAD", "POST", "RESOURCE", "DELIVERABLE"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Narrows a search: to one community, to some kinds of result (all when absent). */
export type SearchScope = { communityId?: string | null; kinds?: readonly SearchKind[] | null };
export type SearchHit =
  | { kind: "THREAD"; node: ThreadRow; rank: number; snippet: string }
  | { kind: "POST"; node: PostRow; rank: number; snippet: string }
  | { kind: "RESOURCE"; node: ResourceRow; rank: number; snippet: string }
  | { kind: "DELIVERABLE"; node: DeliverableRow; rank: number; snippet: string };

/** Matched words in snippets sit between these two private-use characters; clients render them, never as HTML. */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";
const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

const scopeRule = z.object({
  kinds: z
    .array(z.enum(SEARCH_KINDS))
    .min(1, "Name at least one kind of result, or leave kinds out for all.")
    .transform((kinds) => [...new Set(kinds)]),
});

const queryRule = z
  .string()
  .trim()
  .min(2, "Search for at least 2 characters.")
  .max(200, "Search for at most 200 characters.");

/**
 * The public `search`: published library material, threads, posts and co-authored documents
 * (their title, summary or sections; drafts for the community's members) of every community the
 * viewer may read, ranked (a title match first) with highlighted snippets. Italian and English
 * stemming both apply, so "imprese" finds "impresa".
 */
export class SearchService {
  constructor(
    private readonly db: Database,
    private readonly communities: CommunityService,
    /** The longest a search's page query may run (statement_timeout). */
    private readonly timeoutMs = SEARCH_TIMEOUT_MS,
  ) {}

  async search(viewer: Viewer | null, text: string, args: PageArgs & SearchScope) {
    const q = parseInput(queryRule, text);
    const size = pageSize(args.first);
    const after = decodeCursor(searchCursor, args.after);
    const { kinds } = parseInput(scopeRule, { kinds: args.kinds ?? [...SEARCH_KINDS] });
    const words = searchWords(q);
    const query = searchQuery(words);
    const readable = args.communityId
      ? await this.readableCommunity(viewer, args.communityId)
      : readableCommunityIds(viewer);

    // Each kind ranks at most CANDIDATES matches, its most recent ones: a common word matches
    // most of a million posts, and ranking all of them is what took minutes. With the vectors
    // stored, the planner either walks the newest rows checking the vector (common word) or
    // takes the few GIN matches and sorts them (rare word); both stop early. Kinds with a
    // title add the NEAR_TITLES titles closest to plain words (a typo in a name), from the
    // trigram index; a row found both ways keeps its better rank.
    const candidates = (table: SQL, where: SQL, newest: SQL, title?: SQL) => {
      const matches = sql`
        select id, ts_rank(search, ${query}) as rank from (
          select id, search from ${table} where search @@ ${query} and ${where}
          order by ${newest} desc limit ${CANDIDATES}) matches`;
      if (!title || !words.plain) return matches;
      const near = sql`strict_word_similarity(${foldedWords(words)}, ${foldedTitle(title)})`;
      return sql`
        select id, max(rank) as rank from (
          ${matches}
          union all
          (select id, (${NEAR_TITLE_WEIGHT} * ${near})::real from ${table}
            where ${foldedWords(words)} <<% ${foldedTitle(title)} and ${where}
            order by ${near} desc limit ${NEAR_TITLES})
        ) found group by id`;
    };
    const branches: Record<SearchKind, SQL> = {
      RESOURCE: sql`select 'RESOURCE' as kind, id, rank from (${candidates(
        sql`${resources}`,
        sql`${resources.status} in ('PUBLISHED', 'FEATURED') and ${resources.communityId} in (${readable})`,
        sql`${resources.createdAt}`,
        sql`${resources.title}`,
      )}) r`,
      THREAD: sql`select 'THREAD' as kind, id, rank from (${candidates(
        sql`${threads}`,
        sql`${threads.communityId} in (${readable})`,
        sql`${threads.createdAt}`,
        sql`${threads.title}`,
      )}) t`,
      POST: sql`select 'POST' as kind, id, rank from (${candidates(
        sql`${posts}`,
        sql`${posts.deletedAt} is null and ${posts.communityId} in (${readable})`,
        sql`${posts.seq}`,
      )}) p`,
      DELIVERABLE: sql`
      select 'DELIVERABLE' as kind, ${deliverables.id} as id, max(matches.rank) as rank
        from (
          select id, rank from (${candidates(sql`${deliverables}`, sql`true`, sql`${deliverables.updatedAt}`, sql`${deliverables.title}`)}) d
          union all
          select ${sections.deliverableId}, ts_rank(${searchVector(sections)}, ${query}) from (
            select ${sections.deliverableId}, ${searchVector(sections)} from ${sections}
              where ${searchVector(sections)} @@ ${query} and ${sections.removedAt} is null
              order by ${sections.createdAt} desc limit ${CANDIDATES}) ${sections}
        ) matches
        join ${deliverables} on ${deliverables.id} = matches.id
        where ${deliverables.communityId} in (${readable})
          and (${deliverables.status} in ('PUBLISHED', 'ARCHIVED') or ${deliverables.communityId} in (${memberCommunityIds(viewer)}))
        group by ${deliverables.id}`,
    };
    const hits = sql.join(
      kinds.map((kind) => branches[kind]),
      sql` union all `,
    );
    const page = await this.bounded(sql`
      select kind, id, rank from (${hits}) hits
      ${after ? sql`where (rank, kind, id) < (${after.rank}::real, ${after.kind}, ${after.id}::uuid)` : sql``}
      order by rank desc, kind desc, id desc
      limit ${size + 1}`);
    const rows = rowsOf<{ kind: SearchKind; id: string; rank: number }>(page);
    const nodes = rows.slice(0, size);
    const details = await this.details(nodes, highlightQuery(query));
    const results = nodes.flatMap((hit) => {
      const found = details.get(hit.id);
      return found ? [{ ...found, rank: Number(hit.rank) } as SearchHit] : [];
    });
    return {
      nodes: results,
      cursors: results.map((r) => encodeSearchCursor({ rank: r.rank, kind: r.kind, id: r.node.id })),
      hasNextPage: rows.length > size,
    };
  }

  /**
   * Runs the page query under a statement timeout: whatever the words, one search must not
   * hold a connection for long. Past it PostgreSQL cancels the statement, and the viewer is
   * told to narrow the search (QUERY_TOO_COMPLEX), never an internal error.
   */
  private async bounded(query: SQL) {
    try {
      return await this.db.transaction(async (tx) => {
        // SET takes no parameters; the value is our own integer.
        await tx.execute(sql.raw(`set local statement_timeout = ${Math.trunc(this.timeoutMs)}`));
        return tx.execute<{ kind: SearchKind; id: string; rank: number }>(query);
      });
    } catch (err) {
      if (sqlState(err) === QUERY_CANCELED) {
        throw queryTooComplex("This search took too long. Add words, or search one community or one kind.");
      }
      throw err;
    }
  }

  /**
   * One community, as a list of one, when the viewer may read it; else the refusal its content
   * would give (unknown or malformed id: NOT_FOUND).
   */
  private async readableCommunity(viewer: Viewer | null, communityId: string): Promise<SQL> {
    const { community, membership } = await this.communities.access(viewer, communityId);
    if (!canRead(community, viewer, membership)) {
      throw viewer
        ? forbidden("Only members of this community can search it.")
        : unauthenticated("Log in to search this community.");
    }
    return sql`select ${community.id}::uuid`;
  }

  /** The rows of one page and their snippets (highlighting `query`): one query per kind present. */
  private async details(hits: { kind: SearchKind; id: string }[], query: SQL) {
    const ids = (kind: SearchKind) => hits.filter((h) => h.kind === kind).map((h) => h.id);
    const out = new Map<string, Omit<SearchHit, "rank">>();
    const [resourceIds, threadIds, postIds, deliverableIds] = [
      ids("RESOURCE"),
      ids("THREAD"),
      ids("POST"),
      ids("DELIVERABLE"),
    ];
    const config = sql`(case ${resources.language} when 'it' then ${searchConfig("it")} else ${searchConfig("en")} end)`;
    const headline = (cfg: SQL, text: SQL) => sql<string>`ts_headline(${cfg}, ${text}, ${query}, ${HEADLINE})`;
    await Promise.all([
      resourceIds.length &&
        this.db
          .select({
            node: resources,
            snippet: headline(
              config,
              sql`${resources.title} || ' — ' || ${resources.summary} || ' ' || ${resources.body}`,
            ),
          })
          .from(resources)
          .where(inArray(resources.id, resourceIds))
          .then((rows) => {
            for (const r of rows) out.set(r.node.id, { kind: "RESOURCE", node: r.node, snippet: r.snippet });
          }),
      threadIds.length &&
        this.db
          .select({
            node: threads,
            snippet: headline(searchConfig("it"), sql`${threads.title} || ' — ' || ${threads.body}`),
          })
          .from(threads)
          .where(inArray(threads.id, threadIds))
          .then((rows) => {
            for (const r of rows) out.set(r.node.id, { kind: "THREAD", node: r.node, snippet: r.snippet });
          }),
      postIds.length &&
        this.db
          .select({ node: posts, snippet: headline(searchConfig("it"), sql`${posts.body}`) })
          .from(posts)
          .where(and(inArray(posts.id, postIds), isNull(posts.deletedAt)))
          .then((rows) => {
            for (const r of rows) out.set(r.node.id, { kind: "POST", node: r.node, snippet: r.snippet });
          }),
      deliverableIds.length &&
        this.db
          .select({
            node: deliverables,
            snippet: headline(
              searchConfig("it"),
              sql`${deliverables.title} || ' — ' || ${deliverables.summary} || ' ' || coalesce((select string_agg(${sections.heading} || ' ' || ${sections.body}, ' ' order by ${sections.position}) from ${sections} where ${sections.deliverableId} = ${deliverables.id} and ${sections.removedAt} is null), '')`,
            ),
          })
          .from(deliverables)
          .where(inArray(deliverables.id, deliverableIds))
          .then((rows) => {
            for (const r of rows) out.set(r.node.id, { kind: "DELIVERABLE", node: r.node, snippet: r.snippet });
          }),
    ]);
    return out;
  }
}

type SearchPosition = { rank: number; kind: SearchKind; id: string };

const encodeSearchCursor = (p: SearchPosition) =>
  Buffer.from(JSON.stringify([p.rank, p.kind, p.id])).toString("base64url");

// ts_rank is a real: outside float4's normal range (or a nonzero below it) PostgreSQL refuses the cast.
const REAL_MAX = 3.4028234663852886e38;
const REAL_MIN = 1.1754943508222875e-38;
const rank = z.number().refine((r) => r === 0 || (Math.abs(r) >= REAL_MIN && Math.abs(r) <= REAL_MAX));
const searchCursor = jsonCursor(z.tuple([rank, z.enum(SEARCH_KINDS), cursorId])).transform(
  ([rank, kind, id]): SearchPosition => ({ rank, kind, id }),
);

/** db.execute answers an array (postgres.js) or `{ rows }` (PGlite). */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}
