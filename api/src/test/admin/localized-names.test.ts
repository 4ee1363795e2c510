import { communities, seed } from "@pratica/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { localized } from "../../core/localized.js";
import { gql, wsClient } from "../client.js";
import { addMember, buildCommunity, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { collect } from "../live.js";
import { buildOrganization } from "./support.js";

const server = useTestServer();

const COMMUNITY = `query($slug: String!) { community(slug: $slug) { name tagline description nameIt nameEn } }`;
const ORGANIZATION = `query($slug: String!) { organization(slug: $slug) { name description } }`;

describe("names in the caller's language", () => {
  it("the helper takes the caller's language, else the other; null only when both are empty", () => {
    expect(localized("it", { en: "Circular Economy", it: "Economia circolare" })).toBe("Economia circolare");
    expect(localized("en", { en: "Circular Economy", it: "Economia circolare" })).toBe("Circular Economy");
    expect(localized("it", { en: "Circular Economy", it: "" })).toBe("Circular Economy");
    expect(localized("en", { en: "  ", it: "Economia circolare" })).toBe("Economia circolare");
    expect(localized("en", { en: null, it: null })).toBeNull();
  });

  it("a community answers in the Accept-Language over HTTP, falling back to the other language", async () => {
    const community = await buildCommunity(server.db, {
      name: "Circular Economy",
      nameIt: "Economia circolare",
      tagline: "Reuse and repair",
      taglineIt: "",
      description: "",
      descriptionIt: "Riuso e riparazione.",
    });
    const it_ = await gql(
      server.url,
      COMMUNITY,
      { slug: community.slug },
      { headers: { "accept-language": "it-IT,it;q=0.9" } },
    );
    expect(it_.data?.community).toEqual({
      name: "Economia circolare",
      tagline: "Reuse and repair",
      description: "Riuso e riparazione.",
      nameIt: "Economia circolare",
      nameEn: "Circular Economy",
    });
    const en = await gql(
      server.url,
      COMMUNITY,
      { slug: community.slug },
      { headers: { "accept-language": "en-GB,en;q=0.9" } },
    );
    expect(en.data?.community).toMatchObject({
      name: "Circular Economy",
      tagline: "Reuse and repair",
      description: "Riuso e riparazione.",
    });
  });

  it("an organisation likewise", async () => {
    const org = await buildOrganization(server.db, {
      name: "Bank of Impact",
      nameIt: "Banca dell'Impatto",
      description: "Lends.",
    });
    const en = await gql(server.url, ORGANIZATION, { slug: org.slug }, { headers: { "accept-language": "en" } });
    expect(en.data?.organization).toEqual({ name: "Bank of Impact", description: "Lends." });
    const it_ = await gql(server.url, ORGANIZATION, { slug: org.slug }, { headers: { "accept-language": "it" } });
    expect(it_.data?.organization).toEqual({ name: "Banca dell'Impatto", description: "Lends." });
  });
});

describe("over the WebSocket", () => {
  it("a subscription answers names in connectionParams.language", async () => {
    const community = await buildCommunity(server.db, { name: "Urban Gardens", nameIt: "Orti urbani" });
    const author = await buildUser(server.db);
    await addMember(server.db, community, author);
    const EVENTS = `subscription($id: ID!) { communityEvents(communityId: $id) { ... on ThreadCreated { thread { community { name } } } } }`;
    const sockets = { it: wsClient(server.wsUrl, { language: "it" }), en: wsClient(server.wsUrl, { language: "en" }) };
    type Event = { communityEvents: { thread?: { community: { name: string } } } };
    const joined = [server.subscribed("community", community.id), server.subscribed("community", community.id)];
    const inItalian = collect<Event>(sockets.it, EVENTS, { id: community.id });
    await joined[0];
    const inEnglish = collect<Event>(sockets.en, EVENTS, { id: community.id });
    await joined[1];
    const created = await gql(
      server.url,
      `mutation($c: ID!) { createThread(input: { communityId: $c, title: "Seeds", body: "Who swaps seeds?" }) { id } }`,
      { c: community.id },
      { token: author.token },
    );
    expect(created.errors).toBeUndefined();
    await inItalian.until((d) => d.length >= 1);
    await inEnglish.until((d) => d.length >= 1);
    expect(inItalian.data[0]?.communityEvents.thread?.community.name).toBe("Orti urbani");
    expect(inEnglish.data[0]?.communityEvents.thread?.community.name).toBe("Urban Gardens");
    inItalian.stop();
    inEnglish.stop();
    await Promise.all([sockets.it.dispose(), sockets.en.dispose()]);
  });
});

describe("the seed in both languages", () => {
  it("fills Italian and English for every community and organisation; a later seed fills what is empty, never an edit", async () => {
    await seed(server.db, { demo: false });
    const it_ = { headers: { "accept-language": "it" } };
    const en = { headers: { "accept-language": "en" } };
    const all = `{ communities { slug name nameIt nameEn tagline } organizations(first: 100, status: ALL) { edges { node { slug name nameIt nameEn } } } }`;
    const inItalian = (await gql(server.url, all, {}, it_)).data;
    for (const c of inItalian?.communities ?? []) {
      if (!["benefit-corporations", "circular-economy", "gender-equality", "op4impact", "neet"].includes(c.slug))
        continue;
      expect(c.nameIt).not.toBe("");
      expect(c.nameEn).not.toBe("");
      expect(c.name).toBe(c.nameIt);
    }
    expect(inItalian?.communities.find((c: { slug: string }) => c.slug === "circular-economy")).toMatchObject({
      name: "Economia circolare",
      nameEn: "Circular Economy",
    });
    const seeded = (inItalian?.organizations.edges ?? [])
      .map((e: { node: { nameIt: string } }) => e.node)
      .filter((o: { nameIt: string }) => o.nameIt !== "");
    expect(seeded.length).toBeGreaterThanOrEqual(22);
    expect((await gql(server.url, COMMUNITY, { slug: "neet" }, en)).data?.community.tagline).toMatch(
      /^Bringing young people/,
    );

    // An install seeded before the Italian texts: they are filled in; an admin's edit stays.
    await server.db.update(communities).set({ nameIt: "" }).where(eq(communities.slug, "gender-equality"));
    await server.db
      .update(communities)
      .set({ nameIt: "Economia circolare (rinominata)" })
      .where(eq(communities.slug, "circular-economy"));
    await seed(server.db, { demo: false });
    const after = await gql(server.url, `{ communities { slug name } }`, {}, it_);
    const names = Object.fromEntries(
      after.data?.communities.map((c: { slug: string; name: string }) => [c.slug, c.name]),
    );
    expect(names["gender-equality"]).toBe("Parità di genere");
    expect(names["circular-economy"]).toBe("Economia circolare (rinominata)");
  });
});
