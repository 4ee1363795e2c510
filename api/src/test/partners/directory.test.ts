import { describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { addMember, buildCommunity, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { buildPartner, DIRECTORY, link, NOW, tagged, walk } from "./support.js";

const server = useTestServer({}, undefined, { partnersClock: () => NOW });
const slugsOf = (rows: { slug: string }[]) => rows.map((r) => r.slug);

describe("the directory's filters", () => {
  it("each filter alone, and combined, selects exactly its organisations; totalCount counts them all", async () => {
    const tag = tagged();
    const community = await buildCommunity(server.db);
    const person = await buildUser(server.db);
    await addMember(server.db, community, person);
    const a = await buildPartner(server.db, tag, {
      category: "PUBLIC_SECTOR",
      themes: ["circular-economy", "impact-finance"],
      sdgs: [12, 17],
      memorandumSignedOn: "2019-03-04",
    });
    const b = await buildPartner(server.db, tag, {
      category: "PUBLIC_SECTOR",
      themes: ["gender-equality"],
      sdgs: [5],
      memorandumSignedOn: "2021-01-01",
    });
    const c = await buildPartner(server.db, tag, {
      category: "THIRD_SECTOR_AND_CULTURE",
      themes: ["circular-economy"],
      sdgs: [12],
      memorandumSignedOn: "2019-12-31",
    });
    const former = await buildPartner(server.db, tag, {
      category: "PUBLIC_SECTOR",
      themes: ["circular-economy"],
      memorandumSignedOn: "2019-06-01",
      withdrawnOn: "2025-02-01",
    });
    await link(server.db, c, person, "MEMBER");
    const list = async (vars: Record<string, unknown>) => {
      const { slugs, totalCount } = await walk(server.url, { query: tag, ...vars }, 100);
      expect(totalCount).toBe(slugs.length);
      return new Set(slugs);
    };
    expect(await list({})).toEqual(new Set(slugsOf([a, b, c])));
    expect(await list({ status: "FORMER" })).toEqual(new Set([former.slug]));
    expect(await list({ status: "ALL" })).toEqual(new Set(slugsOf([a, b, c, former])));
    expect(await list({ category: "PUBLIC_SECTOR" })).toEqual(new Set(slugsOf([a, b])));
    expect(await list({ theme: "circular-economy" })).toEqual(new Set(slugsOf([a, c])));
    expect(await list({ sdg: 12 })).toEqual(new Set(slugsOf([a, c])));
    expect(await list({ signedYear: 2019 })).toEqual(new Set(slugsOf([a, c])));
    expect(await list({ communityId: community.id })).toEqual(new Set([c.slug]));
    expect(await list({ category: "PUBLIC_SECTOR", theme: "circular-economy", signedYear: 2019 })).toEqual(
      new Set([a.slug]),
    );
    expect(await list({ category: "PUBLIC_SECTOR", theme: "circular-economy", status: "ALL" })).toEqual(
      new Set(slugsOf([a, former])),
    );
    expect(await list({ sdg: 5, theme: "circular-economy" })).toEqual(new Set());
  });

  it("`query` finds a name in either language, without regard to case, and takes % and _ literally", async () => {
    const tag = tagged();
    const o = await buildPartner(server.db, tag, { name: `${tag} Green Bank`, nameIt: `${tag} Banca Verde` });
    await buildPartner(server.db, tag, { name: `${tag} 100_percent`, nameIt: `${tag} cento` });
    expect((await walk(server.url, { query: `${tag} banca` }, 10)).slugs).toEqual([o.slug]);
    expect((await walk(server.url, { query: `${tag} GREEN` }, 10)).slugs).toEqual([o.slug]);
    expect((await walk(server.url, { query: `${tag}%` }, 10)).slugs).toEqual([]);
    expect((await walk(server.url, { query: `${tag} 100_` }, 10)).slugs).toHaveLength(1);
  });

  it("a malformed filter is BAD_USER_INPUT naming it", async () => {
    const hidden = await buildCommunity(server.db, { visibility: "MEMBERS" });
    const cases: [Record<string, unknown>, string][] = [
      [{ theme: "astrology" }, "theme"],
      [{ sdg: 0 }, "sdg"],
      [{ sdg: 18 }, "sdg"],
      [{ signedYear: 2016 }, "signedYear"],
      [{ signedYear: 2028 }, "signedYear"],
      [{ communityId: "00000000-0000-4000-8000-000000000000" }, "communityId"],
      // A members-only community is not a filter for outsiders: it would tell who is in it.
      [{ communityId: hidden.id }, "communityId"],
      [{ query: "x".repeat(101) }, "query"],
      [{ first: 101 }, "first"],
      [{ first: 0 }, "first"],
      [{ after: "garbage" }, "after"],
      [{ after: Buffer.from(JSON.stringify(["N", "a", "not-a-uuid"])).toString("base64url") }, "after"],
      [
        {
          sort: "SIGNED_ON",
          after: Buffer.from(JSON.stringify(["N", "a", "00000000-0000-4000-8000-000000000000"])).toString("base64url"),
        },
        "after",
      ],
    ];
    for (const [vars, field] of cases) {
      const res = await gql(server.url, DIRECTORY, vars);
      expect(errorCode(res), JSON.stringify(vars)).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.extensions?.field, JSON.stringify(vars)).toBe(field);
    }
    // As for every ID of the schema (server/input-text.ts), one that is not a uuid names nothing.
    const notUuid = await gql(server.url, DIRECTORY, { communityId: "not-a-uuid" });
    expect(errorCode(notUuid)).toBe("NOT_FOUND");
    expect(notUuid.errors?.[0]?.extensions?.field).toBe("communityId");
    // The limits themselves are accepted.
    for (const vars of [{ signedYear: 2017 }, { signedYear: 2027 }, { sdg: 1 }, { sdg: 17 }, { first: 100 }]) {
      expect((await gql(server.url, DIRECTORY, vars)).errors, JSON.stringify(vars)).toBeUndefined();
    }
    // Its members may filter by it.
    const member = await buildUser(server.db);
    await addMember(server.db, hidden, member);
    const res = await gql(server.url, DIRECTORY, { communityId: hidden.id }, { token: member.token });
    expect(res.errors).toBeUndefined();
  });
});

describe("sorting and pages", () => {
  it("NAME sorts A→Z in the caller's language; pages of 2 walk it without duplicates or gaps, equal names included", async () => {
    const tag = tagged();
    const rows = [
      await buildPartner(server.db, tag, { name: `${tag} Beta`, nameIt: `${tag} Zeta` }),
      await buildPartner(server.db, tag, { name: `${tag} alpha`, nameIt: `${tag} Omega` }),
      await buildPartner(server.db, tag, { name: `${tag} Same`, nameIt: `${tag} Same` }),
      await buildPartner(server.db, tag, { name: `${tag} Same`, nameIt: `${tag} Same` }),
      await buildPartner(server.db, tag, { name: `${tag} Same`, nameIt: `${tag} Same` }),
      // Italian only: sorted by its Italian name in English too.
      await buildPartner(server.db, tag, { name: "", nameIt: `${tag} Gamma` }),
    ];
    const [beta, alpha, s1, s2, s3, gamma] = rows as [(typeof rows)[number], ...typeof rows];
    const sameIds = [s1, s2, s3].sort((x, y) => (x?.id ?? "").localeCompare(y?.id ?? "")).map((o) => o?.slug);
    const en = await walk(server.url, { query: tag }, 2, { headers: { "accept-language": "en" } });
    expect(en.slugs).toEqual([alpha?.slug, beta?.slug, gamma?.slug, ...sameIds]);
    expect(en.totalCount).toBe(6);
    expect(en.pages).toBe(3);
    const it = await walk(server.url, { query: tag }, 2, { headers: { "accept-language": "it" } });
    expect(it.slugs).toEqual([gamma?.slug, alpha?.slug, ...sameIds, beta?.slug]);
    for (const size of [1, 4, 5, 6, 7]) {
      expect((await walk(server.url, { query: tag }, size, { headers: { "accept-language": "en" } })).slugs).toEqual(
        en.slugs,
      );
    }
  });

  it("SIGNED_ON lists the newest signature first and the unsigned last, across pages", async () => {
    const tag = tagged();
    const old = await buildPartner(server.db, tag, { memorandumSignedOn: "2017-05-01" });
    const recent = await buildPartner(server.db, tag, { memorandumSignedOn: "2025-11-20" });
    const unsigned1 = await buildPartner(server.db, tag, { memorandumSignedOn: null });
    const mid1 = await buildPartner(server.db, tag, { memorandumSignedOn: "2021-07-07" });
    const mid2 = await buildPartner(server.db, tag, { memorandumSignedOn: "2021-07-07" });
    const unsigned2 = await buildPartner(server.db, tag, { memorandumSignedOn: null });
    const byId = (x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id);
    const expected = [recent, ...[mid1, mid2].sort(byId), old, ...[unsigned1, unsigned2].sort(byId)].map((o) => o.slug);
    for (const size of [1, 2, 3, 10]) {
      expect((await walk(server.url, { query: tag, sort: "SIGNED_ON" }, size)).slugs).toEqual(expected);
    }
  });
});
