import { check } from "@placemarkio/check-geojson";
import { membershipApplications } from "@pratica/db";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { gql } from "../client.js";
import { addMember, buildCommunity, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { buildPartner, link, NOW, tagged } from "./support.js";

const server = useTestServer({}, undefined, { partnersClock: () => NOW });

const fetchData = (path: string, headers: Record<string, string> = {}) =>
  fetch(new URL(path, server.url.replace(/\/graphql$/, "")), { headers });

type Feature = { id: string; geometry: { coordinates: number[] }; properties: Record<string, unknown> };

async function geojson(query = "") {
  const res = await fetchData(`/partners.geojson${query}`);
  expect(res.status).toBe(200);
  return { res, text: await res.text() };
}

async function csv(query = "") {
  const res = await fetchData(`/partners.csv${query}`);
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { res, bytes, text, rows: parse(text, { bom: true }) as string[][] };
}

describe("open data", () => {
  it("GeoJSON is valid RFC 7946: a Feature per partner with coordinates, [longitude, latitude], public fields", async () => {
    const tag = tagged();
    const placed = await buildPartner(server.db, tag, {
      name: `${tag} Cooperative`,
      nameIt: `${tag} Cooperativa`,
      category: "THIRD_SECTOR_AND_CULTURE",
      latitude: 45.07,
      longitude: 7.68,
      themes: ["circular-economy"],
      sdgs: [12, 8],
      district: "Circoscrizione 1 — Centro, Crocetta",
      website: "https://coop.example",
      memorandumSignedOn: "2018-04-05",
    });
    await buildPartner(server.db, tag, { latitude: null, longitude: null });
    const { res, text } = await geojson("?lang=it");
    expect(res.headers.get("content-type")).toMatch(/^application\/geo\+json/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    // The validator throws on anything RFC 7946 does not allow.
    const collection = check(text) as unknown as { type: string; features: Feature[] };
    expect(collection.type).toBe("FeatureCollection");
    const mine = collection.features.filter((f) => String(f.id).startsWith(tag));
    expect(mine).toHaveLength(1);
    const feature = mine[0] as Feature;
    expect(feature.id).toBe(placed.slug);
    expect(feature.geometry.coordinates).toEqual([7.68, 45.07]);
    expect(feature.properties).toMatchObject({
      slug: placed.slug,
      name: `${tag} Cooperativa`,
      name_en: `${tag} Cooperative`,
      name_it: `${tag} Cooperativa`,
      category: "THIRD_SECTOR_AND_CULTURE",
      category_label: "Terzo settore e cultura",
      themes: [{ key: "circular-economy", name: "Economia circolare" }],
      sdgs: [8, 12],
      district: "Circoscrizione 1 — Centro, Crocetta",
      website: "https://coop.example",
      memorandum_signed_on: "2018-04-05",
      withdrawn_on: null,
    });
    expect(String(feature.properties.url)).toMatch(new RegExp(`/partners/${placed.slug}$`));
    expect(Object.keys(feature.properties).sort()).toEqual(
      [
        "slug",
        "name",
        "name_en",
        "name_it",
        "category",
        "category_label",
        "themes",
        "sdgs",
        "website",
        "address",
        "district",
        "memorandum_signed_on",
        "withdrawn_on",
        "url",
      ].sort(),
    );
    // English labels with lang=en.
    const en = check((await geojson("?lang=en")).text) as unknown as { features: Feature[] };
    expect(en.features.find((f) => f.id === placed.slug)?.properties.category_label).toBe("Third sector and culture");
  });

  it("CSV parses back: BOM, attachment, a header row in the chosen language, a row per partner", async () => {
    const tag = tagged();
    const o = await buildPartner(server.db, tag, {
      name: `${tag} "Quoted", with comma`,
      nameIt: `${tag} Società àèìòù`,
      themes: ["gender-equality", "social-inclusion"],
      sdgs: [5, 10],
      latitude: 45.1,
      longitude: 7.6,
      memorandumSignedOn: "2020-02-02",
    });
    const { res, bytes, rows } = await csv("?lang=en");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="partners.csv"');
    expect(rows[0]).toEqual([
      "slug",
      "name_en",
      "name_it",
      "category",
      "themes",
      "sdgs",
      "website",
      "address",
      "district",
      "latitude",
      "longitude",
      "memorandum_signed_on",
      "withdrawn_on",
      "url",
    ]);
    const row = rows.find((r) => r[0] === o.slug) as string[];
    expect(row.slice(0, 6)).toEqual([
      o.slug,
      `${tag} "Quoted", with comma`,
      `${tag} Società àèìòù`,
      "PRIVATE_SECTOR",
      "Gender equality; Welfare and social inclusion",
      "5; 10",
    ]);
    expect(row.slice(9, 13)).toEqual(["45.1", "7.6", "2020-02-02", ""]);
    const it = await csv("?lang=it");
    expect(it.rows[0]?.[4]).toBe("temi");
    expect(it.rows.find((r) => r[0] === o.slug)?.[4]).toBe("Parità di genere; Welfare e inclusione sociale");
  });

  it("the filters are the directory's: category, theme, sdg, community, year, status", async () => {
    const tag = tagged();
    const community = await buildCommunity(server.db);
    const person = await buildUser(server.db);
    await addMember(server.db, community, person);
    const where = { latitude: 45, longitude: 7.6 };
    const a = await buildPartner(server.db, tag, {
      ...where,
      category: "PUBLIC_SECTOR",
      themes: ["pro-bono"],
      sdgs: [16],
      memorandumSignedOn: "2017-01-10",
    });
    const b = await buildPartner(server.db, tag, {
      ...where,
      category: "PRIVATE_SECTOR",
      themes: ["pro-bono"],
      sdgs: [1],
      memorandumSignedOn: "2022-01-10",
    });
    const former = await buildPartner(server.db, tag, {
      ...where,
      withdrawnOn: "2025-03-03",
      memorandumSignedOn: "2017-05-05",
    });
    await link(server.db, b, person, "REPRESENTATIVE");
    const slugs = async (query: string) => {
      const fromCsv = (await csv(query)).rows
        .slice(1)
        .map((r) => r[0])
        .filter((s) => s?.startsWith(tag));
      const fromGeo = (check((await geojson(query)).text) as unknown as { features: Feature[] }).features
        .map((f) => String(f.id))
        .filter((s) => s.startsWith(tag));
      expect(new Set(fromGeo)).toEqual(new Set(fromCsv));
      return new Set(fromCsv);
    };
    expect(await slugs("")).toEqual(new Set([a.slug, b.slug]));
    expect(await slugs("?category=PUBLIC_SECTOR")).toEqual(new Set([a.slug]));
    expect(await slugs("?theme=pro-bono&sdg=1")).toEqual(new Set([b.slug]));
    expect(await slugs(`?community=${community.slug}`)).toEqual(new Set([b.slug]));
    expect(await slugs("?year=2017")).toEqual(new Set([a.slug]));
    expect(await slugs("?year=2017&status=all")).toEqual(new Set([a.slug, former.slug]));
    expect(await slugs("?status=former")).toEqual(new Set([former.slug]));
  });

  it("a malformed parameter is 400 JSON naming it, for both formats", async () => {
    const hidden = await buildCommunity(server.db, { visibility: "MEMBERS" });
    const cases: [string, string][] = [
      ["year=2016", "year"],
      ["year=2028", "year"],
      ["year=twenty", "year"],
      ["sdg=18", "sdg"],
      ["sdg=1.5", "sdg"],
      ["theme=astrology", "theme"],
      ["category=BANKS", "category"],
      ["status=gone", "status"],
      ["lang=fr", "lang"],
      ["community=no-such-community", "community"],
      [`community=${hidden.slug}`, "community"],
      ["year=2019&year=2020", "year"],
      ["colour=red", "colour"],
    ];
    for (const path of ["/partners.csv", "/partners.geojson"]) {
      for (const [query, field] of cases) {
        const res = await fetchData(`${path}?${query}`);
        expect(res.status, query).toBe(400);
        expect(res.headers.get("content-type")).toMatch(/^application\/json/);
        const body = (await res.json()) as { error: { code: string; field: string; message: string } };
        expect(body.error.code, query).toBe("BAD_USER_INPUT");
        expect(body.error.field, query).toBe(field);
        expect(body.error.message.length).toBeGreaterThan(0);
      }
    }
  });

  it("an unchanged export answers 304 to its ETag", async () => {
    const first = await fetchData("/partners.geojson?lang=en");
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await fetchData("/partners.geojson?lang=en", { "if-none-match": etag as string });
    expect(again.status).toBe(304);
  });
});

describe("nothing private reaches the public directory or its exports", () => {
  it("no email, contact, application or representative text in CSV, GeoJSON or the anonymous directory", async () => {
    const tag = tagged();
    const representative = await buildUser(server.db, {
      email: `rep-${tag}@private.example`,
      displayName: `Rappresentante ${tag}`,
    });
    const colleague = await buildUser(server.db, {
      email: `member-${tag}@private.example`,
      displayName: `Collega ${tag}`,
    });
    const o = await buildPartner(server.db, tag, { latitude: 45.05, longitude: 7.66, withdrawalReason: null });
    await link(server.db, o, representative, "REPRESENTATIVE");
    await link(server.db, o, colleague, "MEMBER");
    const former = await buildPartner(server.db, tag, {
      latitude: 45.06,
      longitude: 7.67,
      withdrawnOn: "2025-05-05",
      withdrawalReason: `Reason secret ${tag}`,
    });
    const applicant = await buildUser(server.db);
    await server.db.insert(membershipApplications).values({
      applicantId: applicant.id,
      name: `${tag} Applicant Org`,
      category: "PRIVATE_SECTOR",
      motivation: `Motivation secret ${tag} — we want to join.`,
      contactName: `Contact Person ${tag}`,
      contactEmail: `contact-${tag}@private.example`,
      contactPhone: "+39 011 555 0101",
      representativeName: `Signatory ${tag}`,
      representativeEmail: `signatory-${tag}@private.example`,
      latitude: 45.07,
      longitude: 7.68,
    });
    const secrets = [
      "private.example",
      `Rappresentante ${tag}`,
      `Collega ${tag}`,
      `Reason secret ${tag}`,
      `${tag} Applicant Org`,
      `Motivation secret ${tag}`,
      `Contact Person ${tag}`,
      "555 0101",
      `Signatory ${tag}`,
    ];
    const directory = await gql(
      server.url,
      `query($q: String) { organizations(first: 20, status: ALL, query: $q) { edges { node {
        id slug name nameEn nameIt category description descriptionEn descriptionIt website address district
        latitude longitude memorandumSignedOn withdrawnOn isFormerPartner themes { key name } sdgs { number name }
        representatives { id displayName email } memberCount viewerIsRepresentative viewerCanWithdraw viewerCanInviteMembers
        communities { id } coAuthoredDocuments { id } endorsedDocuments { id }
      } } } }`,
      { q: tag },
    );
    expect(directory.errors, JSON.stringify(directory.errors)).toBeUndefined();
    const outputs = [
      JSON.stringify(directory.data),
      ...(await Promise.all(
        ["?status=all&lang=it", "?status=all&lang=en"].flatMap((q) => [
          csv(q).then((r) => r.text),
          geojson(q).then((r) => r.text),
        ]),
      )),
    ];
    for (const output of outputs) {
      expect(output).toContain(o.slug);
      expect(output).toContain(former.slug);
      for (const secret of secrets) expect(output, secret).not.toContain(secret);
    }
  });
});
