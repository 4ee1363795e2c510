import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { type Database, fundingCallImports, fundingCallRevisions, fundingCalls } from "@pratica/db";
import { asc, eq, sql } from "drizzle-orm";
import { gql } from "../client.js";
import type { TestUser } from "../factories.js";

/** "Now" for every funding-calls test: tests move `clock.now`. */
export const NOW = new Date("2026-12-07T09:00:00Z");
export const DAY = 86_400_000;
export const clock = { now: NOW };
export const hooks = { fundingCallsClock: () => clock.now };

export const request =
  (url: () => string) =>
  (user: TestUser | undefined, query: string, variables = {}) =>
    gql(url(), query, variables, { token: user?.token });

const DATA = new URL("../../../../db/src/seed/data/", import.meta.url);
/** The shipped fixture (the portal's JSON shape) and its CSV twin. */
export const FIXTURE_JSON = readFileSync(new URL("funding-calls.json", DATA), "utf8");
export const FIXTURE_CSV = readFileSync(new URL("funding-calls.csv", DATA), "utf8");

// biome-ignore lint/suspicious/noExplicitAny: the fixture is the portal's loose JSON
export const fixture = (): { results: any[] } => JSON.parse(FIXTURE_JSON);

/** A source of its own per test: upserts key on (source, identifier), so tests never meet. */
export const freshSource = () => `TEST_${randomUUID().slice(0, 8)}`;

/** The rows an import writes, to assert that a refused or repeated one changed nothing. */
export async function snapshot(db: Database, source: string) {
  const calls = await db
    .select()
    .from(fundingCalls)
    .where(eq(fundingCalls.source, source))
    .orderBy(asc(fundingCalls.identifier));
  const [revisions] = await db.select({ n: sql<number>`count(*)::int` }).from(fundingCallRevisions);
  const [imports] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(fundingCallImports)
    .where(eq(fundingCallImports.source, source));
  return { calls, revisions: revisions?.n, imports: imports?.n };
}
