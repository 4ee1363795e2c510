import type { DatabaseHandle, Executor } from "@pratica/db";
import { sql } from "drizzle-orm";
import { type ConstructorOptions, type Db, fromDrizzle, fromPglite, PgBoss } from "pg-boss";

/**
 * The durable job queue: pg-boss, in the `pgboss` schema of the app's own database (docs/architecture.md,
 * "Job queue"). On PostgreSQL it keeps its own small `pg` pool to the same URL, so workers on every api
 * instance share the queue; on embedded PGlite it runs its statements on the app's one connection.
 */
export type JobQueue = PgBoss;

export type JobQueueOptions = Omit<ConstructorOptions, "db" | "connectionString" | "backend">;

export function createJobQueue(database: DatabaseHandle, options: JobQueueOptions = {}): JobQueue {
  const connection: ConstructorOptions =
    database.kind === "postgres"
      ? { connectionString: database.url, max: 4 }
      : { db: fromPglite(database.client), backend: "pglite" };
  return new PgBoss({ ...options, ...connection });
}

/**
 * pg-boss's statements run inside a unit of work's transaction (`send(name, data, { db: inTransaction(tx) })`):
 * the job exists only if the write commits, so a rolled-back write enqueues nothing.
 */
export function inTransaction(tx: Executor): Db {
  return fromDrizzle(tx as unknown as Parameters<typeof fromDrizzle>[0], sql);
}
