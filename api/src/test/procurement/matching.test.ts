import { type BuyerRequestRow, type OrganizationRow, organizations } from "@pratica/db";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { CpvService } from "../../modules/cpv/cpv.service.js";
import { requestsFor, suppliersFor } from "../../modules/procurement/matching.js";
import { buildOrganization } from "../admin/support.js";
import { buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import {
  addPerson,
  buildCast,
  buildRequest,
  buildSupplier,
  type Cast,
  COLLEGNO,
  CPV,
  certify,
  hooks,
  MONCALIERI,
  NOW,
  request,
  TORINO,
} from "./support.js";

const server = useTestServer({}, undefined, hooks);
const send = request(() => server.url);
const cpv = () => new CpvService(server.db);
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server.db);
});

async function supplierWith(p: Parameters<typeof buildSupplier>[2]): Promise<{ org: OrganizationRow; rep: TestUser }> {
  const org = await buildOrganization(server.db);
  const rep = await buildUser(server.db);
  await addPerson(server.db, org, rep);
  await buildSupplier(server.db, org, p);
  return { org, rep };
}

const matched = async (r: BuyerRequestRow) =>
  (await suppliersFor(server.db, cpv(), r, NOW)).map((m) => m.organizationId);
const MATCHING = `query($o: ID!) { matchingBuyerRequests(organizationId: $o) { id } }`;
const requestsOf = async (s: { org: OrganizationRow; rep: TestUser }) => {
  const res = await send(s.rep, MATCHING, { o: s.org.id });
  expect(res.errors).toBeUndefined();
  return res.data?.matchingBuyerRequests.map((r: { id: string }) => r.id) as string[];
};

describe("matching.ts: the one rule, both ways", () => {
  it.each([
    ["the exact code", [CPV.cleaning], true],
    ["a broader code (the supplier's is an ancestor)", [CPV.group], true],
    ["a narrower code (a descendant)", [CPV.offices], true],
    ["a sibling", [CPV.sibling], false],
    ["another division", [CPV.construction], false],
  ])("%s", async (_, codes, fits) => {
    const s = await supplierWith({ cpv: codes, area: [TORINO] });
    const r = await buildRequest(server.db, cast, { cpvCodes: [CPV.cleaning], area: [TORINO] });
    expect((await matched(r)).includes(s.org.id)).toBe(fits);
    expect((await requestsOf(s)).includes(r.id)).toBe(fits);
  });

  it("areas: an overlapping municipality or the whole area on either side; else none", async () => {
    const apart = await supplierWith({ cpv: [CPV.cleaning], area: [MONCALIERI] });
    const overlap = await supplierWith({ cpv: [CPV.cleaning], area: [MONCALIERI, TORINO] });
    const whole = await supplierWith({ cpv: [CPV.cleaning], whole: true });
    const r = await buildRequest(server.db, cast, { area: [TORINO, COLLEGNO] });
    const found = await matched(r);
    expect(found.includes(apart.org.id)).toBe(false);
    expect(found.includes(overlap.org.id)).toBe(true);
    expect(found.includes(whole.org.id)).toBe(true);
    const everywhere = await buildRequest(server.db, cast, { area: [], wholeMetroArea: true });
    expect((await matched(everywhere)).includes(apart.org.id)).toBe(true);
    expect(await requestsOf(apart)).toContain(everywhere.id);
    expect(await requestsOf(apart)).not.toContain(r.id);
  });

  it("withdrawn organisations and unpublished profiles are left out; so is the buyer itself", async () => {
    const withdrawn = await supplierWith({ cpv: [CPV.cleaning], whole: true });
    await server.db
      .update(organizations)
      .set({ withdrawnOn: "2030-01-01" })
      .where(eq(organizations.id, withdrawn.org.id));
    const hidden = await supplierWith({ cpv: [CPV.cleaning], whole: true, published: false });
    const r = await buildRequest(server.db, cast);
    const found = await matched(r);
    expect(found.includes(withdrawn.org.id)).toBe(false);
    expect(found.includes(hidden.org.id)).toBe(false);
    expect(await requestsOf(withdrawn)).toEqual([]);
    expect(await requestsOf(hidden)).toEqual([]);
    await buildSupplier(server.db, cast.buyerOrg, { cpv: [CPV.cleaning], whole: true });
    expect((await matched(r)).includes(cast.buyerOrg.id)).toBe(false);
  });

  it("only OPEN requests before their deadline are offered to a supplier", async () => {
    const s = await supplierWith({ cpv: [CPV.cleaning], whole: true });
    const draft = await buildRequest(server.db, cast, { state: "DRAFT" });
    const closed = await buildRequest(server.db, cast, { state: "CLOSED" });
    const late = await buildRequest(server.db, cast, { deadlineAt: NOW });
    const open = await buildRequest(server.db, cast);
    const ids = await requestsOf(s);
    expect(ids).toContain(open.id);
    for (const r of [draft, closed, late]) expect(ids).not.toContain(r.id);
  });

  it("preferred certifications rank first (verified and not expired), never filter", async () => {
    const plain = await supplierWith({ cpv: [CPV.cleaning], whole: true });
    const coop = await supplierWith({ cpv: [CPV.cleaning], whole: true });
    const expired = await supplierWith({ cpv: [CPV.cleaning], whole: true });
    const pending = await supplierWith({ cpv: [CPV.cleaning], whole: true });
    await certify(server.db, coop.org, "SOCIAL_COOP_B", { validUntil: "2031-01-01" });
    await certify(server.db, expired.org, "SOCIAL_COOP_B", { validUntil: "2030-03-01" });
    await certify(server.db, pending.org, "SOCIAL_COOP_B", { verification: "PENDING" });
    const r = await buildRequest(server.db, cast, { preferredCertifications: ["SOCIAL_COOP_B"] });
    const found = await suppliersFor(server.db, cpv(), r, NOW);
    expect(found[0]).toEqual({ organizationId: coop.org.id, preferredHeld: 1 });
    for (const s of [plain, expired, pending]) {
      expect(found.find((m) => m.organizationId === s.org.id)?.preferredHeld).toBe(0);
    }
    // The other way: requests preferring what the supplier holds first.
    const other = await buildRequest(server.db, cast, { deadlineAt: new Date(NOW.getTime() + 3_600_000) });
    const ids = (await requestsFor(server.db, cpv(), coop.org.id, NOW)).map((x) => x.id);
    expect(ids.indexOf(r.id)).toBeLessThan(ids.indexOf(other.id));
  });
});
