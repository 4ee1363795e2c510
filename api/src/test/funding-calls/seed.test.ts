import { fundingCallImports, fundingCalls } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedFundingCalls } from "../../modules/funding-calls/import/seed.js";
import { useTestServer } from "../fixture.js";
import { fixture, NOW } from "./support.js";

const server = useTestServer();

describe("the demo calls' seed", () => {
  it("imports the fixture once; a second run leaves everything as it is", async () => {
    const first = await seedFundingCalls(server.db, () => NOW);
    expect(first?.ok && first.counts.created).toBe(fixture().results.length);
    const count = async () =>
      (
        await server.db
          .select({ n: sql<number>`count(*)::int` })
          .from(fundingCalls)
          .where(eq(fundingCalls.source, "EU_FT"))
      )[0]?.n;
    const before = [await count(), (await server.db.select().from(fundingCallImports)).length];
    expect(await seedFundingCalls(server.db, () => NOW)).toBeNull();
    expect([await count(), (await server.db.select().from(fundingCallImports)).length]).toEqual(before);
  });
});
