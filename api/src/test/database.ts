import { randomBytes } from "node:crypto";
import { createDatabase, type DatabaseHandle, migrateDatabase } from "@pratica/db";
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
    const handle = await createDatabase({ pgliteDir: "memory://", onQuery });
    await migrateDatabase(handle);
    return { ...handle, drop: handle.close };
  }

  const name = `pratica_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
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
