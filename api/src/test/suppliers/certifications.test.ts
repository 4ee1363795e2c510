import { auditLog, certifications, notifications } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { as, buildAdmin } from "../admin/support.js";
import { loadSubset } from "../cpv/support.js";
import { useTestServer } from "../fixture.js";
import { buildOrganizationWithPeople } from "./people.js";
import {
  ADD,
  DIRECTORY,
  ORG_PROFILE,
  profileInput,
  REJECT,
  REMOVE,
  refusedUnchanged,
  SAVE,
  UPDATE,
  VERIFY,
} from "./support.js";

const server = useTestServer();
beforeAll(() => loadSubset(server.db));
afterEach(() => {
  server.services.supplierClock.now = () => new Date();
});
const TABLES = ["certifications"];
const QUEUE = `query($first: Int, $after: String) { certificationsToVerify(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id organization { id } } } } }`;

/** A supplier with a published profile and one certification of `kind`. */
async function supplierWith(kind: string, more: Record<string, unknown> = {}) {
  const people = await buildOrganizationWithPeople(server.db);
  const q = as(server.url);
  await q(people.rep, SAVE, { i: profileInput(people.org) });
  const added = await q(people.rep, ADD, { i: { organizationId: people.org.id, kind, ...more } });
  expect(added.errors, JSON.stringify(added.errors)).toBeUndefined();
  return { ...people, cert: added.data?.addCertification as { id: string; version: number } };
}

describe("certifications: representatives declare, admins decide", () => {
  it("adds PENDING, verifies (audited, representatives told), and the badge follows verification and expiry", async () => {
    const { org, rep, member, cert } = await supplierWith("SOCIAL_COOP_B", {
      validUntil: "2026-12-31",
      evidenceUrl: "https://registro.example.org/coop",
    });
    const admin = await buildAdmin(server.db);
    const q = as(server.url);
    expect(cert).toMatchObject({ verification: "PENDING", version: 1, directConventionEligible: false });
    const verified = await q(admin, VERIFY, { id: cert.id, v: 1 });
    expect(verified.errors).toBeUndefined();
    expect(verified.data?.verifyCertification).toMatchObject({
      verification: "VERIFIED",
      version: 2,
      directConventionEligible: true,
    });
    const audit = await server.db.select().from(auditLog).where(eq(auditLog.targetId, cert.id));
    expect(audit.map((a) => a.action)).toEqual(["certification.verify"]);
    const told = await server.db.select().from(notifications).where(eq(notifications.organizationId, org.id));
    expect(told.map((n) => [n.kind, n.userId])).toEqual([["CERTIFICATION_DECIDED", rep.id]]);
    expect(told.map((n) => n.userId)).not.toContain(member.id);
    // Expired the day after validUntil, in Rome: 2026-12-31T23:30Z is already 1 January there.
    server.services.supplierClock.now = () => new Date("2026-12-31T22:30:00Z");
    expect((await q(undefined, ORG_PROFILE, { slug: org.slug })).data?.organization.supplierProfile).toMatchObject({
      directConventionEligible: true,
      certifications: [{ expired: false }],
    });
    server.services.supplierClock.now = () => new Date("2026-12-31T23:30:00Z");
    expect((await q(undefined, ORG_PROFILE, { slug: org.slug })).data?.organization.supplierProfile).toMatchObject({
      directConventionEligible: false,
      certifications: [{ expired: true, directConventionEligible: false }],
    });
  });

  it("rejects with a reason; an edit puts it back to PENDING; removal deletes it", async () => {
    const { rep, cert } = await supplierWith("OTHER", { label: "SA8000" });
    const admin = await buildAdmin(server.db);
    const q = as(server.url);
    const rejected = await q(admin, REJECT, { id: cert.id, v: 1, r: "The certificate number is not in the register." });
    expect(rejected.data?.rejectCertification).toMatchObject({ verification: "REJECTED", version: 2 });
    const edited = await q(rep, UPDATE, {
      i: { id: cert.id, version: 2, kind: "OTHER", label: "SA8000", validUntil: "2027-05-01" },
    });
    expect(edited.data?.updateCertification).toMatchObject({
      verification: "PENDING",
      version: 3,
      validUntil: "2027-05-01",
    });
    expect((await q(rep, REMOVE, { id: cert.id, v: 3 })).data?.removeCertification).toBe(true);
    expect(await server.db.select().from(certifications).where(eq(certifications.id, cert.id))).toHaveLength(0);
  });

  it("checks each kind's fields: OTHER needs a label, B Corp score 0–200, impact report link and year together", async () => {
    const { org, rep } = await buildOrganizationWithPeople(server.db);
    const q = as(server.url);
    for (const [more, field] of [
      [{ kind: "OTHER" }, "label"],
      [{ kind: "B_CORP", bcorpScore: 201 }, "bcorpScore"],
      [{ kind: "B_CORP", bcorpScore: -1 }, "bcorpScore"],
      [{ kind: "SOCIAL_COOP_A", bcorpScore: 90 }, "bcorpScore"],
      [{ kind: "BENEFIT_CORPORATION", impactReportUrl: "https://example.org/report.pdf" }, "impactReportYear"],
      [
        { kind: "BENEFIT_CORPORATION", impactReportUrl: "http://example.org/r", impactReportYear: 2025 },
        "impactReportUrl",
      ],
      [{ kind: "SOCIAL_COOP_B", validFrom: "2026-05-01", validUntil: "2026-04-01" }, "validUntil"],
      [{ kind: "OTHER", label: "x".repeat(121) }, "label"],
    ] as const) {
      await refusedUnchanged(
        server.db,
        TABLES,
        () => q(rep, ADD, { i: { organizationId: org.id, ...more } }),
        "BAD_USER_INPUT",
        field,
      );
    }
    const bcorp = await q(rep, ADD, {
      i: { organizationId: org.id, kind: "B_CORP", bcorpScore: 96.4, recertificationDue: "2027-03-01" },
    });
    expect(bcorp.data?.addCertification).toMatchObject({ bcorpScore: 96.4 });
    const benefit = await q(rep, ADD, {
      i: {
        organizationId: org.id,
        kind: "BENEFIT_CORPORATION",
        impactReportUrl: "https://example.org/2025.pdf",
        impactReportYear: 2025,
      },
    });
    expect(benefit.data?.addCertification).toMatchObject({ impactReportYear: 2025 });
  });

  it("refuses the wrong people, a stale version and the wrong state, changing nothing", async () => {
    const { org, rep, member, outsider, cert } = await supplierWith("SOCIAL_COOP_A");
    const admin = await buildAdmin(server.db);
    const q = as(server.url);
    const add = { i: { organizationId: org.id, kind: "SOCIAL_COOP_A" } };
    await refusedUnchanged(server.db, TABLES, () => q(undefined, ADD, add), "UNAUTHENTICATED");
    await refusedUnchanged(server.db, TABLES, () => q(member, ADD, add), "FORBIDDEN");
    await refusedUnchanged(server.db, TABLES, () => q(outsider, ADD, add), "FORBIDDEN");
    // An outsider may not read a PENDING certification: NOT_FOUND, as for a missing one.
    const upd = { i: { id: cert.id, version: 1, kind: "SOCIAL_COOP_A" } };
    const hidden = await refusedUnchanged(server.db, TABLES, () => q(outsider, UPDATE, upd), "NOT_FOUND");
    const missing = await refusedUnchanged(
      server.db,
      TABLES,
      () => q(outsider, UPDATE, { i: { ...upd.i, id: "00000000-0000-4000-8000-000000000000" } }),
      "NOT_FOUND",
    );
    expect(hidden.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    await refusedUnchanged(server.db, TABLES, () => q(member, UPDATE, upd), "FORBIDDEN");
    await refusedUnchanged(server.db, TABLES, () => q(member, REMOVE, { id: cert.id, v: 1 }), "FORBIDDEN");
    await refusedUnchanged(server.db, TABLES, () => q(rep, UPDATE, { i: { ...upd.i, version: 9 } }), "CONFLICT");
    await refusedUnchanged(server.db, TABLES, () => q(rep, REMOVE, { id: cert.id, v: 9 }), "CONFLICT");
    // Deciding: admins only.
    await refusedUnchanged(server.db, TABLES, () => q(undefined, VERIFY, { id: cert.id, v: 1 }), "UNAUTHENTICATED");
    await refusedUnchanged(server.db, TABLES, () => q(rep, VERIFY, { id: cert.id, v: 1 }), "FORBIDDEN");
    await refusedUnchanged(server.db, TABLES, () => q(rep, REJECT, { id: cert.id, v: 1, r: "no" }), "FORBIDDEN");
    await refusedUnchanged(
      server.db,
      TABLES,
      () => q(admin, REJECT, { id: cert.id, v: 1, r: "  " }),
      "BAD_USER_INPUT",
      "reason",
    );
    await refusedUnchanged(server.db, TABLES, () => q(admin, VERIFY, { id: cert.id, v: 2 }), "CONFLICT");
    await q(admin, VERIFY, { id: cert.id, v: 1 });
    const again = await refusedUnchanged(server.db, TABLES, () => q(admin, VERIFY, { id: cert.id, v: 2 }), "CONFLICT");
    expect(again.errors?.[0]?.extensions?.current).toEqual({ verification: "VERIFIED", version: 2 });
    await refusedUnchanged(server.db, TABLES, () => q(admin, VERIFY, { id: "nope", v: 1 }), "NOT_FOUND");
  });

  it("the public sees VERIFIED ones only, on the profile, in the directory and nowhere in the queue", async () => {
    const { org, rep, member, outsider, cert, tag } = await supplierWith("SOCIAL_COOP_B");
    const admin = await buildAdmin(server.db);
    const q = as(server.url);
    const seen = async (who: { token: string } | undefined) =>
      (await q(who, ORG_PROFILE, { slug: org.slug })).data?.organization.supplierProfile.certifications.length;
    expect([
      await seen(undefined),
      await seen(outsider),
      await seen(member),
      await seen(rep),
      await seen(admin),
    ]).toEqual([0, 0, 1, 1, 1]);
    const listed = async (who: { token: string } | undefined) =>
      (await q(who, DIRECTORY, { query: tag })).data?.suppliers.edges[0].node.certifications.length;
    expect([await listed(undefined), await listed(member)]).toEqual([0, 1]);
    // The certification filter counts verified ones only.
    expect(
      (await q(undefined, DIRECTORY, { query: tag, certification: "SOCIAL_COOP_B" })).data?.suppliers.totalCount,
    ).toBe(0);
    for (const who of [undefined, rep]) {
      const r = await q(who, QUEUE);
      expect(r.errors?.[0]?.extensions?.code).toBe(who ? "FORBIDDEN" : "UNAUTHENTICATED");
    }
    const queue = await q(admin, QUEUE, { first: 100 });
    expect(queue.data?.certificationsToVerify.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(cert.id);
    await q(admin, VERIFY, { id: cert.id, v: 1 });
    expect([await seen(undefined), await listed(undefined)]).toEqual([1, 1]);
    expect(
      (await q(undefined, DIRECTORY, { query: tag, certification: "SOCIAL_COOP_B" })).data?.suppliers.totalCount,
    ).toBe(1);
    const after = await q(admin, QUEUE, { first: 100 });
    expect(after.data?.certificationsToVerify.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(
      cert.id,
    );
    const pending = await server.db
      .select()
      .from(certifications)
      .where(and(eq(certifications.id, cert.id), eq(certifications.verification, "PENDING")));
    expect(pending).toHaveLength(0);
  });
});
