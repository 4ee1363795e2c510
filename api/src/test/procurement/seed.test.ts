import { buyerRequests, organizations, seed } from "@pratica/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestServer } from "../fixture.js";

const server = useTestServer();

describe("demo buyer requests", () => {
  it("three, by a public body and a company (OPEN, AWARDED with its outcome, DRAFT); seeding again adds none", async () => {
    const first = await seed(server.db, { demo: true });
    expect(first.demoRequests).toBe(3);
    const rows = await server.db
      .select({ state: buyerRequests.state, category: organizations.category, outcome: buyerRequests.outcomeNote })
      .from(buyerRequests)
      .innerJoin(organizations, eq(organizations.id, buyerRequests.organizationId));
    expect(rows.map((r) => r.state).sort()).toEqual(["AWARDED", "DRAFT", "OPEN"]);
    expect(new Set(rows.map((r) => r.category))).toEqual(new Set(["PUBLIC_SECTOR", "PRIVATE_SECTOR"]));
    expect(rows.find((r) => r.state === "AWARDED")?.outcome).toBeTruthy();
    expect((await seed(server.db, { demo: true })).demoRequests).toBe(0);
    expect(await server.db.select().from(buyerRequests)).toHaveLength(3);
  });
});
