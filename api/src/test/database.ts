import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createDatabase, type DatabaseHandle, type Executor, migrateDatabase } from "@pratica/db";
import { sql } from "drizzle-orm";
import postgres from "postgres";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * PostgreSQL database next to TEST_DATABASE_URL when the "postgres" vitest project runs.
 */
export async function freshDatabase(
  onQuery?: (sql: string) => void,
): Promise<DatabaseHandle & { drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DB === "postgres" ? process.env.TEST_DATABASE_URL : undefined;
  if (!adminUrl) {
    // The migrated copy the "pglite" project's global setup made (test/pglite-template.ts), when
    // there is one; the migrations below then find nothing to do.
    const template = process.env.PRATICA_PGLITE_TEMPLATE;
    const pgliteData = template ? new Blob([await readFile(template)]) : undefined;
    const handle = await createDatabase({ pgliteDir: "memory://", onQuery, pgliteData });
    await migrateDatabase(handle);
    return { ...handle, drop: handle.close };
  }

  const name = `pratica_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  // The migrated template the "postgres" project's global setup made (test/postgres-template.ts),
  // when there is one; the migrations below then find nothing to do.
  const template = process.env.PRATICA_POSTGRES_TEMPLATE;
  await admin.unsafe(template ? `create database ${name} template ${template}` : `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await createDatabase({ url: url.toString(), maxConnections: 5, onQuery });
  await migrateDatabase(handle);
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/**
 * Resolves once some backend of this test's database waits on a row lock. PostgreSQL offers no
 * notification for that, so this asks pg_stat_activity until it says so: the signal, not a guess
 * at how long the request takes to get there. Ask on the connection that holds the lock when the
 * waiting requests may hold all the others.
 */
export async function untilSomeoneWaitsOnALock(db: Executor) {
  for (;;) {
    // Inside a transaction the statistics are read once: forget them before each look.
    await db.execute(sql`select pg_stat_clear_snapshot()`);
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(sql`pg_stat_activity`)
      .where(sql`datname = current_database() and wait_event_type = 'Lock'`);
    if ((row?.n ?? 0) > 0) return;
  }
}
