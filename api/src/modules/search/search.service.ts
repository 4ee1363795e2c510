import {
  type AnalysedWords,
  analyseWords,
  type Database,
  type DeliverableRow,
  deliverables,
  type OrganizationRow,
  organizations,
  type PostRow,
  posts,
  type ResourceRow,
  resources,
  type SearchWords,
  searchConfig,
  searchWords,
  sections,
  type ThreadRow,
  type Transaction,
  threads,
} from "@pratica/db";
import { SEARCH_MAX, SEARCH_MIN } from "@pratica/rules";
import { and, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Locale } from "../../core/context.js";
import { forbidden, queryTooComplex, unauthenticated } from "../../core/errors.js";
import { cursorId, decodeCursor, jsonCursor, type PageArgs, pageSize } from "../../core/pagination.js";
import { parseInput } from "../../core/validate.js";
import type { Viewer } from "../../core/viewer.js";
import { canRead } from "../community/community.policy.js";
import { memberCommunityIds, moderatedCommunityIds, readableCommunityIds } from "../community/community.scope.js";
import type { CommunityService } from "../community/community.service.js";

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

import { organizationSnippet, organizationWords } from "./organization-snippet.js";
import { CANDIDATES, SEARCH_KINDS, type SearchKind, searchSql } from "./search.page.js";

export { CANDIDATES, SEARCH_KINDS, type SearchKind } from "./search.page.js";

/** How many results a search has; `exact` false when some kind's count is PostgreSQL's estimate. */
export type SearchCount = { value: number; exact: boolean };

/** Narrows a search: to one community, to some kinds of result (all when absent). */
export type SearchScope = {
  communityId?: string | null;
  kinds?: readonly SearchKind[] | null;
  /** The caller's language: an organisation's snippet shows its name in it first. */
  locale?: Locale;
};
export type SearchHit =
  | { kind: "THREAD"; node: ThreadRow; rank: number; snippet: string }
  | { kind: "POST"; node: PostRow; rank: number; snippet: string }
  | { kind: "RESOURCE"; node: ResourceRow; rank: number; snippet: string }
  | { kind: "DELIVERABLE"; node: DeliverableRow; rank: number; snippet: string }
  | { kind: "ORGANIZATION"; node: OrganizationRow; rank: number; snippet: string };

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
  .min(SEARCH_MIN, `Search for at least ${SEARCH_MIN} characters.`)
  .max(SEARCH_MAX, `Search for at most ${SEARCH_MAX} characters.`);

/**
 * The public `search`: published library material, threads, posts and co-authored documents
 * (their title, summary or sections; drafts for the community's members) of every community the
 * viewer may read, ranked (a title match first) with highlighted snippets. Italian and English
 * stemming both apply, accents are folded, Italian plurals and feminines meet, the last word is
 * a prefix and typos are corrected against the words of titles (docs/library.md).
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
    const readable = args.communityId
      ? await this.readableCommunity(viewer, args.communityId)
      : readableCommunityIds(viewer);
    const memberOf = memberCommunityIds(viewer);

    const { analysed, space, rows } = await this.bounded(async (tx) => {
      const analysed = await this.analyse(tx, words);
      const space = searchSql({
        words: analysed,
        kinds,
        readable,
        memberOf,
        viewerId: viewer?.id ?? null,
        moderated: moderatedCommunityIds(viewer),
        // Organisations belong to no community: a community's search leaves them out.
        organizationWords: args.communityId ? null : organizationWords(q),
      });
      const rows = rowsOf<{ kind: SearchKind; id: string; rank: number }>(await tx.execute(space.page(after, size)));
      return { analysed, space, rows };
    });
    const nodes = rows.slice(0, size);
    const details = await this.details(nodes, sql`${analysed.highlight}::tsquery`, q, args.locale ?? "en");
    const results = nodes.flatMap((hit) => {
      const found = details.get(hit.id);
      return found ? [{ ...found, rank: Number(hit.rank) } as SearchHit] : [];
    });
    return {
      nodes: results,
      cursors: results.map((r) => encodeSearchCursor({ rank: r.rank, kind: r.kind, id: r.node.id })),
      hasNextPage: rows.length > size,
      /** How many results in all: asked for separately, since it costs a second look. */
      count: () => this.count(space, kinds),
    };
  }

  /**
   * How many results a search has: exact while every kind has fewer than CANDIDATES matches;
   * past that, the kind's count is PostgreSQL's estimate of its matches (the planner's row
   * count, from the statistics of the stored vectors), never below what was counted.
   */
  private async count(search: ReturnType<typeof searchSql>, kinds: readonly SearchKind[]): Promise<SearchCount> {
    return this.bounded(async (tx) => {
      await tx.execute(this.timeoutSetting());
      const counted = new Map(
        rowsOf<{ kind: SearchKind; n: number }>(await tx.execute(search.counts())).map((r) => [r.kind, Number(r.n)]),
      );
      let value = 0;
      let exact = true;
      for (const kind of kinds) {
        const n = counted.get(kind) ?? 0;
        if (n < CANDIDATES) {
          value += n;
          continue;
        }
        exact = false;
        const [plan] = rowsOf<Record<string, unknown>>(
          await tx.execute(sql`explain (format json) ${search.estimate(kind)}`),
        );
        value += Math.max(n, plannedRows(plan));
      }
      return { value, exact };
    });
  }

  /** Sets the statement timeout of the transaction, as a statement's value (set_config, local). */
  private timeoutSetting(): SQL {
    return sql`select set_config('statement_timeout', ${String(Math.trunc(this.timeoutMs))}, true)`;
  }

  /**
   * Reads the words (query, corrected query, highlight query) and, in the same statement, sets
   * the transaction's statement timeout: one round trip fewer than a SET of its own. Reading
   * the words is cheap, and is not bounded itself.
   */
  private async analyse(tx: Transaction, words: SearchWords): Promise<AnalysedWords> {
    const [analysed] = rowsOf<AnalysedWords>(
      await tx.execute(
        sql`select settings.*, words.* from (${this.timeoutSetting()}) settings, (${analyseWords(words)}) words`,
      ),
    );
    if (!analysed) throw new Error("the words were not analysed");
    return analysed;
  }

  /**
   * Runs a search's statements in one transaction, whose statement timeout the first of them
   * sets: whatever the words, one search must not hold a connection for long. Past it
   * PostgreSQL cancels the statement, and the viewer is told to narrow the search
   * (QUERY_TOO_COMPLEX), never an internal error.
   */
  private async bounded<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
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
  private async details(hits: { kind: SearchKind; id: string }[], query: SQL, words: string, locale: Locale) {
    const ids = (kind: SearchKind) => hits.filter((h) => h.kind === kind).map((h) => h.id);
    const out = new Map<string, Omit<SearchHit, "rank">>();
    const [resourceIds, threadIds, postIds, deliverableIds, organizationIds] = [
      ids("RESOURCE"),
      ids("THREAD"),
      ids("POST"),
      ids("DELIVERABLE"),
      ids("ORGANIZATION"),
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
      organizationIds.length &&
        this.db
          .select()
          .from(organizations)
          .where(inArray(organizations.id, organizationIds))
          .then((rows) => {
            for (const node of rows)
              out.set(node.id, { kind: "ORGANIZATION", node, snippet: organizationSnippet(node, words, locale) });
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

/** The row count of the top node of an `explain (format json)` answer (JSON parsed or not). */
function plannedRows(row: Record<string, unknown> | undefined): number {
  const value = row ? Object.values(row)[0] : undefined;
  const plan = (typeof value === "string" ? JSON.parse(value) : value) as
    | [{ Plan?: { "Plan Rows"?: number } }]
    | undefined;
  return Math.round(plan?.[0]?.Plan?.["Plan Rows"] ?? 0);
}

/** db.execute answers an array (postgres.js) or `{ rows }` (PGlite). */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}
