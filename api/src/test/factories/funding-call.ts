import { randomUUID } from "node:crypto";
import { type Database, type FundingCallRow, fundingCalls } from "@pratica/db";

/**
 * A funding call inserted straight into the database (as the other factories do): open, HORIZON,
 * deadline in 60 days unless the test says otherwise. Shared by the HUB's test folders.
 */
export async function createFundingCall(
  db: Database,
  overrides: Partial<typeof fundingCalls.$inferInsert> = {},
): Promise<FundingCallRow> {
  const suffix = randomUUID().slice(0, 8).toUpperCase();
  const [call] = await db
    .insert(fundingCalls)
    .values({
      source: "EU_FT",
      identifier: `HORIZON-CL2-2027-TEST-${suffix}`,
      callIdentifier: "HORIZON-CL2-2027-TEST",
      title: `A test call ${suffix}`,
      programme: "HORIZON",
      status: "OPEN",
      opensAt: new Date(Date.now() - 30 * 86_400_000),
      deadlineAt: new Date(Date.now() + 60 * 86_400_000),
      themes: ["social-innovation"],
      keywords: ["social innovation"],
      description: "A call made by a test.",
      contentHash: `test-${suffix}`,
      ...overrides,
    })
    .returning();
  if (!call) throw new Error("funding call not created");
  return call;
}
