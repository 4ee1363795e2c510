/**
 * Subscription fan-out: N graphql-ws clients (FANOUT_SUBSCRIBERS, default 1000) subscribe
 * anonymously to `threadEvents` of one thread of the PUBLIC bench community on the built api
 * (pinned to core 0; this process runs on core 1). A member, with a session inserted straight
 * into `sessions`, then adds 20 posts over HTTP ~300 ms apart. For each post, t0 is when the
 * addPost response returned; each subscriber's latency is (its receipt − t0), both read with
 * performance.now() in this process. Reports p50/p99/max, lost deliveries and the api's RSS
 * growth per connection (VmRSS before opening the sockets and after all are subscribed).
 *
 * FANOUT_POSTS (default 20) and FANOUT_SPACING_MS (default 300) override the post plan.
 */
import { createHash, randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { type Client, createClient } from "graphql-ws";
import postgres from "postgres";
import WebSocket from "ws";
import {
  apiBuildInfo,
  benchDatabaseUrl,
  freePort,
  graphql,
  percentile,
  type RunningServer,
  round,
  rssKiB,
  sleep,
  startApi,
  stopAndReport,
  writeResult,
} from "./lib/common.js";

const N = Number(process.env.FANOUT_SUBSCRIBERS ?? 1000);
const POSTS = Number(process.env.FANOUT_POSTS ?? 20);
const SPACING_MS = Number(process.env.FANOUT_SPACING_MS ?? 300);
const CONNECT_BATCH = 250;
/** Hard limits so the run always ends by itself. */
const CONNECT_TIMEOUT_MS = 120_000;
const DELIVERY_TIMEOUT_MS = 30_000;
/** Posting stops early (and the run says so) once this much time has gone by. */
const POSTING_BUDGET_MS = Number(process.env.FANOUT_BUDGET_SECONDS ?? 240) * 1000;

const SUBSCRIPTION = `subscription ThreadEvents($threadId: ID!) {
  threadEvents(threadId: $threadId) {
    __typename
    ... on PostAdded { cursor post { id body createdAt author { displayName } reactions { kind count } } }
  }
}`;
const ADD_POST = `mutation AddPost($input: AddPostInput!) { addPost(input: $input) { id cursor } }`;

type Event = { threadEvents?: { __typename?: string; post?: { id?: string } } };

if (!Number.isInteger(N) || N < 1 || N > 10_000) throw new Error("FANOUT_SUBSCRIBERS must be 1…10000");

// The thread: bench thread 2 (a typical one). The poster: bench user 2, an active member.
const db = postgres(benchDatabaseUrl(), { max: 1, onnotice: () => {} });
const [setup] = await db<{ thread_id: string; user_id: string }[]>`
  select t.id as thread_id, m.user_id
  from threads t join community_memberships m on m.community_id = t.community_id and m.status = 'ACTIVE'
  where t.id = md5('thread-2')::uuid and m.user_id = md5('user-2')::uuid`;
if (!setup) throw new Error("Bench thread 2 or user 2 missing: run `pnpm --filter @pratica/bench seed` first.");
const token = randomBytes(32).toString("base64url");
const tokenHash = createHash("sha256").update(token).digest("hex");
await db`
  insert into sessions (user_id, token_hash, expires_at, user_agent)
  values (${setup.user_id}, ${tokenHash}, now() + interval '1 hour', 'pratica-bench fanout')`;

/** receipts.get(postId)[subscriber] = performance.now() at receipt */
const receipts = new Map<string, Float64Array>();
const receiptsOf = (postId: string) => {
  let list = receipts.get(postId);
  if (!list) {
    list = new Float64Array(N).fill(Number.NaN);
    receipts.set(postId, list);
  }
  return list;
};
const clients: Client[] = [];

/** Transactions committed in the bench database so far (all backends). */
async function committedTransactions(): Promise<number> {
  await db`select pg_stat_clear_snapshot()`;
  const [row] = await db<
    { n: string }[]
  >`select xact_commit::text as n from pg_stat_database where datname = current_database()`;
  return Number(row?.n ?? 0);
}
let api: RunningServer | undefined;
let subscriptionErrors = 0;
let closedEarly = 0;
const errorSamples: string[] = [];
const note = (message: string) => {
  if (errorSamples.length < 5) errorSamples.push(message);
};

try {
  api = await startApi(await freePort(), 0);
  const url = `http://127.0.0.1:${api.port}/graphql`;
  const wsUrl = `ws://127.0.0.1:${api.port}/graphql`;
  const auth = { authorization: `Bearer ${token}` };

  // One post before any socket opens, so the mutation path is warm and its first-use memory is
  // already in the "before" figure.
  await graphql(
    url,
    ADD_POST,
    { input: { threadId: setup.thread_id, body: "Fan-out warm-up (no subscribers)" } },
    auth,
  );
  await sleep(1000);
  const rssBefore = rssKiB(api.pid);

  console.log(`Opening ${N} graphql-ws subscriptions to thread ${setup.thread_id} on :${api.port}…`);
  const openStart = performance.now();
  const connectDeadline = Date.now() + CONNECT_TIMEOUT_MS;
  for (let start = 0; start < N; start += CONNECT_BATCH) {
    const batch: Promise<void>[] = [];
    for (let i = start; i < Math.min(N, start + CONNECT_BATCH); i++) {
      batch.push(
        new Promise<void>((resolve, reject) => {
          const client = createClient({
            url: wsUrl,
            webSocketImpl: WebSocket,
            lazy: false,
            retryAttempts: 0,
            on: {
              connected: () => resolve(),
              closed: (event) => {
                reject(new Error(`socket ${i} closed: ${JSON.stringify(event)}`));
                closedEarly++;
              },
              error: (err) => reject(err instanceof Error ? err : new Error(String(err))),
            },
          });
          clients.push(client);
          client.subscribe<Event>(
            { query: SUBSCRIPTION, variables: { threadId: setup.thread_id } },
            {
              next: (message) => {
                const at = performance.now();
                const postId = message.data?.threadEvents?.post?.id;
                if (postId) receiptsOf(postId)[i] = at;
                if (message.errors) {
                  subscriptionErrors++;
                  note(`subscription error: ${JSON.stringify(message.errors).slice(0, 300)}`);
                }
              },
              error: (err) => {
                subscriptionErrors++;
                note(`subscription failed: ${err instanceof Error ? err.message : JSON.stringify(err)}`.slice(0, 300));
              },
              complete: () => {},
            },
          );
        }),
      );
    }
    await Promise.all(batch);
    if (Date.now() > connectDeadline) throw new Error(`Opening ${N} sockets took over ${CONNECT_TIMEOUT_MS} ms`);
  }
  const openSeconds = round((performance.now() - openStart) / 1000, 2);
  console.log(`  ${N} sockets open in ${openSeconds} s`);

  // graphql-ws does not acknowledge a subscription: a post every subscriber receives proves them all live.
  const probe = await graphql<{ addPost: { id: string } }>(
    url,
    ADD_POST,
    { input: { threadId: setup.thread_id, body: "Fan-out probe: are you all listening?" } },
    auth,
  );
  const probeDeadline = Date.now() + DELIVERY_TIMEOUT_MS;
  const countOf = (postId: string) => (receipts.get(postId) ?? []).filter((t) => !Number.isNaN(t)).length;
  while (countOf(probe.addPost.id) < N && Date.now() < probeDeadline) await sleep(50);
  const subscribed = countOf(probe.addPost.id);
  console.log(`  ${subscribed}/${N} subscribers received the probe`);
  await sleep(1000);
  const rssAfter = rssKiB(api.pid);
  const xactsBefore = await committedTransactions();

  // The measured posts.
  const posts: { id: string; sent: number; t0: number }[] = [];
  const postingStart = performance.now();
  for (let p = 1; p <= POSTS; p++) {
    if (performance.now() - postingStart > POSTING_BUDGET_MS) {
      console.log(`  stopped after ${p - 1} posts: the ${POSTING_BUDGET_MS / 1000} s budget is spent`);
      break;
    }
    const sent = performance.now();
    const res = await graphql<{ addPost: { id: string } }>(
      url,
      ADD_POST,
      { input: { threadId: setup.thread_id, body: `Fan-out post ${p} of ${POSTS}: hello to ${N} readers.` } },
      auth,
    );
    const t0 = performance.now();
    posts.push({ id: res.addPost.id, sent, t0 });
    const wait = sent + SPACING_MS - performance.now();
    if (wait > 0) await sleep(wait);
  }
  const deliveryDeadline = Date.now() + DELIVERY_TIMEOUT_MS;
  const expected = N * posts.length;
  const delivered = () => posts.reduce((n, p) => n + countOf(p.id), 0);
  while (delivered() < expected && Date.now() < deliveryDeadline) await sleep(100);
  // PostgreSQL publishes a backend's counters when it goes idle, within a second.
  await sleep(1500);
  const sqlPerPost = ((await committedTransactions()) - xactsBefore) / posts.length;

  const latencies: number[] = [];
  const sinceSend: number[] = [];
  const perPost: { p50: number; max: number; delivered: number; mutationMs: number }[] = [];
  for (const post of posts) {
    const mine: number[] = [];
    for (const at of receipts.get(post.id) ?? []) {
      if (Number.isNaN(at)) continue;
      mine.push(at - post.t0);
      sinceSend.push(at - post.sent);
    }
    mine.sort((a, b) => a - b);
    latencies.push(...mine);
    perPost.push({
      p50: round(percentile(mine, 50), 1),
      max: round(mine.at(-1) ?? Number.NaN, 1),
      delivered: mine.length,
      mutationMs: round(post.t0 - post.sent, 1),
    });
  }
  latencies.sort((a, b) => a - b);
  sinceSend.sort((a, b) => a - b);
  const mutationMs = posts.map((p) => p.t0 - p.sent).sort((a, b) => a - b);
  const result = {
    subscribers: N,
    subscribed,
    posts: posts.length,
    postsPlanned: POSTS,
    spacingMs: SPACING_MS,
    expected,
    delivered: latencies.length,
    lost: expected - latencies.length,
    latencyMs: {
      p50: round(percentile(latencies, 50), 1),
      p99: round(percentile(latencies, 99), 1),
      max: round(latencies.at(-1) ?? Number.NaN, 1),
      min: round(latencies[0] ?? Number.NaN, 1),
    },
    sinceRequestMs: {
      p50: round(percentile(sinceSend, 50), 1),
      p99: round(percentile(sinceSend, 99), 1),
      max: round(sinceSend.at(-1) ?? Number.NaN, 1),
    },
    addPostMs: { p50: round(percentile(mutationMs, 50), 1), max: round(mutationMs.at(-1) ?? Number.NaN, 1) },
    memory: {
      rssBeforeKiB: rssBefore,
      rssAfterKiB: rssAfter,
      perConnectionKiB: round((rssAfter - rssBefore) / N, 1),
    },
    /** Committed transactions in the bench database per post (the mutation's own, plus each delivery's queries). */
    sqlTransactionsPerPost: round(sqlPerPost, 1),
    socketsOpenSeconds: openSeconds,
    subscriptionErrors,
    closedEarly,
    errorSamples,
    apiExited: api.exited(),
    apiLogged: api
      .output()
      .split("\n")
      .filter((line) => line.trim())
      .slice(-10),
    loadAvg: round(loadavg()[0] ?? 0, 2),
    perPost,
    api: apiBuildInfo(),
    measuredAt: new Date().toISOString(),
  };
  console.log(
    `Fan-out to ${N}: p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms ` +
      `(from addPost response); lost ${result.lost}/${expected}; ` +
      `api RSS ${rssBefore} → ${rssAfter} KiB = ${result.memory.perConnectionKiB} KiB per connection`,
  );
  console.log(
    `  from addPost request: p50 ${result.sinceRequestMs.p50} ms, p99 ${result.sinceRequestMs.p99} ms; ` +
      `addPost p50 ${result.addPostMs.p50} ms, max ${result.addPostMs.max} ms; ` +
      `${result.sqlTransactionsPerPost} SQL transactions per post; load avg ${result.loadAvg}`,
  );
  for (const sample of errorSamples) console.log(`  ${sample}`);
  console.log(`Wrote ${await writeResult(`fanout-${N}`, result)}`);
} finally {
  await Promise.allSettled(clients.map((c) => c.dispose()));
  if (api) await stopAndReport(api);
  await db`delete from sessions where token_hash = ${tokenHash}`;
  await db.end({ timeout: 5 });
}
