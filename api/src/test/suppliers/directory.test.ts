import { supplierProfiles } from "@pratica/db";
import { beforeAll, describe, expect, it } from "vitest";
import { as, buildAdmin } from "../admin/support.js";
import { loadSubset } from "../cpv/support.js";
import { useTestServer } from "../fixture.js";
import { tagged } from "../partners/support.js";
import { buildOrganizationWithPeople } from "./people.js";
import { ADD, DIRECTORY, profileInput, SAVE, VERIFY } from "./support.js";

const server = useTestServer();
const tag = tagged();
const names: Record<string, string> = {};

beforeAll(async () => {
  await loadSubset(server.db);
  const q = as(server.url);
  const admin = await buildAdmin(server.db);
  const make = async (
    key: string,
    nameEn: string,
    nameIt: string,
    more: Record<string, unknown>,
    cert?: Record<string, unknown>,
  ) => {
    const { org, rep } = await buildOrganizationWithPeople(server.db, tag, {
      name: `${tag} ${nameEn}`,
      nameIt: `${tag} ${nameIt}`,
    });
    names[key] = org.id;
    const saved = await q(rep, SAVE, { i: profileInput(org, more) });
    expect(saved.errors, JSON.stringify(saved.errors)).toBeUndefined();
    if (cert) {
      const added = await q(rep, ADD, { i: { organizationId: org.id, ...cert } });
      await q(admin, VERIFY, { id: added.data?.addCertification.id, v: 1 });
    }
  };
  await make(
    "cleaner",
    "Alpha Cleaning",
    "Zeta Pulizie",
    { cpvCodes: ["90911200"], serviceArea: ["001272", "001156"] },
    { kind: "SOCIAL_COOP_B" },
  );
  await make(
    "gardener",
    "Beta Gardens",
    "Ypsilon Giardini",
    { cpvCodes: ["77310000"], wholeMetroArea: true, serviceArea: [] },
    { kind: "SOCIAL_COOP_B", validUntil: "2020-01-01" },
  );
  await make("caterer", "Gamma Catering", "Xi Ristorazione", { cpvCodes: ["55524000"], serviceArea: ["001090"] });
  await make("hidden", "Delta Hidden", "Omega Nascosto", { published: false });
  // A former partner keeps its profile row, published, but leaves the directory.
  const { org } = await buildOrganizationWithPeople(server.db, tag, {
    name: `${tag} Epsilon Former`,
    withdrawnOn: "2025-01-01",
  });
  await server.db
    .insert(supplierProfiles)
    .values({ organizationId: org.id, offer: "Former offer", published: true, wholeMetroArea: true });
  names.former = org.id;
});

type Listed = { suppliers: { edges: { node: { organization: { id: string } } }[] } };
const ids = (r: { data?: unknown }) =>
  (r.data as Listed | undefined)?.suppliers.edges.map((e) => e.node.organization.id);

describe("Query.suppliers", () => {
  it("lists published profiles of current partners by name in the caller's language, in keyset pages", async () => {
    const q = as(server.url);
    const en = await q(undefined, DIRECTORY, { query: tag }, "en");
    expect(ids(en)).toEqual([names.cleaner, names.gardener, names.caterer]);
    expect(en.data?.suppliers.totalCount).toBe(3);
    const it_ = await q(undefined, DIRECTORY, { query: tag }, "it");
    expect(ids(it_)).toEqual([names.caterer, names.gardener, names.cleaner]);
    const first = await q(undefined, DIRECTORY, { query: tag, first: 2 }, "en");
    expect(first.data?.suppliers.pageInfo.hasNextPage).toBe(true);
    const next = await q(
      undefined,
      DIRECTORY,
      { query: tag, first: 2, after: first.data?.suppliers.pageInfo.endCursor },
      "en",
    );
    expect(ids(next)).toEqual([names.caterer]);
    const bad = await q(undefined, DIRECTORY, { query: tag, after: "garbage" });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("filters by CPV code or prefix, descendants included (through a hole)", async () => {
    const q = as(server.url);
    // 90911200 hangs from 90910000 (90911000 is not in the subset).
    for (const cpv of ["90910000", "90910000-9", "909", "90000000", "90911200"]) {
      expect(ids(await q(undefined, DIRECTORY, { query: tag, cpv })), cpv).toEqual([names.cleaner]);
    }
    expect(ids(await q(undefined, DIRECTORY, { query: tag, cpv: "55500000" }))).toEqual([names.caterer]);
    expect(ids(await q(undefined, DIRECTORY, { query: tag, cpv: "45000000" }))).toEqual([]);
    const bad = await q(undefined, DIRECTORY, { cpv: "cleaning" });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "cpv" });
  });

  it("filters by municipality served (whole area included) and by a verified, unexpired certification", async () => {
    const q = as(server.url);
    expect(ids(await q(undefined, DIRECTORY, { query: tag, municipality: "001156" }, "en"))).toEqual([
      names.cleaner,
      names.gardener,
    ]);
    expect(ids(await q(undefined, DIRECTORY, { query: tag, municipality: "001090" }, "en"))).toEqual([
      names.gardener,
      names.caterer,
    ]);
    // The gardener's certification expired in 2020.
    expect(ids(await q(undefined, DIRECTORY, { query: tag, certification: "SOCIAL_COOP_B" }))).toEqual([names.cleaner]);
    const bad = await q(undefined, DIRECTORY, { municipality: "Torino" });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "municipality" });
  });
});

describe("GET /suppliers.csv", () => {
  it("exports the public fields with a BOM and headers in the chosen language, filters as the query", async () => {
    const res = await fetch(`${server.url.replace(/\/graphql$/, "")}/suppliers.csv?lang=it&query=${tag}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = bytes.subarray(3).toString("utf8");
    const lines = body.trim().split("\n");
    expect(lines[0]).toMatch(/^slug,nome,pagina,offerta/);
    expect(lines).toHaveLength(4);
    expect(body).toContain("90911200-8");
    expect(body).toContain("Cooperativa sociale di tipo B");
    // Never private: unpublished profiles, former partners, unverified or expired certifications, people.
    expect(body).not.toContain("Hidden");
    expect(body).not.toContain("Nascosto");
    expect(body).not.toContain("Former");
    expect(body).not.toContain("@example.org");
    const en = await fetch(`${server.url.replace(/\/graphql$/, "")}/suppliers.csv?lang=en&query=${tag}&cpv=909`);
    const enBody = await en.text();
    expect(enBody.split("\n")[0]).toMatch(/^slug,name,page,offer/);
    expect(enBody.trim().split("\n")).toHaveLength(2);
    const bad = await fetch(`${server.url.replace(/\/graphql$/, "")}/suppliers.csv?municipality=x`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: unknown }).error).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "municipality",
    });
    const unknown = await fetch(`${server.url.replace(/\/graphql$/, "")}/suppliers.csv?secret=1`);
    expect(unknown.status).toBe(400);
  });
});
