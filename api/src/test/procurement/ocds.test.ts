import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { useTestServer } from "../fixture.js";
import { buildAnswer, buildCast, buildRequest, type Cast, CPV, hooks, NOW } from "./support.js";

const server = useTestServer({}, undefined, hooks);
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server.db);
});

const isoDate = z.iso.datetime({ offset: true });
const value = z.object({ amount: z.number().nonnegative(), currency: z.literal("EUR") }).strict();
const organizationReference = z.object({ id: z.string().min(1), name: z.string().min(1) }).strict();

/**
 * The OCDS 1.1 release package schema, as far as this export uses it (release-package-schema.json
 * and release-schema.json: required fields, the codelists' values used, `additionalProperties`
 * left out where OCDS allows extensions, strict where we write the whole object).
 */
const releaseSchema = z
  .object({
    ocid: z.string().regex(/^ocds-[a-z0-9]+-/),
    id: z.string().min(1),
    date: isoDate,
    tag: z.array(z.enum(["planning", "tender", "tenderUpdate", "award", "awardUpdate", "contract", "compiled"])).min(1),
    initiationType: z.literal("tender"),
    parties: z.array(organizationReference.extend({ roles: z.array(z.enum(["buyer", "supplier"])).min(1) }).strict()),
    buyer: organizationReference,
    tender: z
      .object({
        id: z.string().min(1),
        title: z.string(),
        description: z.string(),
        status: z.enum(["planning", "planned", "active", "cancelled", "unsuccessful", "complete", "withdrawn"]),
        items: z
          .array(
            z
              .object({
                id: z.string().min(1),
                description: z.string(),
                classification: z
                  .object({ scheme: z.literal("CPV"), id: z.string().regex(/^\d{8}$/), description: z.string() })
                  .strict(),
              })
              .strict(),
          )
          .min(1),
        minValue: value,
        value: value.optional(),
        tenderPeriod: z.object({ startDate: isoDate.optional(), endDate: isoDate }).strict(),
      })
      .strict(),
    awards: z
      .array(
        z
          .object({
            id: z.string().min(1),
            status: z.enum(["pending", "active", "cancelled", "unsuccessful"]),
            date: isoDate.optional(),
            value: value.optional(),
            description: z.string().optional(),
            suppliers: z.array(organizationReference).length(1),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

const packageSchema = z
  .object({
    uri: z.url(),
    version: z.literal("1.1"),
    publishedDate: isoDate,
    publisher: z.object({ name: z.string().min(1) }),
    license: z.url(),
    releases: z.array(releaseSchema),
  })
  .strict();

describe("GET /procurement.ocds.json", () => {
  it("is a valid OCDS 1.1 release package: no drafts, no answer but the award", async () => {
    const draft = await buildRequest(server.db, cast, { state: "DRAFT", title: "A secret draft" });
    const open = await buildRequest(server.db, cast, { cpvCodes: [CPV.cleaning, CPV.offices] });
    const awarded = await buildRequest(server.db, cast, {
      state: "AWARDED",
      awardedOrganizationId: cast.supplierOrg.id,
      awardedAmount: 12000,
      awardedAt: NOW,
      outcomeNote: "Best social value",
      budgetBand: "OVER_EU_THRESHOLD",
    });
    await buildAnswer(server.db, awarded, cast.supplierOrg, cast.supplier, {
      status: "AWARDED",
      body: "Winning answer",
    });
    await buildAnswer(server.db, awarded, cast.rivalOrg, cast.rival, {
      status: "NOT_SELECTED",
      body: "Losing answer",
      amount: 777,
    });
    const closed = await buildRequest(server.db, cast, { state: "CLOSED", closedAt: NOW, outcomeNote: "Budget cut" });

    const res = await fetch(`${server.url.replace(/\/graphql$/, "")}/procurement.ocds.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const text = await res.text();
    const pkg = packageSchema.parse(JSON.parse(text));
    const byOcid = new Map(pkg.releases.map((r) => [r.ocid, r]));
    expect(byOcid.has(`ocds-pratica-${draft.id}`)).toBe(false);
    expect(text).not.toContain("A secret draft");
    expect(byOcid.get(`ocds-pratica-${open.id}`)).toMatchObject({
      tag: ["tender"],
      tender: {
        status: "active",
        items: [{ classification: { id: CPV.cleaning } }, { classification: { id: CPV.offices } }],
      },
    });
    expect(byOcid.get(`ocds-pratica-${open.id}`)?.awards).toBeUndefined();
    const award = byOcid.get(`ocds-pratica-${awarded.id}`);
    expect(award).toMatchObject({
      tag: ["award"],
      tender: { status: "complete" },
      awards: [
        {
          value: { amount: 12000, currency: "EUR" },
          suppliers: [{ id: cast.supplierOrg.id, name: cast.supplierOrg.name }],
        },
      ],
    });
    expect(award?.tender.value).toBeUndefined();
    expect(byOcid.get(`ocds-pratica-${closed.id}`)?.tender.status).toBe("unsuccessful");
    // Answers are private: neither the losing supplier, nor any answer's text or amount.
    for (const secret of [cast.rivalOrg.name, cast.rivalOrg.id, "Losing answer", "Winning answer", '"amount":777']) {
      expect(text).not.toContain(secret);
    }
  });
});
