import { resolve } from "node:path";
import {
  DEFAULT_PGLITE_DIR,
  type DemoAccount,
  type Executor,
  hasDemoAccounts,
  type SeedReport,
  seededDemoAccounts,
} from "@pratica/db";
import type { Config } from "../config.js";

/** Where the data lives, named without the URL itself: it may carry a password. */
export type DatabaseFacts =
  | { kind: "pglite" /** absolute, or memory:// */; dir: string }
  | { kind: "postgres"; host: string; database: string };

export type DemoFacts = { state: "seeded now" | "present"; accounts: DemoAccount[] } | { state: "none"; why: string };

/** What a person starting the api wants to know first. */
export type StartFacts = {
  url: string;
  port: number;
  database: DatabaseFacts;
  redis: boolean;
  /** What this start put into an empty database; undefined when the database was not empty. */
  seeded: SeedReport | undefined;
  demo: DemoFacts;
};

type StartConfig = Pick<Config, "DATABASE_URL" | "PGLITE_DIR" | "REDIS_URL" | "production" | "seedDemo">;

export async function startFacts(
  config: StartConfig,
  db: Executor,
  port: number,
  seeded: SeedReport | undefined,
): Promise<StartFacts> {
  return {
    url: `http://localhost:${port}`,
    port,
    database: describeDatabase(config),
    redis: Boolean(config.REDIS_URL),
    seeded,
    demo: await demoFacts(config, db, seeded),
  };
}

/** PGLITE_DIR is relative to the working directory (api/ under `pnpm start`): say where that is. */
export function describeDatabase(config: StartConfig, cwd = process.cwd()): DatabaseFacts {
  if (config.DATABASE_URL) {
    const url = new URL(config.DATABASE_URL);
    // postgres://user@%2Fvar%2Frun%2Fpostgresql/db names a socket folder as the host.
    const host = decodeURIComponent(url.hostname) || url.searchParams.get("host") || "localhost";
    return {
      kind: "postgres",
      host: url.port ? `${host}:${url.port}` : host,
      database: decodeURIComponent(url.pathname.slice(1)),
    };
  }
  const dir = config.PGLITE_DIR ?? DEFAULT_PGLITE_DIR;
  return { kind: "pglite", dir: dir === "memory://" ? dir : resolve(cwd, dir) };
}

async function demoFacts(config: StartConfig, db: Executor, seeded: SeedReport | undefined): Promise<DemoFacts> {
  if (seeded && seeded.demoAccounts > 0) return { state: "seeded now", accounts: seededDemoAccounts() };
  // Seeded by an earlier start, or by hand: worth saying, in production above all.
  if (await hasDemoAccounts(db)) return { state: "present", accounts: seededDemoAccounts() };
  const why = config.production
    ? "never seeded in production"
    : config.seedDemo
      ? "demo data is seeded only into an empty database"
      : "SEED_DEMO=0";
  return { state: "none", why };
}
