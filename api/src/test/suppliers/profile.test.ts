import { supplierCpvCodes, supplierProfiles } from "@pratica/db";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { as, buildAdmin } from "../admin/support.js";
import { loadSubset } from "../cpv/support.js";
import { useTestServer } from "../fixture.js";
import { buildOrganizationWithPeople } from "./people.js";
import { ORG_PROFILE, profileInput, refusedUnchanged, SAVE } from "./support.js";

const server = useTestServer();
beforeAll(() => loadSubset(server.db));
const TABLES = ["supplier_profiles", "supplier_cpv_codes"];

describe("saveSupplierProfile", () => {
  it("a representative creates then updates the profile; everyone reads it in their language", async () => {
    const { org, rep } = await buildOrganizationWithPeople(server.db);
    const q = as(server.url);
    const created = await q(
      rep,
      SAVE,
      { i: profileInput(org, { cpvCodes: ["90910000-9", "77310000", "90910000"] }) },
      "en",
    );
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const p = created.data?.saveSupplierProfile;
    expect(p).toMatchObject({
      offer: "Cleaning of offices and schools",
      version: 1,
      viewerCanEdit: true,
      published: true,
      serviceArea: [{ code: "001272", name: "Torino" }],
    });
    expect(p.cpvCodes).toEqual([
      { code: "77310000", checkDigit: 6 },
      { code: "90910000", checkDigit: 9 },
    ]);
    const updated = await q(
      rep,
      SAVE,
      { i: profileInput(org, { version: 1, offerEn: "", wholeMetroArea: true, cpvCodes: ["98311000"] }) },
      "en",
    );
    expect(updated.errors).toBeUndefined();
    // English left blank: the Italian shows.
    expect(updated.data?.saveSupplierProfile).toMatchObject({
      version: 2,
      offer: "Pulizia di uffici e scuole",
      serviceArea: [],
      wholeMetroArea: true,
      cpvCodes: [{ code: "98311000" }],
    });
    const anon = await q(undefined, ORG_PROFILE, { slug: org.slug });
    expect(anon.data?.organization.supplierProfile).toMatchObject({
      viewerCanEdit: false,
      offer: "Pulizia di uffici e scuole",
    });
  });

  it("an unpublished profile is read by the organisation's people and admins only", async () => {
    const { org, rep, member, outsider } = await buildOrganizationWithPeople(server.db);
    const admin = await buildAdmin(server.db);
    const q = as(server.url);
    await q(rep, SAVE, { i: profileInput(org, { published: false }) });
    for (const who of [member, admin]) {
      expect((await q(who, ORG_PROFILE, { slug: org.slug })).data?.organization.supplierProfile).not.toBeNull();
    }
    for (const who of [outsider, undefined]) {
      expect((await q(who, ORG_PROFILE, { slug: org.slug })).data?.organization.supplierProfile).toBeNull();
    }
    expect((await q(member, ORG_PROFILE, { slug: org.slug })).data?.organization.supplierProfile.viewerCanEdit).toBe(
      false,
    );
  });

  it("refuses without login, without being a representative, and for a former partner, changing nothing", async () => {
    const { org, member, outsider } = await buildOrganizationWithPeople(server.db);
    const q = as(server.url);
    await refusedUnchanged(server.db, TABLES, () => q(undefined, SAVE, { i: profileInput(org) }), "UNAUTHENTICATED");
    for (const who of [member, outsider]) {
      const r = await refusedUnchanged(server.db, TABLES, () => q(who, SAVE, { i: profileInput(org) }), "FORBIDDEN");
      expect(r.errors?.[0]?.message).toBe("You do not represent this organisation.");
    }
    const former = await buildOrganizationWithPeople(server.db, undefined, { withdrawnOn: "2026-01-01" });
    const r = await refusedUnchanged(
      server.db,
      TABLES,
      () => q(former.rep, SAVE, { i: profileInput(former.org) }),
      "FORBIDDEN",
    );
    expect(r.errors?.[0]?.message).toMatch(/withdrew/);
    await refusedUnchanged(
      server.db,
      TABLES,
      () => q(former.rep, SAVE, { i: profileInput({ ...former.org, id: "00000000-0000-4000-8000-000000000000" }) }),
      "NOT_FOUND",
    );
  });

  it("refuses unknown CPV codes, bad check digits, unknown municipalities and limits, naming the field and the code", async () => {
    const { org, rep } = await buildOrganizationWithPeople(server.db);
    const q = as(server.url);
    for (const [more, field, code] of [
      [{ cpvCodes: ["90910001"] }, "cpvCodes", "90910001"],
      [{ cpvCodes: ["90910000-1"] }, "cpvCodes", "90910000-1"],
      [{ cpvCodes: ["cleaning"] }, "cpvCodes", "cleaning"],
      [{ serviceArea: ["001999"] }, "serviceArea", "001999"],
      [{ offerEn: "x".repeat(4001) }, "offerEn", undefined],
      [{ capacity: "x".repeat(1001) }, "capacity", undefined],
      [{ cpvCodes: Array.from({ length: 41 }, () => "90910000") }, "cpvCodes", undefined],
    ] as const) {
      const r = await refusedUnchanged(
        server.db,
        TABLES,
        () => q(rep, SAVE, { i: profileInput(org, more) }),
        "BAD_USER_INPUT",
        field,
      );
      if (code) expect(r.errors?.[0]?.message).toContain(code);
    }
  });

  it("a stale version or a second create is a CONFLICT with the current version", async () => {
    const { org, rep } = await buildOrganizationWithPeople(server.db);
    const q = as(server.url);
    await q(rep, SAVE, { i: profileInput(org) });
    const again = await refusedUnchanged(server.db, TABLES, () => q(rep, SAVE, { i: profileInput(org) }), "CONFLICT");
    expect(again.errors?.[0]?.extensions?.current).toEqual({ version: 1 });
    await q(rep, SAVE, { i: profileInput(org, { version: 1 }) });
    const stale = await refusedUnchanged(
      server.db,
      TABLES,
      () => q(rep, SAVE, { i: profileInput(org, { version: 1 }) }),
      "CONFLICT",
    );
    expect(stale.errors?.[0]?.extensions?.current).toEqual({ version: 2 });
    const other = await buildOrganizationWithPeople(server.db);
    await refusedUnchanged(
      server.db,
      TABLES,
      () => q(other.rep, SAVE, { i: profileInput(other.org, { version: 1 }) }),
      "CONFLICT",
    );
    const [row] = await server.db.select().from(supplierProfiles).where(eq(supplierProfiles.organizationId, org.id));
    expect(row?.version).toBe(2);
    expect(
      await server.db.select().from(supplierCpvCodes).where(eq(supplierCpvCodes.organizationId, org.id)),
    ).toHaveLength(1);
  });
});
