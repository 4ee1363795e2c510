import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import type { Logger } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
/** The one database type services see, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A database handle or an open transaction: services accept either. */
export type Executor = Database | Transaction;

export type DatabaseOptions = {
  /** PostgreSQL URL; unset means embedded PGlite. */
  url?: string | undefined;
  /** PGlite data directory (`memory://` keeps nothing). */
  pgliteDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
  /** Every statement the app sends, with its parameters (tests count them; the observatory bench explains them). */
  onQuery?: (sql: string, params: unknown[]) => void;
  /**
   * A PGlite data directory to start from (a tarball from `dumpDataDir`), for an in-memory
   * database: the tests start each file from one migrated copy instead of running initdb and the
   * migrations again (api/src/test/pglite-template.ts).
   */
  pgliteData?: Blob | undefined;
};

export type DatabaseHandle =
  | { db: Database; kind: "postgres"; url: string; close: () => Promise<void> }
  | {
      db: Database;
      kind: "pglite";
      /** The one PGlite connection, for what shares it besides drizzle (the job queue). */
      client: PGlite;
      close: () => Promise<void>;
    };

export const DEFAULT_PGLITE_DIR = "./.data/pglite";

/** The one place that chooses the driver: postgres.js when a URL is given, PGlite otherwise. */
export async function createDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  const logger: Logger | undefined = options.onQuery
    ? { logQuery: (query, params) => options.onQuery?.(query, params) }
    : undefined;

  if (options.url) {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      // Keep prepared statements: postgres.js caches them per connection, which matters under load.
      prepare: true,
    });
    const db = drizzlePostgres(client, { schema, logger }) as unknown as Database;
    return { db, kind: "postgres", url: options.url, close: () => client.end({ timeout: 5 }) };
  }

  const dir = options.pgliteDir ?? DEFAULT_PGLITE_DIR;
  // PGlite creates only the last folder of its path; a fresh checkout has none of them.
  if (dir !== "memory://") await mkdir(dir, { recursive: true });
  // Search needs unaccent and pg_trgm (migration 0006); PGlite ships them, loaded on request.
  const client = await PGlite.create({
    ...(dir === "memory://" ? {} : { dataDir: dir }),
    ...(options.pgliteData && dir === "memory://" ? { loadDataDir: options.pgliteData } : {}),
    extensions: { unaccent, pg_trgm },
  });
  const db = drizzlePglite(client, { schema, logger }) as unknown as Database;
  return { db, kind: "pglite", client, close: () => client.close() };
}
