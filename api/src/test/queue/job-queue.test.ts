import { sql } from "drizzle-orm";
import { type Job, TestClock } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobQueue, inTransaction, type JobQueue, type JobQueueOptions } from "../../core/job-queue.js";
import { freshDatabase } from "../database.js";

/**
 * The proof behind docs/architecture.md, "Job queue": pg-boss runs on this project's database, in
 * both test projects (embedded PGlite and PostgreSQL). Each part starts from its own fresh database,
 * since a TestClock sets the whole session's clock and PGlite has one session.
 */

type Fresh = Awaited<ReturnType<typeof freshDatabase>>;

function useQueueDatabase() {
  const state: { database: Fresh; queues: JobQueue[] } = { database: undefined as unknown as Fresh, queues: [] };
  beforeAll(async () => {
    state.database = await freshDatabase();
  });
  afterAll(async () => {
    for (const queue of state.queues) await queue.stop({ graceful: false, close: true, timeout: 5000 });
    await state.database.drop();
  });
  const start = async (options: JobQueueOptions = {}) => {
    const queue = createJobQueue(state.database, { supervise: false, schedule: false, ...options });
    queue.on("error", (error) => {
      throw error;
    });
    state.queues.push(queue);
    await queue.start();
    return queue;
  };
  return { state, start };
}

/** Resolves with the next value `push` receives once `count` have arrived. */
function collector<T>(count: number) {
  const items: T[] = [];
  let resolve: (items: T[]) => void = () => {};
  const done = new Promise<T[]>((r) => {
    resolve = r;
  });
  return {
    items,
    done,
    push(item: T) {
      items.push(item);
      if (items.length === count) resolve(items);
    },
  };
}

describe("pg-boss on this database", () => {
  const { state, start } = useQueueDatabase();

  it("creates its schema, and a second instance finds it installed", async () => {
    const first = await start();
    expect(await first.isInstalled()).toBe(true);
    const version = await first.schemaVersion();
    expect(version).toBeGreaterThan(0);
    const second = await start();
    expect(await second.schemaVersion()).toBe(version);
    const [tables] = await state.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(sql`information_schema.tables`)
      .where(sql`table_schema = 'pgboss'`);
    expect(tables?.n).toBeGreaterThan(3);
  });

  it("enqueues inside a transaction: a rollback leaves no job, a commit leaves one", async () => {
    const queue = await start();
    await queue.createQueue("tx-proof");
    await expect(
      state.database.db.transaction(async (tx) => {
        await queue.send("tx-proof", { n: 1 }, { db: inTransaction(tx) });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await queue.findJobs("tx-proof")).toHaveLength(0);

    const id = await state.database.db.transaction(async (tx) =>
      queue.send("tx-proof", { n: 2 }, { db: inTransaction(tx) }),
    );
    const jobs = await queue.findJobs("tx-proof");
    expect(jobs.map((job) => [job.id, job.data])).toEqual([[id, { n: 2 }]]);
  });

  it("two instances work 40 jobs: each completes exactly once", async () => {
    const a = await start();
    const b = await start();
    await a.createQueue("once");
    const ids = await Promise.all(Array.from({ length: 40 }, (_, n) => a.send("once", { n })));
    const seen = collector<{ worker: string; id: string }>(40);
    const handler = (worker: string) => async (jobs: Job<object>[]) => {
      for (const job of jobs) seen.push({ worker, id: job.id });
    };
    await a.work("once", { pollingIntervalSeconds: 0.5, batchSize: 3 }, handler("a"));
    await b.work("once", { pollingIntervalSeconds: 0.5, batchSize: 3 }, handler("b"));
    const handled = await seen.done;
    await a.offWork("once", { wait: true });
    await b.offWork("once", { wait: true });

    expect(new Set(handled.map((h) => h.id))).toEqual(new Set(ids));
    expect(handled).toHaveLength(40);
    const completed = await a.findJobs("once", { queued: false });
    expect(completed.filter((job) => job.state === "completed")).toHaveLength(40);
  });
});

describe("pg-boss retries and cron on a test clock", () => {
  const { start } = useQueueDatabase();

  it("retries a failing job with exponential backoff, then completes it once", async () => {
    const clock = new TestClock(new Date("2026-01-01T00:00:00Z"));
    const queue = await start({ clock });
    await queue.createQueue("flaky", { retryLimit: 3, retryDelay: 1, retryBackoff: true });
    const attempts: number[] = [];
    await queue.work("flaky", { pollingIntervalSeconds: 0.5 }, async ([job]) => {
      attempts.push(clock.now());
      if (attempts.length < 3) throw new Error(`attempt ${attempts.length} fails`);
      return job?.data;
    });
    const id = await queue.send("flaky", { n: 1 });
    for (let tick = 0; tick < 60 && attempts.length < 3; tick++) await clock.tick(500);

    const job = await queue.getJobById("flaky", id ?? "");
    expect(job?.state).toBe("completed");
    expect(job?.retryCount).toBe(2);
    expect(attempts).toHaveLength(3);
    // retryDelay · 2^retryCount with jitter: the second wait is longer than the first.
    const [first = 0, second = 0, third = 0] = attempts;
    expect(second - first).toBeGreaterThanOrEqual(1000);
    expect(third - second).toBeGreaterThan(second - first);
    // Nothing runs it again: more time passes, no fourth attempt.
    await clock.tick(10_000);
    expect(attempts).toHaveLength(3);
  });

  it("runs a cron schedule and its maintenance on this database", async () => {
    const clock = new TestClock(new Date("2026-01-01T00:00:10Z"));
    const queue = await start({ clock, schedule: true, cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 });
    await queue.createQueue("tick");
    const runs: number[] = [];
    await queue.work("tick", { pollingIntervalSeconds: 0.5 }, async () => {
      runs.push(clock.now());
    });
    await queue.schedule("tick", "* * * * *");
    for (let tick = 0; tick < 140 && runs.length < 2; tick++) await clock.tick(1000);
    // The current minute's run comes at once, the next on the minute.
    expect(runs).toHaveLength(2);
    expect(runs[0]).toBeLessThan(Date.parse("2026-01-01T00:01:00Z"));
    expect(runs[1]).toBeGreaterThanOrEqual(Date.parse("2026-01-01T00:01:00Z"));
    // The maintenance pass (expiry, retention, queue stats) completes without an error.
    await queue.supervise();
  });
});
