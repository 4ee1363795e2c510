import { randomBytes } from "node:crypto";
import { createDatabase, migrateDatabase } from "@pratica/db";
import postgres from "postgres";
import { migrationsHash } from "./migrations-hash.js";

/**
 * Vitest global setup of the "postgres" project: one migrated database that each test file's
 * database is created from (`create database … template …`, test/database.ts). Measured here:
 * migrating a new database takes ~1.1 s, copying the migrated template ~0.25 s — for each of
 * ~140 api test files. The template's name carries a hash of the migrations, so a changed
 * migration never starts from a stale copy; it is kept between runs (nothing connects to it).
 */
export default async function setup(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return;
  const template = `pratica_tpl_${await migrationsHash()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [found] = await admin`select 1 from pg_database where datname = ${template}`;
    if (!found) await build(admin, adminUrl, template);
  } finally {
    await admin.end({ timeout: 5 });
  }
  // Read by test/database.ts in the workers, which inherit this process's environment.
  process.env.PRATICA_POSTGRES_TEMPLATE = template;
}

/**
 * Migrates under a name of its own, then renames: another run starting at the same moment either
 * finds the finished template or loses the rename and drops its copy, and no file ever copies a
 * half-migrated one (a template is copied only while nobody is connected to it).
 */
async function build(admin: postgres.Sql, adminUrl: string, template: string): Promise<void> {
  const building = `pratica_tpl_build_${randomBytes(6).toString("hex")}`;
  await admin.unsafe(`create database ${building}`);
  const url = new URL(adminUrl);
  url.pathname = `/${building}`;
  const handle = await createDatabase({ url: url.toString(), maxConnections: 1 });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
  try {
    await admin.unsafe(`alter database ${building} rename to ${template}`);
  } catch (err) {
    await admin.unsafe(`drop database if exists ${building} with (force)`);
    const [found] = await admin`select 1 from pg_database where datname = ${template}`;
    if (!found) throw err;
  }
}
