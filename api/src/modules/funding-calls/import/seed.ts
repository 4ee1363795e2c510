import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { type Database, fundingCallImports } from "@pratica/db";
import { and, eq, isNull } from "drizzle-orm";
import { FundingCallImporter, type ImportOutcome } from "./importer.js";

/** The shipped demo calls (the portal's JSON shape), beside the other seed data of the db package. */
export const DEMO_CALLS_FILE = new URL("../../../../../db/src/seed/data/funding-calls.json", import.meta.url);
const FILE_NAME = "funding-calls.json";

/**
 * Seeds the demo funding calls by importing the fixture as the CLI would (source EU_FT, no actor):
 * once — a database where that import is recorded is left as it is, so running it on every start
 * is safe. Null when skipped (already seeded, or a build without the repository's seed data).
 */
export async function seedFundingCalls(db: Database, now = () => new Date()): Promise<ImportOutcome | null> {
  if (!existsSync(DEMO_CALLS_FILE)) return null;
  const [done] = await db
    .select({ id: fundingCallImports.id })
    .from(fundingCallImports)
    .where(and(eq(fundingCallImports.fileName, FILE_NAME), isNull(fundingCallImports.actorId)))
    .limit(1);
  if (done) return null;
  return new FundingCallImporter(db, now).run({
    source: "EU_FT",
    fileName: FILE_NAME,
    format: "json",
    body: await readFile(DEMO_CALLS_FILE),
    actorId: null,
  });
}
