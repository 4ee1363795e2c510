/**
 * The daily digest at scale: 10,000 members with 100,000 unread notifications (10 each, over 20
 * communities and 2,000 threads), built by the api's own DigestService against PostgreSQL, then
 * sent by the api's MailService through the job queue to a local SMTP server (smtp-server).
 *
 * Reports the build time and the process's peak heap and RSS while building, for 2,000 and then
 * 10,000 members (memory should not grow with the number of members: members are read 500 at a
 * time and each page's statements are batched), and the queue's send rate.
 *
 * Run: pnpm --filter @pratica/bench digest  (DIGEST_MEMBERS, default 10000; DIGEST_SEND_SECONDS,
 * default 60: how long to measure sending; database `pratica_bench_digest`, or DIGEST_DATABASE_URL).
 */

import type { AddressInfo } from "node:net";
import { createDatabase, migrateDatabase } from "@pratica/db";
import { createTransport } from "nodemailer";
import postgres from "postgres";
import { SMTPServer } from "smtp-server";
import { createJobQueue } from "../../api/src/core/job-queue.js";
import { MAIL_QUEUE, MailService } from "../../api/src/modules/mail/mail.service.js";
import { NotificationMailer } from "../../api/src/modules/notification/delivery.js";
import { DigestService } from "../../api/src/modules/notification/digest.service.js";
import { apiBuildInfo, round, sleep, writeResult } from "./lib/common.js";

const MEMBERS = Number(process.env.DIGEST_MEMBERS ?? 10_000);
const PER_MEMBER = 10;
const SEND_SECONDS = Number(process.env.DIGEST_SEND_SECONDS ?? 60);
const url = process.env.DIGEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/pratica_bench_digest";
const target = new URL(url);
const dbName = target.pathname.slice(1);

console.log(`Digest bench: ${MEMBERS} members × ${PER_MEMBER} notifications on ${dbName}`);
const admin = postgres({ ...parse(url), database: "postgres", max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
await admin.unsafe(`create database "${dbName}"`);
await admin.end({ timeout: 5 });

const handle = await createDatabase({ url, maxConnections: 4 });
await migrateDatabase(handle);
const sql = postgres(url, { max: 1, onnotice: () => {} });

const seedStart = performance.now();
await sql.begin(async (tx) => {
  await tx`set local synchronous_commit = off`;
  await tx`insert into users (id, email, handle, display_name, password_hash, email_verified_at, email_delivery, time_zone, digest_hour, locale)
    select md5('digest-user-' || i)::uuid, 'member' || i || '@bench.test', 'member' || i, 'Member ' || i, 'x', now(),
      'DAILY'::email_delivery, case when i % 3 = 0 then 'America/New_York' else 'Europe/Rome' end, 8, (case when i % 2 = 0 then 'en' else 'it' end)::locale
    from generate_series(1, ${MEMBERS}) i`;
  await tx`insert into communities (id, slug, name, name_it, visibility)
    select md5('digest-community-' || c)::uuid, 'digest-' || c, 'Community ' || c, 'Comunità ' || c, 'PUBLIC'::community_visibility
    from generate_series(1, 20) c`;
  await tx`insert into threads (id, community_id, author_id, title, body)
    select md5('digest-thread-' || t)::uuid, md5('digest-community-' || (t % 20 + 1))::uuid, md5('digest-user-1')::uuid,
      'Thread ' || t, 'Opening'
    from generate_series(1, 2000) t`;
  await tx`insert into notifications (user_id, kind, actor_id, community_id, thread_id, post_id, excerpt, created_at)
    select md5('digest-user-' || u)::uuid, 'REPLY_TO_THREAD'::notification_kind, md5('digest-user-1')::uuid,
      md5('digest-community-' || (((u * 7 + n * 13) % 2000) % 20 + 1))::uuid,
      md5('digest-thread-' || ((u * 7 + n * 13) % 2000 + 1))::uuid,
      md5('digest-post-' || u || '-' || n)::uuid, 'A reply in the thread', now() - (n || ' minutes')::interval
    from generate_series(1, ${MEMBERS}) u, generate_series(1, ${PER_MEMBER}) n`;
});
await sql`vacuum analyze notifications`;
await sql`vacuum analyze users`;
const seedSeconds = round((performance.now() - seedStart) / 1000);
console.log(`  seeded in ${seedSeconds} s`);

// A local SMTP server that accepts everything and counts.
let received = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  // Like a real relay on the same network: no reverse DNS of the client on every connection.
  disableReverseLookup: true,
  logger: false,
  onData(stream, _session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => {
      received += 1;
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
const smtpPort = (smtp.server.address() as AddressInfo).port;

const queue = createJobQueue(handle);
queue.on("error", (error) => console.error("queue error", error));
await queue.start();
// The queue exists before anything is queued; its worker starts only for the send measurement.
await queue.createQueue(MAIL_QUEUE);
const mail = new MailService({
  queue,
  from: "Pratica <no-reply@bench.test>",
  // As the api builds it from SMTP_URL; DIGEST_SMTP_POOL=1 measures `?pool=true` (kept connections).
  transport: createTransport(`smtp://127.0.0.1:${smtpPort}${process.env.DIGEST_SMTP_POOL === "1" ? "?pool=true" : ""}`),
  pollingIntervalSeconds: 0.5,
  publicOrigin: () => "https://pratica.example.org",
});
const digests = new DigestService(handle.db, new NotificationMailer(mail, "bench-signing-secret-of-32-characters!!"));

/** Peak heap and RSS above what the process held before, sampled every 20 ms while `work` runs. */
async function measured<T>(work: () => Promise<T>) {
  global.gc?.();
  const base = process.memoryUsage();
  let heap = 0;
  let rss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed - base.heapUsed);
    rss = Math.max(rss, m.rss - base.rss);
  };
  const timer = setInterval(sample, 20);
  const start = performance.now();
  const result = await work();
  const seconds = (performance.now() - start) / 1000;
  clearInterval(timer);
  sample();
  return {
    result,
    seconds: round(seconds),
    peakHeapMiB: round(heap / 2 ** 20, 1),
    peakRssMiB: round(rss / 2 ** 20, 1),
  };
}

// Monday 2030-03-04 at 09:00 in Rome, 03:00 in New York: only the Rome members are due… so build
// at 13:05 UTC, when both zones have passed 08:00.
const now = new Date("2030-03-04T13:05:00Z");
const runs: Record<string, unknown>[] = [];
for (const members of [Math.round(MEMBERS / 5), MEMBERS]) {
  await sql`update users set email_delivery = case when id in (
      select md5('digest-user-' || i)::uuid from generate_series(1, ${members}) i) then 'DAILY'::email_delivery else 'NEVER'::email_delivery end,
    last_digest_at = null`;
  await sql`update notifications set emailed_at = null`;
  await sql`vacuum analyze notifications`;
  const run = await measured(() => digests.run(now));
  console.log(
    `  ${members} members: ${run.result.digests} digests, ${run.result.notifications} notifications in ${run.seconds} s; peak heap +${run.peakHeapMiB} MiB, RSS +${run.peakRssMiB} MiB`,
  );
  runs.push({ ...run.result, members, seconds: run.seconds, peakHeapMiB: run.peakHeapMiB, peakRssMiB: run.peakRssMiB });
}

// Sending: the api's own mail worker, as production runs it, to the local server.
const [counted] = await sql<
  { queued: number }[]
>`select count(*)::int as queued from pgboss.job where name = 'mail' and state = 'created'`;
const queued = counted?.queued ?? 0;
const sendStart = performance.now();
await mail.start();
while (received < queued && performance.now() - sendStart < SEND_SECONDS * 1000) await sleep(200);
const sendSeconds = (performance.now() - sendStart) / 1000;
const rate = round(received / sendSeconds, 1);
console.log(`  sent ${received} of ${queued} queued in ${round(sendSeconds)} s: ${rate} messages/s`);
await mail.stop();
await queue.stop({ graceful: true, close: true, timeout: 10_000 });
await new Promise<void>((resolve) => smtp.close(() => resolve()));
await sql.end({ timeout: 5 });
await handle.close();

const path = await writeResult("digest", {
  api: apiBuildInfo(),
  loadAverage: (await import("node:os")).loadavg(),
  seedSeconds,
  build: runs,
  send: { queued, sent: received, seconds: round(sendSeconds), messagesPerSecond: rate },
});
console.log(`wrote ${path}`);

function parse(u: string) {
  const p = new URL(u);
  return { host: p.hostname, port: Number(p.port || 5432), user: decodeURIComponent(p.username || "postgres") };
}
