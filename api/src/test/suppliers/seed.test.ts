import { certifications, seed, supplierProfiles } from "@pratica/db";
import { beforeAll, describe, expect, it } from "vitest";
import { as } from "../admin/support.js";
import { useTestServer } from "../fixture.js";

const server = useTestServer();
beforeAll(async () => {
  await seed(server.db, { demo: true });
  await seed(server.db, { demo: true });
});

describe("the demo suppliers", () => {
  it("seeds the CPV subset and eight supplier profiles once, with every kind of certification", async () => {
    expect(await server.db.select().from(supplierProfiles)).toHaveLength(8);
    const certs = await server.db.select().from(certifications);
    expect(certs).toHaveLength(8);
    expect(new Set(certs.map((c) => c.kind))).toEqual(
      new Set(["SOCIAL_COOP_A", "SOCIAL_COOP_B", "BENEFIT_CORPORATION", "B_CORP", "OTHER"]),
    );
    expect(certs.filter((c) => c.verification === "PENDING")).toHaveLength(1);
    expect(certs.filter((c) => c.validUntil !== null && c.validUntil < "2026-01-01")).toHaveLength(1);
    const q = as(server.url);
    const listed = await q(undefined, `{ suppliers(first: 100, cpv: "909") { totalCount } }`);
    expect(listed.data?.suppliers.totalCount).toBe(1);
    const badge = await q(undefined, `{ suppliers(first: 100, certification: SOCIAL_COOP_B) { totalCount } }`);
    // Two type B cooperatives are verified; the third's certification expired.
    expect(badge.data?.suppliers.totalCount).toBe(2);
    const it_ = await q(
      undefined,
      `{ organization(slug: "verdemela-catering") { supplierProfile { offer cpvCodes { label } } } }`,
      {},
      "it",
    );
    expect(it_.data?.organization.supplierProfile.offer).toMatch(/^Catering per eventi/);
    expect(it_.data?.organization.supplierProfile.cpvCodes[0].label).toBe("Servizi di catering");
  });
});
