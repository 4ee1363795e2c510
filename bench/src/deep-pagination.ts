/**
 * Deep pagination through the built api (pinned to core 0; this process on core 1), one request
 * at a time, median of 30 after 5 warm-ups:
 *
 *  - threads of the bench community, 50 per page: the first page against a page ~9,000 threads
 *    down (reached by walking `threads(first: 100, after)` cursors);
 *  - posts of the 200,000-post thread, 50 per page: the first page against the page after the
 *    post at position 150,000 (post cursors are the post's seq, read with SQL).
 *
 * Keyset pagination should make both ratios close to 1. The same keyset SQL is also timed
 * directly with postgres.js, to tell the database's share from the api's.
 */
import { loadavg } from "node:os";
import postgres from "postgres";
import {
  apiBuildInfo,
  BENCH_COMMUNITY_SLUG,
  benchDatabaseUrl,
  freePort,
  graphql,
  median,
  type RunningServer,
  round,
  startApi,
  stopAndReport,
  writeResult,
} from "./lib/common.js";
import { COMMUNITY_THREADS_QUERY, THREAD_POSTS_QUERY } from "./lib/queries.js";

const SAMPLES = Number(process.env.DEEP_PAGINATION_SAMPLES ?? 30);
const WARMUPS = 5;
const PAGE = 50;
const THREAD_DEPTH = 9_000;
const POST_DEPTH = 150_000;

type Connection = { edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
type ThreadsData = { community: { threads: Connection & { totalCount: number } } | null };
type PostsData = { thread: { posts: Connection } | null };

const db = postgres(benchDatabaseUrl(), { max: 1, onnotice: () => {} });

/** Median wall time (ms) of `run`, after warm-ups; checks every result with `check`. */
async function time<T>(run: () => Promise<T>, check: (result: T) => void): Promise<number> {
  for (let i = 0; i < WARMUPS; i++) check(await run());
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    const result = await run();
    samples.push(performance.now() - start);
    check(result);
  }
  return round(median(samples), 2);
}

const [hot] = await db<{ id: string; community_id: string; reply_count: number }[]>`
  select id, community_id, reply_count from threads order by reply_count desc limit 1`;
if (!hot || hot.reply_count < POST_DEPTH + PAGE) {
  throw new Error("No 200,000-post thread: run `pnpm --filter @pratica/bench seed` first.");
}
const [deepPost] = await db<{ seq: string }[]>`
  -- Ordered by the column, not by the text alias (which would sort as strings).
  select seq::text as seq from posts where thread_id = ${hot.id} order by posts.seq offset ${POST_DEPTH - 1} limit 1`;
if (!deepPost) throw new Error("hot thread too short");

let api: RunningServer | undefined;
try {
  api = await startApi(await freePort(), 0);
  const url = `http://127.0.0.1:${api.port}/graphql`;

  // Threads: walk 100 at a time to ~THREAD_DEPTH.
  const threadsPage = (first: number, after: string | null) =>
    graphql<ThreadsData>(url, COMMUNITY_THREADS_QUERY, { slug: BENCH_COMMUNITY_SLUG, first, after });
  let after: string | null = null;
  let walked = 0;
  const walkStart = performance.now();
  while (walked < THREAD_DEPTH) {
    const data: ThreadsData = await threadsPage(100, after);
    const connection = data.community?.threads;
    if (!connection?.pageInfo.endCursor || !connection.pageInfo.hasNextPage) throw new Error("ran out of threads");
    walked += connection.edges.length;
    after = connection.pageInfo.endCursor;
  }
  const walkSeconds = round((performance.now() - walkStart) / 1000, 2);
  const deepThreadCursor = after;
  const checkThreads = (data: ThreadsData) => {
    const n = data.community?.threads.edges.length;
    if (n !== PAGE) throw new Error(`threads page has ${n} edges`);
  };
  const threadsFirst = await time(() => threadsPage(PAGE, null), checkThreads);
  const threadsDeep = await time(() => threadsPage(PAGE, deepThreadCursor), checkThreads);

  // Posts of the hot thread.
  const postsPage = (after: string | null) =>
    graphql<PostsData>(url, THREAD_POSTS_QUERY, { id: hot.id, first: PAGE, after });
  const checkPosts = (data: PostsData) => {
    const n = data.thread?.posts.edges.length;
    if (n !== PAGE) throw new Error(`posts page has ${n} edges`);
  };
  const postsFirst = await time(() => postsPage(null), checkPosts);
  const postsDeep = await time(() => postsPage(deepPost.seq), checkPosts);
  const deepFirstCursor = (await postsPage(deepPost.seq)).thread?.posts.edges[0]?.cursor;
  const [position] = await db<{ n: number }[]>`
    select count(*)::int as n from posts where thread_id = ${hot.id} and seq <= ${deepFirstCursor ?? "0"}::bigint`;

  // The keyset SQL alone (what ThreadService.posts and .list run), for the database's share.
  const sqlPosts = (seq: string | null) =>
    db`select * from posts where thread_id = ${hot.id} and seq > ${seq ?? "0"}::bigint order by seq limit ${PAGE + 1}`;
  const sqlPostsFirst = await time(
    () => sqlPosts(null),
    () => {},
  );
  const sqlPostsDeep = await time(
    () => sqlPosts(deepPost.seq),
    () => {},
  );

  const sqlThreads = (cursor: string | null) => {
    if (cursor === null) {
      return db`select * from threads where community_id = ${hot.community_id}
                order by pinned desc, last_activity_at desc, id desc limit ${PAGE + 1}`;
    }
    const [pinned, key, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [
      boolean,
      string,
      string,
    ];
    return db`select * from threads where community_id = ${hot.community_id}
                and (pinned, last_activity_at, id) < (${pinned}::boolean, ${key}::timestamptz, ${id}::uuid)
              order by pinned desc, last_activity_at desc, id desc limit ${PAGE + 1}`;
  };
  const sqlThreadsFirst = await time(
    () => sqlThreads(null),
    () => {},
  );
  const sqlThreadsDeep = await time(
    () => sqlThreads(deepThreadCursor),
    () => {},
  );

  const result = {
    samples: SAMPLES,
    threads: {
      community: BENCH_COMMUNITY_SLUG,
      depth: walked,
      walkSeconds,
      firstPageMs: threadsFirst,
      deepPageMs: threadsDeep,
      ratio: round(threadsDeep / threadsFirst, 2),
      sql: { firstPageMs: sqlThreadsFirst, deepPageMs: sqlThreadsDeep },
    },
    posts: {
      threadId: hot.id,
      posts: hot.reply_count,
      afterPosition: POST_DEPTH,
      afterCursor: deepPost.seq,
      deepPageStartsAt: position?.n,
      firstPageMs: postsFirst,
      deepPageMs: postsDeep,
      ratio: round(postsDeep / postsFirst, 2),
      sql: { firstPageMs: sqlPostsFirst, deepPageMs: sqlPostsDeep },
    },
    apiExited: api.exited(),
    apiLogged: api
      .output()
      .split("\n")
      .filter((line) => line.trim())
      .slice(-10),
    loadAvg: round(loadavg()[0] ?? 0, 2),
    api: apiBuildInfo(),
    measuredAt: new Date().toISOString(),
  };
  console.log(`Threads, 50 per page (median of ${SAMPLES} over HTTP):`);
  console.log(
    `  first page ${threadsFirst} ms, after thread ${walked} ${threadsDeep} ms: ratio ${result.threads.ratio} ` +
      `(SQL alone: ${sqlThreadsFirst} ms vs ${sqlThreadsDeep} ms; walk of ${walked / 100} pages: ${walkSeconds} s)`,
  );
  console.log(`Posts of the ${hot.reply_count}-post thread, 50 per page:`);
  console.log(
    `  first page ${postsFirst} ms, after post ${POST_DEPTH} ${postsDeep} ms: ratio ${result.posts.ratio} ` +
      `(SQL alone: ${sqlPostsFirst} ms vs ${sqlPostsDeep} ms)`,
  );
  console.log(`Wrote ${await writeResult("deep-pagination", result)}`);
} finally {
  if (api) await stopAndReport(api);
  await db.end({ timeout: 5 });
}
