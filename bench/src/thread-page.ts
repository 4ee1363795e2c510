/**
 * Thread page throughput: the built api (Apollo Server + type-graphql) against the raw baseline
 * (raw-server.ts), each pinned to core 0, loaded by autocannon from this process on core 1
 * (the npm script runs it under `taskset -c 1`): 50 connections, 5 s warm-up, 20 s measured,
 * every response body checked. Prints rps, p50 and p99 of each and the ratio graphql/raw.
 *
 * THREAD_PAGE_ROUNDS (default 1) repeats the raw/api pair back to back; the figures reported are
 * the medians over the rounds. THREAD_PAGE_DURATION / THREAD_PAGE_WARMUP override the seconds.
 */
import { loadavg } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import {
  apiBuildInfo,
  BENCH_DIR,
  benchDatabaseUrl,
  cpuMs,
  freePort,
  median,
  type RunningServer,
  round,
  startApi,
  startServer,
  stopAndReport,
  writeResult,
} from "./lib/common.js";
import { THREAD_PAGE_QUERY } from "./lib/queries.js";

const CONNECTIONS = 50;
const WARMUP_S = Number(process.env.THREAD_PAGE_WARMUP ?? 5);
const DURATION_S = Number(process.env.THREAD_PAGE_DURATION ?? 20);
const ROUNDS = Number(process.env.THREAD_PAGE_ROUNDS ?? 1);
const EDGES = 50;

type Load = {
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  responses: number;
  bad: number;
  badSamples: string[];
  non2xx: number;
  errors: number;
  timeouts: number;
  loadAvg: number;
  /** CPU time the server process used per response (user + system): robust to a busy machine. */
  cpuMsPerResponse: number;
};

// A typical thread: 75–85 posts (the hot one has 200,000), with quotes and reactions on its first page.
const db = postgres(benchDatabaseUrl(), { max: 1, onnotice: () => {} });
const [picked] = await db<{ id: string; reply_count: number; quotes: number; reactions: number }[]>`
  with t as (select id, reply_count from threads
             -- thread 2 takes the fan-out bench's posts
             where reply_count between 75 and 85 and id <> md5('thread-2')::uuid order by id limit 1),
       page as (select p.* from posts p, t where p.thread_id = t.id order by seq limit 50)
  select t.id, t.reply_count,
         (select count(*)::int from page where reply_to_id is not null) as quotes,
         (select count(*)::int from reactions r where r.post_id in (select id from page)) as reactions
  from t`;
await db.end({ timeout: 5 });
if (!picked) throw new Error("No thread with 75–85 posts: run `pnpm --filter @pratica/bench seed` first.");
const body = JSON.stringify({ operationName: "ThreadPage", query: THREAD_PAGE_QUERY, variables: { id: picked.id } });
console.log(
  `Thread ${picked.id}: ${picked.reply_count} posts; first page has ${picked.quotes} quotes and ${picked.reactions} reactions`,
);

type PageBody = { data?: { thread?: { posts?: { edges?: unknown[] } } | null }; errors?: unknown[] };

/** Why a response is bad, or null when it is good. */
function problem(status: number, text: string): string | null {
  if (status !== 200) return `HTTP ${status}: ${text.slice(0, 300)}`;
  let parsed: PageBody;
  try {
    parsed = JSON.parse(text) as PageBody;
  } catch {
    return `unparsable body: ${text.slice(0, 300)}`;
  }
  if (parsed.errors?.length) return `errors: ${JSON.stringify(parsed.errors).slice(0, 500)}`;
  const edges = parsed.data?.thread?.posts?.edges;
  if (edges?.length !== EDGES) return `expected ${EDGES} edges, got ${edges?.length}`;
  return null;
}

async function load(port: number, seconds: number, pid: number): Promise<Load> {
  const cpuBefore = cpuMs(pid);
  let responses = 0;
  let bad = 0;
  const badSamples: string[] = [];
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: "POST",
        path: "/graphql",
        headers: { "content-type": "application/json" },
        body,
        onResponse: (status, text) => {
          responses++;
          const why = problem(status, text);
          if (why) {
            bad++;
            if (badSamples.length < 5) badSamples.push(why);
          }
        },
      },
    ],
  });
  return {
    rps: round(responses / result.duration, 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: round(result.latency.mean, 2),
    responses,
    bad,
    badSamples,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    loadAvg: round(loadavg()[0] ?? 0, 2),
    cpuMsPerResponse: round((cpuMs(pid) - cpuBefore) / Math.max(1, responses), 3),
  };
}

async function fetchPage(port: number): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  const text = await res.text();
  const why = problem(res.status, text);
  if (why) throw new Error(`port ${port}: ${why}`);
  return JSON.parse(text);
}

async function measure(server: RunningServer): Promise<Load> {
  console.log(`  ${server.name}: warm-up ${WARMUP_S} s…`);
  await load(server.port, WARMUP_S, server.pid);
  console.log(`  ${server.name}: measuring ${DURATION_S} s…`);
  const measured = await load(server.port, DURATION_S, server.pid);
  const exit = server.exited();
  if (exit) throw new Error(`${server.name} died under load (${JSON.stringify(exit)}):\n${server.output()}`);
  console.log(
    `  ${server.name}: ${measured.rps} rps, p50 ${measured.p50} ms, p99 ${measured.p99} ms, ` +
      `${measured.cpuMsPerResponse} CPU ms/response, bad ${measured.bad}/${measured.responses}, ` +
      `errors ${measured.errors}, load avg ${measured.loadAvg}`,
  );
  for (const sample of measured.badSamples) console.log(`    bad response: ${sample}`);
  return measured;
}

async function withServer<T>(start: () => Promise<RunningServer>, work: (s: RunningServer) => Promise<T>): Promise<T> {
  const server = await start();
  try {
    return await work(server);
  } finally {
    const { logged } = await stopAndReport(server);
    for (const line of logged) serverLogs.add(`${server.name}: ${line.slice(0, 400)}`);
  }
}
const serverLogs = new Set<string>();

const startRaw = async () => {
  const port = await freePort();
  return startServer({
    name: "raw",
    args: ["--import", "tsx", join(BENCH_DIR, "src", "raw-server.ts")],
    env: { PORT: String(port), DATABASE_URL: benchDatabaseUrl() },
    port,
    core: 0,
    healthPath: "/healthz",
  });
};
const startGraphql = async () => startApi(await freePort(), 0);

// The two must answer the same document: compare one response of each before loading them.
const rawPage = await withServer(startRaw, (s) => fetchPage(s.port));
const apiPage = await withServer(startGraphql, (s) => fetchPage(s.port));
const identical = JSON.stringify(rawPage) === JSON.stringify(apiPage);
console.log(`Responses identical: ${identical}`);
if (!identical) {
  console.log(`  raw: ${JSON.stringify(rawPage).slice(0, 600)}`);
  console.log(`  api: ${JSON.stringify(apiPage).slice(0, 600)}`);
}

const rounds: { raw: Load; graphql: Load; ratio: number; cpuRatio: number }[] = [];
for (let i = 1; i <= ROUNDS; i++) {
  console.log(`Round ${i}/${ROUNDS}`);
  const raw = await withServer(startRaw, measure);
  const graphql = await withServer(startGraphql, measure);
  rounds.push({
    raw,
    graphql,
    ratio: round(graphql.rps / raw.rps, 3),
    cpuRatio: round(raw.cpuMsPerResponse / graphql.cpuMsPerResponse, 3),
  });
}

const pick = (side: "raw" | "graphql") => ({
  rps: median(rounds.map((r) => r[side].rps)),
  p50: median(rounds.map((r) => r[side].p50)),
  p99: median(rounds.map((r) => r[side].p99)),
  cpuMsPerResponse: median(rounds.map((r) => r[side].cpuMsPerResponse)),
  bad: rounds.reduce((n, r) => n + r[side].bad + r[side].errors, 0),
});
const summary = {
  raw: pick("raw"),
  graphql: pick("graphql"),
  ratio: median(rounds.map((r) => r.ratio)),
  /** raw CPU per response / api CPU per response: the rps ratio two exclusive cores would give. */
  cpuRatio: median(rounds.map((r) => r.cpuRatio)),
  goal: 0.6,
};
console.log("\nThread page (medians over rounds)");
console.log(
  `  raw      ${summary.raw.rps} rps  p50 ${summary.raw.p50} ms  p99 ${summary.raw.p99} ms  bad ${summary.raw.bad}`,
);
console.log(
  `  graphql  ${summary.graphql.rps} rps  p50 ${summary.graphql.p50} ms  p99 ${summary.graphql.p99} ms  bad ${summary.graphql.bad}`,
);
console.log(`  ratio graphql/raw ${summary.ratio} (goal ≥ ${summary.goal})`);
console.log(
  `  CPU per response: raw ${summary.raw.cpuMsPerResponse} ms, graphql ${summary.graphql.cpuMsPerResponse} ms ` +
    `(ratio ${summary.cpuRatio})`,
);

const path = await writeResult("thread-page", {
  thread: picked,
  connections: CONNECTIONS,
  warmupSeconds: WARMUP_S,
  durationSeconds: DURATION_S,
  responsesIdentical: identical,
  summary,
  rounds,
  serverLogs: [...serverLogs],
  api: apiBuildInfo(),
  measuredAt: new Date().toISOString(),
});
console.log(`Wrote ${path}`);
