import { buyerRequests, certifications, organizations, seed } from "@pratica/db";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { CpvService } from "../../modules/cpv/cpv.service.js";
import { suppliersFor } from "../../modules/procurement/matching.js";
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
    // The open request matches the seeded type B social cooperative, which ranks first.
    const [open] = await server.db.select().from(buyerRequests).where(eq(buyerRequests.state, "OPEN"));
    if (!open) throw new Error("no open request");
    const matched = await suppliersFor(server.db, new CpvService(server.db), open, new Date());
    expect(matched[0]?.preferredHeld).toBe(1);
    const coops = await server.db
      .select({ id: certifications.organizationId })
      .from(certifications)
      .where(
        and(
          eq(certifications.kind, "SOCIAL_COOP_B"),
          inArray(
            certifications.organizationId,
            matched.map((m) => m.organizationId),
          ),
        ),
      );
    expect(coops.length).toBeGreaterThan(0);
    expect((await seed(server.db, { demo: true })).demoRequests).toBe(0);
    expect(await server.db.select().from(buyerRequests)).toHaveLength(3);
  });
});
