/**
 * Search under load (issue 12): p50/p95/max of `search(query, first: 20)` through the built
 * api (pinned to core 0; this process on core 1), SEARCH_CONCURRENCY searchers at once, for
 * a rare term, a common one (in nearly every one of the million posts), a two-word phrase, a
 * prefix, a four-word OR, a title with a typo and words found nowhere; anonymous, over every
 * readable community. The posts branch of the search SQL (the heavy one) is also timed directly
 * with postgres.js at the same concurrency, to tell the database's share from the api's.
 *
 * Goal: p95 < 50 ms for the rare term and < 200 ms for the common one with ten searchers, and
 * no search over 1 s whatever the input.
 */
import { loadavg } from "node:os";
import { searchWords } from "@pratica/db";
import postgres from "postgres";
import {
  apiBuildInfo,
  benchDatabaseUrl,
  freePort,
  graphql,
  percentile,
  type RunningServer,
  round,
  startApi,
  stopAndReport,
  writeResult,
} from "./lib/common.js";

const CONCURRENCY = Number(process.env.SEARCH_CONCURRENCY ?? 10);
const PER_SEARCHER = Number(process.env.SEARCH_REQUESTS ?? 20);
const CANDIDATES = 1000; // as api/src/modules/search/search.page.ts

// The seed's words: every post says "…so others can reuse it", post j of thread k says
// "Reply j in thread k", so a number like 7777 is in ~100 posts and one thread title.
const CASES = [
  { name: "rare term", query: "7777" },
  { name: "common term", query: "reuse" },
  { name: "two-word phrase", query: '"what worked"' },
  { name: "prefix", query: "reus" },
  { name: "four words, OR", query: "reuse or thread or reply or sharing" },
  // Every one of the 10,000 thread titles shares "bench thread": the trigram branch's worst case.
  { name: "title typo", query: "Bench thred 7777" },
  { name: "no match", query: "città giraffa" },
  // The first page with its count: exact for the rare term, estimated past 1,000 for the common one.
  { name: "rare + totalCount", query: "7777", count: true },
  { name: "common + totalCount", query: "reuse", count: true },
] as const;

const SEARCH = `query($q: String!, $count: Boolean!) { search(query: $q, first: 20) {
  totalCount @include(if: $count) totalCountExact @include(if: $count)
  edges { rank snippet node { __typename ... on Post { id body } ... on Thread { id title } } } pageInfo { hasNextPage } } }`;
type SearchData = { search: { edges: unknown[]; totalCount?: number; totalCountExact?: boolean } };

const db = postgres(benchDatabaseUrl(), { max: CONCURRENCY, onnotice: () => {} });

/** Latencies (ms) of CONCURRENCY workers each running `run` PER_SEARCHER times. */
async function underLoad(run: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await run(); // warm-up: plans, caches
  const samples: number[] = [];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = 0; i < PER_SEARCHER; i++) {
        const start = performance.now();
        await run();
        samples.push(performance.now() - start);
      }
    }),
  );
  samples.sort((a, b) => a - b);
  return {
    n: samples.length,
    p50: round(percentile(samples, 50), 1),
    p95: round(percentile(samples, 95), 1),
    max: round(samples.at(-1) ?? 0, 1),
  };
}

// The posts branch as the service sends it (bounded candidates, stored vector, ranking).
const postsBranch = (q: string) => {
  const { prefixLast } = searchWords(q);
  return db`
  select id, ts_rank(search, pratica_search_query(${q}, ${prefixLast})) as rank from (
    select id, search from posts
    where search @@ pratica_search_query(${q}, ${prefixLast}) and deleted_at is null
    order by seq desc limit ${CANDIDATES}) matches
  order by rank desc limit 21`;
};

let api: RunningServer | undefined;
try {
  api = await startApi(await freePort(), 0);
  const url = `http://127.0.0.1:${api.port}/graphql`;
  const results = [];
  for (const c of CASES) {
    const variables = { q: c.query, count: "count" in c };
    const first = (await graphql<SearchData>(url, SEARCH, variables)).search;
    const hits = first.edges.length;
    const viaApi = await underLoad(() => graphql<SearchData>(url, SEARCH, variables));
    const viaSql = await underLoad(() => postsBranch(c.query));
    const counted =
      first.totalCount === undefined ? {} : { totalCount: first.totalCount, exact: first.totalCountExact };
    results.push({ ...c, hits, ...counted, api: viaApi, sqlPostsBranch: viaSql });
    console.log(
      `${c.name.padEnd(20)} ${JSON.stringify(c.query).padEnd(40)} hits ${String(hits).padStart(2)}  ` +
        (first.totalCount === undefined ? "" : `total ${first.totalCount}${first.totalCountExact ? "" : " (est.)"}  `) +
        `api p50 ${viaApi.p50} / p95 ${viaApi.p95} / max ${viaApi.max} ms  ` +
        `SQL (posts) p50 ${viaSql.p50} / p95 ${viaSql.p95} / max ${viaSql.max} ms`,
    );
  }
  const result = {
    concurrency: CONCURRENCY,
    requestsPerCase: CONCURRENCY * PER_SEARCHER,
    cases: results,
    loadAvg: round(loadavg()[0] ?? 0, 2),
    api: apiBuildInfo(),
    measuredAt: new Date().toISOString(),
  };
  console.log(
    `(${CONCURRENCY} searchers at once, ${result.requestsPerCase} searches per case; load ${result.loadAvg})`,
  );
  console.log(`Wrote ${await writeResult("search", result)}`);
} finally {
  if (api) await stopAndReport(api);
  await db.end({ timeout: 5 });
}
