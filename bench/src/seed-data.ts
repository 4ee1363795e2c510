/**
 * Creates the bench database from scratch (drop + create), applies the app's migrations and fills
 * it with set-based SQL: 1,000 users, one PUBLIC community they all belong to, 10,000 threads,
 * 1,000,000 posts (one "hot" thread with 200,000), 500,000 reactions, 20% of posts quoting an
 * earlier post of their thread.
 *
 * Ids are md5-derived UUIDs of stable names (`md5('post-<thread>-<n>')`), so a reply can name the
 * post it quotes without a join and every run produces the same data. Timestamps are whole
 * milliseconds (the columns are timestamp(3)), counted from a base truncated to the second.
 */
import { createDatabase, migrateDatabase } from "@pratica/db";
import postgres from "postgres";
import { BENCH_COMMUNITY_SLUG, benchDatabaseUrl, round, writeResult } from "./lib/common.js";

const USERS = 1_000;
const THREADS = 10_000;
const POSTS = 1_000_000;
const HOT_POSTS = 200_000;

const url = benchDatabaseUrl();
const target = new URL(url);
const dbName = decodeURIComponent(target.pathname.replace(/^\//, ""));
if (!/^[a-z_][a-z0-9_]*$/.test(dbName)) throw new Error(`Refusing database name ${JSON.stringify(dbName)}`);
if (["postgres", "template0", "template1"].includes(dbName)) throw new Error(`Refusing to drop ${dbName}`);
const adminUrl = new URL(url);
adminUrl.pathname = "/postgres";

/** Posts per thread: thread 1 is the hot one; the others have 20–140 (80 on average), topped up to POSTS exactly. */
function postCounts(): number[] {
  const counts = [HOT_POSTS];
  for (let k = 2; k <= THREADS; k++) counts.push(20 + ((k * 37) % 121));
  let missing = POSTS - counts.reduce((a, b) => a + b, 0);
  for (let i = 1; missing !== 0; i = (i % (THREADS - 1)) + 1) {
    const step = Math.sign(missing);
    counts[i] = (counts[i] as number) + step;
    missing -= step;
  }
  return counts;
}

const timings: Record<string, number> = {};
async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  timings[name] = round(ms / 1000, 2);
  console.log(`  ${name.padEnd(28)} ${(ms / 1000).toFixed(2)} s`);
  return result;
}

const started = performance.now();
console.log(`Seeding ${dbName} (${target.host})`);

const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
await step("drop + create database", async () => {
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.unsafe(`create database "${dbName}"`);
});
await admin.end({ timeout: 5 });

await step("migrations", async () => {
  const handle = await createDatabase({ url, maxConnections: 1 });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
});

const sql = postgres(url, { max: 1, onnotice: () => {} });
const counts = postCounts();
const communityId = await sql.begin(async (tx) => {
  // The data is consistent by construction: skip per-row foreign-key triggers while loading.
  await tx`set local session_replication_role = replica`;
  await tx`set local synchronous_commit = off`;
  await tx`set local work_mem = '256MB'`;
  await tx`set local maintenance_work_mem = '512MB'`;
  await tx`create temporary table base on commit drop as select date_trunc('second', now()) as t0`;

  await step("users", async () => {
    await tx`
      insert into users (id, email, handle, display_name, bio, password_hash, created_at, updated_at)
      select md5('user-' || i)::uuid,
             'bench-user-' || i || '@bench.pratica.test',
             'bench-user-' || i,
             'Bench User ' || i,
             case when i % 3 = 0 then 'Works on community projects, number ' || i end,
             -- Nobody logs in as these users (the benches insert sessions), so no real hash is needed.
             '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2hzYWx0$bm90LWEtcmVhbC1oYXNo',
             ts, ts
      from generate_series(1, ${USERS}::int) i,
           lateral (select (select t0 from base) - interval '500 days' + i * interval '1 minute' as ts) t`;
  });

  const [community] = await step("community + memberships", async () => {
    const rows = await tx<{ id: string }[]>`
      insert into communities (id, slug, name, tagline, description, visibility, join_policy, created_at, updated_at)
      select md5('community-bench')::uuid, ${BENCH_COMMUNITY_SLUG}, 'Bench community',
             'Where the benchmarks live', 'A public community with every bench user in it.', 'PUBLIC', 'OPEN',
             t0 - interval '501 days', t0 - interval '501 days'
      from base
      returning id`;
    const id = rows[0]?.id;
    if (!id) throw new Error("community not created");
    await tx`
      insert into community_memberships (id, community_id, user_id, role, status, created_at, decided_at)
      select md5('membership-' || i)::uuid, ${id}::uuid, md5('user-' || i)::uuid,
             case when i = 1 then 'FACILITATOR' else 'MEMBER' end::membership_role, 'ACTIVE',
             (select t0 from base) - interval '500 days' + i * interval '1 minute' + interval '1 second', null
      from generate_series(1, ${USERS}::int) i`;
    return rows;
  });
  if (!community) throw new Error("community not created");

  await step("threads", async () => {
    // Thread k starts between 400 and 60 days ago; its posts are spacing(k) apart (1–240 min),
    // so the last one lands before now. The hot thread (k = 1) posts every 150 s for ~347 days.
    await tx`
      create temporary table plan on commit drop as
      select k::int as k, n,
             (select t0 from base) - interval '400 days' + ((k - 1) * 2937) * interval '1 second' as created,
             case when k = 1 then interval '150 seconds' else (1 + (k * 13) % 240) * interval '1 minute' end as spacing
      from unnest(${counts}::int[]) with ordinality as c(n, k)`;
    await tx`
      insert into threads (id, community_id, author_id, title, body, tags, reply_count, last_activity_at, created_at, updated_at)
      select md5('thread-' || k)::uuid, ${community.id}::uuid, md5('user-' || ((k * 131) % ${USERS}::int + 1))::uuid,
             case when k = 1 then 'The hot thread' else 'Bench thread ' || k || ': how do we share practice?' end,
             'Opening post of thread ' || k || '. ' || repeat('We collect notes, questions and links here. ', 1 + k % 6),
             case k % 4 when 0 then array['tag-' || (k % 20)] when 1 then array['tag-' || (k % 20), 'tag-' || (k % 7 + 20)]
                  else '{}'::text[] end,
             0, created, created, created
      from plan`;
  });

  // Loading into bare tables and building keys and indexes afterwards (one sort each) is several
  // times faster than maintaining them row by row. Their definitions are read back from the
  // catalog, so they are rebuilt exactly as the migrations made them.
  const rebuild = await step("drop keys + indexes", async () => {
    const constraints = await tx<{ table: string; name: string; type: string; def: string }[]>`
      select conrelid::regclass::text as table, conname as name, contype as type, pg_get_constraintdef(oid) as def
      from pg_constraint
      where contype in ('p', 'u', 'f')
        and (conrelid in ('posts'::regclass, 'reactions'::regclass) or confrelid in ('posts'::regclass, 'reactions'::regclass))`;
    const indexes = await tx<{ name: string; def: string }[]>`
      select indexname as name, indexdef as def from pg_indexes
      where schemaname = 'public' and tablename in ('posts', 'reactions')
        and indexname not in (select conname from pg_constraint where contype in ('p', 'u'))`;
    const foreign = constraints.filter((c) => c.type === "f");
    const keys = constraints.filter((c) => c.type !== "f");
    for (const c of [...foreign, ...keys]) await tx.unsafe(`alter table ${c.table} drop constraint "${c.name}"`);
    for (const i of indexes) await tx.unsafe(`drop index "${i.name}"`);
    return async () => {
      for (const c of keys) await tx.unsafe(`alter table ${c.table} add constraint "${c.name}" ${c.def}`);
      for (const i of indexes) await tx.unsafe(i.def);
      for (const c of foreign) await tx.unsafe(`alter table ${c.table} add constraint "${c.name}" ${c.def}`);
    };
  });

  await step("posts", async () => {
    await tx`
      insert into posts (id, seq, thread_id, community_id, author_id, body, reply_to_id, created_at)
      select md5('post-' || k || '-' || j)::uuid,
             row_number() over (order by ts, k, j),
             md5('thread-' || k)::uuid,
             ${community.id}::uuid,
             md5('user-' || ((k * 131 + j * 17) % ${USERS}::int + 1))::uuid,
             'Reply ' || j || ' in thread ' || k || '. '
               || left(repeat('Sharing what worked for us, and what did not, so others can reuse it. ', 6), 40 + (k * 7 + j * 31) % 360),
             case when j > 1 and (j * 7 + k) % 5 = 0
                  then md5('post-' || k || '-' || (j - 1 - (j * 13 + k) % least(j - 1, 20)))::uuid end,
             ts
      from plan, generate_series(1, n) j,
           lateral (select created + j * spacing + ((j * 7919 + k) % 1000) * interval '1 millisecond' as ts) t`;
    await tx`select setval(pg_get_serial_sequence('posts', 'seq'), (select max(seq) from posts))`;
  });

  await step("reactions", async () => {
    // 0, 1 or 2 reactions per post (none for 7 in 10, one for 1 in 10, two for 2 in 10): 500,000.
    await tx`
      insert into reactions (post_id, user_id, kind, community_id, created_at)
      select p.id,
             md5('user-' || ((p.seq * 31 + i * 97) % ${USERS}::int + 1))::uuid,
             (enum_range(null::reaction_kind))[(p.seq + i) % 5 + 1],
             p.community_id,
             p.created_at + i * interval '1 minute'
      from posts p,
           generate_series(1, case (p.seq * 7919) % 10 when 7 then 1 when 8 then 2 when 9 then 2 else 0 end) i`;
  });

  // The search vectors and words, by the migration's own backfill (an UPDATE setting them to NULL makes
  // the trigger compute them), with triggers on again for it: loading ran with them off. Before
  // the rebuild, so the GIN index on posts is built once, from full vectors.
  await step("search vectors", async () => {
    await tx`set local session_replication_role = origin`;
    await tx`update threads set search = null where search is null`;
    await tx`update posts set search = null where search is null`;
    // The words typos are corrected to, as migration 0006 fills them (its triggers were off).
    await tx`insert into search_words (word)
      select distinct w from threads, pratica_title_words(threads.title) as w order by 1
      on conflict do nothing`;
    await tx`set local session_replication_role = replica`;
  });
  await step("rebuild keys + indexes", rebuild);

  await step("thread counters", async () => {
    await tx`
      update threads t set reply_count = s.n, last_activity_at = s.last
      from (select thread_id, count(*)::int as n, max(created_at) as last from posts group by thread_id) s
      where t.id = s.thread_id`;
  });
  return community.id;
});

await step("vacuum analyze", async () => {
  await sql`vacuum analyze`;
});

const [summary] = await sql<
  { users: number; threads: number; posts: number; reactions: number; replies: number; hot: number; seq_ok: boolean }[]
>`
  select (select count(*)::int from users) as users,
         (select count(*)::int from threads) as threads,
         (select count(*)::int from posts) as posts,
         (select count(*)::int from reactions) as reactions,
         (select count(*)::int from posts where reply_to_id is not null) as replies,
         (select reply_count from threads where id = md5('thread-1')::uuid) as hot,
         (select count(*) = 0 from posts q join posts r on r.id = q.reply_to_id
           where r.thread_id <> q.thread_id or r.seq >= q.seq) as seq_ok`;
await sql.end({ timeout: 5 });

const totalSeconds = round((performance.now() - started) / 1000, 2);
console.log(`Done in ${totalSeconds} s:`, summary);
const path = await writeResult("seed", {
  database: dbName,
  communityId,
  totalSeconds,
  steps: timings,
  rows: summary,
  measuredAt: new Date().toISOString(),
});
console.log(`Wrote ${path}`);
