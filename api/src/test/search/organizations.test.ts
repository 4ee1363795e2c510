import { organizations } from "@pratica/db";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { addMember, buildCommunity, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

// Issue 16, "Organisations in search": partners found by name in both languages, by the start
// of a name as one types and despite a small typo; former partners found and marked.

const SEARCH = `query($q: String!, $first: Int, $after: String, $kinds: [SearchKind!], $communityId: ID) {
  search(query: $q, first: $first, after: $after, kinds: $kinds, communityId: $communityId) {
    totalCount totalCountExact
    edges { cursor rank snippet node { __typename ... on Organization { id slug name isFormerPartner } ... on Thread { id } } }
    pageInfo { hasNextPage endCursor } } }`;
type Edge = {
  cursor: string;
  rank: number;
  snippet: string;
  node: { __typename: string; slug?: string; id: string; isFormerPartner?: boolean };
};

const server = useTestServer();
let member: TestUser;
let community: Awaited<ReturnType<typeof buildCommunity>>;

const mark = (word: string) => `\uE000${word}\uE001`;

beforeAll(async () => {
  member = await buildUser(server.db);
  community = await buildCommunity(server.db);
  await addMember(server.db, community, member);
  await server.db.insert(organizations).values([
    {
      slug: "borgo",
      name: "Borgo Social Cooperative",
      nameIt: "Cooperativa Sociale del Borgo",
      category: "THIRD_SECTOR_AND_CULTURE",
    },
    { slug: "citta", name: "City Foundation", nameIt: "Fondazione della Città", category: "FINANCE_AND_PHILANTHROPY" },
    {
      slug: "ateneo",
      name: "University of Turin",
      nameIt: "Università di Torino",
      category: "RESEARCH_AND_TECH_TRANSFER",
    },
    {
      slug: "vecchia",
      name: "Old Mutual Bank",
      nameIt: "Banca Mutua Vecchia",
      category: "FINANCE_AND_PHILANTHROPY",
      withdrawnOn: "2025-03-01",
    },
    {
      slug: "ordine",
      name: "Order of Accountants",
      nameIt: "Ordine dei Commercialisti",
      category: "PROFESSIONAL_ORDERS",
    },
  ]);
  await buildThread(server.db, community, member, {
    title: "Meeting the foundation",
    body: "A thread about a foundation",
  });
});

const search = async (q: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
  const res = await gql(server.url, SEARCH, { q, first: 20, ...extra }, { headers });
  expect(res.errors).toBeUndefined();
  return res.data?.search as {
    totalCount: number;
    totalCountExact: boolean;
    edges: Edge[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};
const slugs = async (q: string, extra: Record<string, unknown> = {}) =>
  (await search(q, { kinds: ["ORGANIZATION"], ...extra })).edges.map((e) => e.node.slug);

describe("organisations in the global search", () => {
  it("finds a partner by its name in either language", async () => {
    expect(await slugs("Borgo Social Cooperative")).toEqual(["borgo"]);
    expect(await slugs("Fondazione della Città")).toEqual(["citta"]);
    expect(await slugs("city foundation")).toEqual(["citta"]);
  });

  it("finds one by the start of a word as one types, and folds accents", async () => {
    expect(await slugs("Coop")).toEqual(["borgo"]);
    expect(await slugs("Commerc")).toEqual(["ordine"]);
    expect(await slugs("universita")).toEqual(["ateneo"]);
    expect(await slugs("CITTÀ")).toEqual(["citta"]);
  });

  it("finds one despite a small typo", async () => {
    expect(await slugs("Cooperatva")).toEqual(["borgo"]);
    expect(await slugs("Fondazone")).toEqual(["citta"]);
    expect(await slugs("Universty")).toEqual(["ateneo"]);
  });

  it("finds a former partner and marks it", async () => {
    const en = await search("Mutual", { kinds: ["ORGANIZATION"] }, { "accept-language": "en" });
    expect(en.edges.map((e) => e.node.slug)).toEqual(["vecchia"]);
    expect(en.edges[0]?.node).toMatchObject({ isFormerPartner: true });
    expect(en.edges[0]?.snippet).toBe(`Former partner · Old ${mark("Mutual")} Bank — Banca Mutua Vecchia`);
    const it_ = await search("Mutua", { kinds: ["ORGANIZATION"] }, { "accept-language": "it" });
    expect(it_.edges[0]?.snippet).toBe(`Ex partner · Banca ${mark("Mutua")} Vecchia — Old ${mark("Mutual")} Bank`);
  });

  it("ranks a partner among the other results and types it as Organization", async () => {
    const found = await search("foundation");
    const kinds = found.edges.map((e) => e.node.__typename);
    expect(kinds).toContain("Organization");
    expect(kinds).toContain("Thread");
    expect(found.edges[0]?.node).toMatchObject({
      __typename: "Organization",
      slug: "citta",
      name: "Fondazione della Città",
    });
    expect(found.totalCount).toBe(2);
    expect(found.totalCountExact).toBe(true);
  });

  it("pages through partners by keyset without repeating or skipping one", async () => {
    expect(errorCode(await gql(server.url, SEARCH, { q: "o" }))).toBe("BAD_USER_INPUT"); // under SEARCH_MIN
    const every = (await search("of", { kinds: ["ORGANIZATION"], first: 50 })).edges.map((e) => e.node.slug);
    const seen: (string | undefined)[] = [];
    let after: string | null = null;
    do {
      const page = await search("of", { kinds: ["ORGANIZATION"], first: 1, after });
      seen.push(...page.edges.map((e) => e.node.slug));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(every);
    expect(every.length).toBeGreaterThan(1);
  });

  it("leaves organisations out of a community's search, and keeps search syntax harmless", async () => {
    const inCommunity = await search("foundation", { communityId: community.id });
    expect(inCommunity.edges.map((e) => e.node.__typename)).toEqual(["Thread"]);
    expect(await slugs('"Borgo" -x or 100%_')).toEqual([]);
    expect(await slugs('"Borgo"')).toEqual(["borgo"]);
  });

  it("refuses a malformed cursor for organisations like any other", async () => {
    const forged = Buffer.from(JSON.stringify([0.5, "ORGANIZATION", "not-a-uuid"])).toString("base64url");
    expect(errorCode(await gql(server.url, SEARCH, { q: "Borgo", after: forged }))).toBe("BAD_USER_INPUT");
  });
});

describe("the organisations' trigram index", () => {
  it("serves both the typed words and the typo (no scan of every organisation)", async () => {
    // With a handful of rows the planner rightly scans; forbid it to see that the index fits the expression.
    const plan = await server.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = await tx.execute(sql`explain select id from organizations
        where pratica_org_names(name, name_it) like '%' || lower(pratica_fold('coop')) || '%'
          or lower(pratica_fold('cooperatva')) <% pratica_org_names(name, name_it)`);
      const list = Array.isArray(rows) ? rows : ((rows as { rows?: unknown[] }).rows ?? []);
      return list.map((r) => Object.values(r as object)[0]).join("\n");
    });
    expect(plan).toContain("organizations_names_trgm_idx");
  });
});
