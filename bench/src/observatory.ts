/**
 * The observatory (issue 16) on the bench data: 1M posts in the `bench` community, plus 1,000
 * partner organisations and four more communities with themes that this script adds (set-based,
 * idempotent: it replaces its own rows). Measures, against the bench database:
 *   - the full refresh (every month of every community rebuilt), OBSERVATORY_FULL_RUNS times;
 *   - the incremental refresh (the current and previous months), OBSERVATORY_INCREMENTAL_RUNS times;
 *   - each statement of a full and of an incremental refresh under EXPLAIN (ANALYZE, BUFFERS), in a
 *     transaction rolled back, with its time and its plan's top lines;
 *   - the `observatory` query over HTTP through the built api (core 0; this process on core 1):
 *     p50/p95/max one at a time and with OBSERVATORY_CONCURRENCY clients at once.
 * The refresh is the api's own code (api/src/modules/observatory/observatory.refresh.ts), run
 * with the app's database client.
 */
import { loadavg } from "node:os";
import { createDatabase } from "@pratica/db";
import postgres from "postgres";
import { monthStart } from "../../api/src/modules/observatory/observatory.figures.js";
import { refreshFigures } from "../../api/src/modules/observatory/observatory.refresh.js";
import {
  apiBuildInfo,
  BENCH_COMMUNITY_SLUG,
  benchDatabaseUrl,
  freePort,
  graphql,
  median,
  percentile,
  type RunningServer,
  round,
  startApi,
  stopAndReport,
  writeResult,
} from "./lib/common.js";

const ORGANIZATIONS = 1_000;
const FULL_RUNS = Number(process.env.OBSERVATORY_FULL_RUNS ?? 3);
const INCREMENTAL_RUNS = Number(process.env.OBSERVATORY_INCREMENTAL_RUNS ?? 5);
const CONCURRENCY = Number(process.env.OBSERVATORY_CONCURRENCY ?? 10);
const REQUESTS = Number(process.env.OBSERVATORY_REQUESTS ?? 200);

const QUERY = `{ observatory {
  refreshedAt
  totals { partners formerPartners communities members threads replies resources documents endorsements }
  partnersByCategory { category partners }
  partnersBySigningYear { year joined withdrawn total }
  communities { community { id slug name } members months { month membersJoined threads replies resources documents endorsements } }
  themes { theme { key name } partners communities activity }
} }`;
type ObservatoryData = { observatory: { totals: { partners: number; replies: number }; communities: unknown[] } };

const url = benchDatabaseUrl();
const sql = postgres(url, { max: 2, onnotice: () => {} });

/** 1,000 organisations (5% former partners, signed 2017–2026, around Turin) and four communities with themes. */
async function prepare() {
  await sql`delete from organizations where slug like 'bench-org-%'`;
  await sql`
    insert into organizations (slug, name, name_it, category, memorandum_signed_on, withdrawn_on, themes, sdgs,
      latitude, longitude, district)
    select 'bench-org-' || i, 'Bench organisation ' || i, 'Organizzazione di prova ' || i,
      (enum_range(null::organization_category))[1 + i % 8],
      date '2017-03-01' + ((i * 3.3)::int % 3500),
      case when i % 20 = 0 then date '2020-01-01' + (i % 1900) end,
      array[(array['circular-economy','social-inclusion','impact-finance','gender-equality','youth-employment',
        'social-innovation','urban-regeneration','pro-bono','social-procurement','benefit-corporations'])[1 + i % 10]],
      array[(1 + i % 17)::smallint],
      45.0703 + ((i % 97) - 48) * 0.001, 7.6869 + ((i % 89) - 44) * 0.0012, 'Circoscrizione ' || (1 + i % 8)
    from generate_series(1, ${ORGANIZATIONS}) i`;
  await sql`update communities set themes = '{circular-economy,social-innovation}' where slug = ${BENCH_COMMUNITY_SLUG}`;
  await sql`delete from communities where slug like 'bench-theme-%'`;
  await sql`
    insert into communities (slug, name, themes)
    select 'bench-theme-' || i, 'Bench theme community ' || i,
      array[(array['social-inclusion','impact-finance','gender-equality','youth-employment'])[i]]
    from generate_series(1, 4) i`;
  await sql`delete from observatory_monthly`;
  await sql`delete from observatory_state`;
  await sql`analyze organizations`;
  await sql`analyze communities`;
}

const timed = async <T>(work: () => Promise<T>) => {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
};

/** Each statement of one refresh, explained with ANALYZE in a transaction that is rolled back. */
async function explainRefresh(force: "full" | "auto", now: Date) {
  const statements: { query: string; params: unknown[] }[] = [];
  const recorder = await createDatabase({
    url,
    maxConnections: 1,
    onQuery: (query, params) => statements.push({ query, params }),
  });
  try {
    await recorder.db.transaction((tx) => refreshFigures(tx, now, force));
  } finally {
    await recorder.close();
  }
  const explained: { statement: string; ms: number; scans: string[] }[] = [];
  await sql
    .begin(async (tx) => {
      for (const { query, params } of statements) {
        if (/^(begin|commit|rollback)/i.test(query.trim())) continue;
        const rows = await tx.unsafe(`explain (analyze, buffers, format text) ${query}`, params as never[]);
        const lines = rows.map((r) => String(Object.values(r)[0]));
        const total = lines.find((l) => l.startsWith("Execution Time"));
        explained.push({
          statement: query.replace(/\s+/g, " ").slice(0, 160),
          ms: round(Number(/([\d.]+) ms/.exec(total ?? "")?.[1] ?? Number.NaN), 2),
          // The plan's scans (which index, how many rows, how long), the part that tells the cost.
          scans: lines.filter((l) => /Scan (on|using)|Index Cond/.test(l)).map((l) => l.trim()),
        });
      }
      throw new RollBack();
    })
    .catch((err) => {
      if (!(err instanceof RollBack)) throw err;
    });
  return explained;
}
class RollBack extends Error {}

/** Latencies (ms) of `clients` clients each running `run` until `total` requests are done. */
async function underLoad(run: () => Promise<unknown>, clients: number, total: number) {
  for (let i = 0; i < 10; i++) await run(); // warm-up: plans, JIT, caches
  const samples: number[] = [];
  let left = total;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (left-- > 0) {
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

let api: RunningServer | undefined;
const app = await createDatabase({ url, maxConnections: 2 });
try {
  const [{ posts }] = (await sql`select count(*)::int as posts from posts`) as unknown as [{ posts: number }];
  console.log(`Bench data: ${posts} posts; adding ${ORGANIZATIONS} organisations and 4 communities`);
  await prepare();
  // "Now" is the newest post's time: the bench data ends weeks before the day it was seeded, and the
  // incremental refresh must recount two months that hold posts, as on a live platform.
  const [{ newest }] = (await sql`select max(created_at) as newest from posts`) as unknown as [{ newest: Date }];
  const now = new Date(newest);
  const refresh = (force: "full" | "auto") => app.db.transaction((tx) => refreshFigures(tx, now, force));

  const full: number[] = [];
  for (let i = 0; i < FULL_RUNS; i++) {
    const { value, ms } = await timed(() => refresh("full"));
    if (!value.full) throw new Error("a full refresh was not full");
    full.push(ms);
  }
  const incremental: number[] = [];
  for (let i = 0; i < INCREMENTAL_RUNS; i++) {
    const { value, ms } = await timed(() => refresh("auto"));
    if (value.full) throw new Error("an incremental refresh rebuilt everything");
    incremental.push(ms);
  }
  const [{ changing }] = (await sql`select count(*)::int as changing from posts
    where created_at >= ${monthStart(now, 1)}::timestamptz`) as unknown as [{ changing: number }];
  console.log(
    `full refresh        median ${round(median(full), 0)} ms  (${full.map((m) => round(m, 0)).join(", ")})\n` +
      `incremental refresh median ${round(median(incremental), 0)} ms  (${incremental.map((m) => round(m, 0)).join(", ")}); ` +
      `${changing} posts in the months it recounts`,
  );

  const explainedFull = await explainRefresh("full", now);
  const explainedIncremental = await explainRefresh("auto", now);
  for (const [name, list] of [
    ["full", explainedFull],
    ["incremental", explainedIncremental],
  ] as const) {
    console.log(`\nStatements of the ${name} refresh (EXPLAIN ANALYZE):`);
    for (const s of list) console.log(`  ${String(s.ms).padStart(9)} ms  ${s.statement.slice(0, 110)}`);
  }

  // Production settings the api refuses to start without; nothing is mailed here.
  api = await startApi(await freePort(), 0, {
    SIGNING_SECRET: "bench-signing-secret-of-at-least-32-characters",
    SMTP_URL: "smtp://127.0.0.1:9",
  });
  const gqlUrl = `http://127.0.0.1:${api.port}/graphql`;
  const sample = await graphql<ObservatoryData>(gqlUrl, QUERY);
  const bytes = JSON.stringify(sample).length;
  const single = await underLoad(() => graphql<ObservatoryData>(gqlUrl, QUERY), 1, REQUESTS);
  const loaded = await underLoad(() => graphql<ObservatoryData>(gqlUrl, QUERY), CONCURRENCY, REQUESTS);
  console.log(
    `\nobservatory query (${bytes} bytes, ${sample.observatory.communities.length} communities, ` +
      `${sample.observatory.totals.partners} partners, ${sample.observatory.totals.replies} replies)\n` +
      `  1 client:   p50 ${single.p50} / p95 ${single.p95} / max ${single.max} ms\n` +
      `  ${CONCURRENCY} clients:  p50 ${loaded.p50} / p95 ${loaded.p95} / max ${loaded.max} ms`,
  );
  // Organisations in the global search (issue 16), on the same 1,000 organisations: only the
  // organisations' branch, and every kind at once (the million posts' branch included).
  const SEARCH = `query($q: String!, $kinds: [SearchKind!]) { search(query: $q, first: 20, kinds: $kinds) {
    edges { rank node { __typename ... on Organization { slug } } } } }`;
  type SearchData = { search: { edges: { node: { __typename: string } }[] } };
  const searches = [];
  for (const [name, q, kinds] of [
    ["prefix, organisations", "Organizz", ["ORGANIZATION"]],
    ["typo, organisations", "Organizazione di prova 777", ["ORGANIZATION"]],
    ["name, every kind", "Bench organisation 777", null],
    ["typo, every kind", "Bench organisaton 777", null],
  ] as const) {
    const first = await graphql<SearchData>(gqlUrl, SEARCH, { q, kinds });
    const organisations = first.search.edges.filter((e) => e.node.__typename === "Organization").length;
    const timing = await underLoad(() => graphql<SearchData>(gqlUrl, SEARCH, { q, kinds }), 1, 100);
    searches.push({ name, q, kinds, hits: first.search.edges.length, organisations, ...timing });
    console.log(
      `search ${name.padEnd(24)} ${JSON.stringify(q).padEnd(30)} hits ${first.search.edges.length} ` +
        `(${organisations} organisations)  p50 ${timing.p50} / p95 ${timing.p95} / max ${timing.max} ms`,
    );
  }
  const result = {
    posts,
    organizations: ORGANIZATIONS,
    now: now.toISOString(),
    fullRefreshMs: { median: round(median(full), 1), runs: full.map((m) => round(m, 1)) },
    incrementalRefreshMs: {
      median: round(median(incremental), 1),
      runs: incremental.map((m) => round(m, 1)),
      postsRecounted: changing,
    },
    statements: { full: explainedFull, incremental: explainedIncremental },
    query: { bytes, oneClient: single, concurrent: { clients: CONCURRENCY, ...loaded } },
    search: searches,
    loadAvg: round(loadavg()[0] ?? 0, 2),
    api: apiBuildInfo(),
    measuredAt: new Date().toISOString(),
  };
  console.log(`(load ${result.loadAvg})\nWrote ${await writeResult("observatory", result)}`);
} finally {
  if (api) await stopAndReport(api);
  await app.close();
  await sql.end({ timeout: 5 });
}
