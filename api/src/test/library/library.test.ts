import type { CommunityRow } from "@pratica/db";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, type GqlResult, gql } from "../client.js";
import {
  addMember,
  buildCommunity,
  buildPost,
  buildResource,
  buildThread,
  buildUser,
  type TestUser,
} from "../factories.js";
import { useTestServer } from "../fixture.js";

const LIBRARY = `query($slug: String!, $first: Int, $after: String, $kind: ResourceKind, $language: ResourceLanguage, $tag: String, $status: ResourceStatus, $sort: LibrarySort) {
  community(slug: $slug) { resources(first: $first, after: $after, kind: $kind, language: $language, tag: $tag, status: $status, sort: $sort) {
    totalCount edges { node { id title status helpfulCount viewerBookmarked viewerFoundHelpful } } pageInfo { hasNextPage endCursor } } } }`;
const SEARCH = `query($q: String!, $first: Int, $after: String, $communityId: ID, $kinds: [SearchKind!]) {
  search(query: $q, first: $first, after: $after, communityId: $communityId, kinds: $kinds) {
  edges { cursor snippet node { __typename ... on Resource { id title } ... on Thread { id title } ... on Post { id } } } pageInfo { hasNextPage endCursor } } }`;

const server = useTestServer();
let community: CommunityRow;
let alice: TestUser;
let bob: TestUser;
let facilitator: TestUser;
beforeAll(async () => {
  community = await buildCommunity(server.db);
  [alice, bob, facilitator] = [await buildUser(server.db), await buildUser(server.db), await buildUser(server.db)];
  await addMember(server.db, community, alice);
  await addMember(server.db, community, bob);
  await addMember(server.db, community, facilitator, "FACILITATOR");
});

const titles = (res: GqlResult) =>
  res.data?.community.resources.edges.map((e: { node: { title: string } }) => e.node.title);

describe("bookmarks and helpful votes", () => {
  it("are idempotent and per member; votes order the library after featured material", async () => {
    const c = await buildCommunity(server.db);
    for (const u of [alice, bob]) await addMember(server.db, c, u);
    const [a, b, f] = [
      await buildResource(server.db, c, alice, { title: "A", status: "PUBLISHED" }),
      await buildResource(server.db, c, alice, { title: "B", status: "PUBLISHED" }),
      await buildResource(server.db, c, alice, { title: "Featured", status: "FEATURED" }),
    ];
    const vote = (token: string, id: string, helpful: boolean) =>
      gql(
        server.url,
        `mutation($id: ID!, $h: Boolean!) { setResourceHelpful(resourceId: $id, helpful: $h) { helpfulCount viewerFoundHelpful } }`,
        { id, h: helpful },
        { token },
      );
    expect((await vote(alice.token, b.id, true)).data?.setResourceHelpful).toEqual({
      helpfulCount: 1,
      viewerFoundHelpful: true,
    });
    expect((await vote(alice.token, b.id, true)).data?.setResourceHelpful).toEqual({
      helpfulCount: 1,
      viewerFoundHelpful: true,
    });
    expect((await vote(bob.token, b.id, true)).data?.setResourceHelpful.helpfulCount).toBe(2);
    expect((await vote(bob.token, a.id, false)).data?.setResourceHelpful.helpfulCount).toBe(0);
    expect(titles(await gql(server.url, LIBRARY, { slug: c.slug }, { token: alice.token }))).toEqual([
      "Featured",
      "B",
      "A",
    ]);

    const bookmark = (on: boolean) =>
      gql(
        server.url,
        `mutation($id: ID!, $on: Boolean!) { setResourceBookmark(resourceId: $id, bookmarked: $on) { viewerBookmarked } }`,
        { id: f.id, on },
        { token: alice.token },
      );
    expect((await bookmark(true)).data?.setResourceBookmark.viewerBookmarked).toBe(true);
    expect((await bookmark(true)).data?.setResourceBookmark.viewerBookmarked).toBe(true);
    expect((await bookmark(false)).data?.setResourceBookmark.viewerBookmarked).toBe(false);
    expect((await bookmark(false)).data?.setResourceBookmark.viewerBookmarked).toBe(false);
  });

  it("need login and membership, and published material", async () => {
    const published = await buildResource(server.db, community, alice, { status: "PUBLISHED" });
    const proposed = await buildResource(server.db, community, alice);
    const outsider = await buildUser(server.db);
    const q = `mutation($id: ID!) { setResourceHelpful(resourceId: $id, helpful: true) { helpfulCount } }`;
    expect(errorCode(await gql(server.url, q, { id: published.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(server.url, q, { id: published.id }, { token: outsider.token }))).toBe("FORBIDDEN");
    expect(errorCode(await gql(server.url, q, { id: proposed.id }, { token: alice.token }))).toBe("CONFLICT");
    expect(errorCode(await gql(server.url, q, { id: "nope" }, { token: alice.token }))).toBe("NOT_FOUND");
  });
});

describe("the library list", () => {
  it("filters by kind, language and tag; facilitators alone list proposals", async () => {
    const c = await buildCommunity(server.db);
    await addMember(server.db, c, alice);
    await addMember(server.db, c, facilitator, "FACILITATOR");
    await buildResource(server.db, c, alice, {
      title: "Guide IT",
      kind: "GUIDE",
      language: "it",
      tags: ["welfare"],
      status: "PUBLISHED",
    });
    await buildResource(server.db, c, alice, {
      title: "Toolkit EN",
      kind: "TOOLKIT",
      language: "en",
      status: "PUBLISHED",
    });
    await buildResource(server.db, c, alice, { title: "Waiting", kind: "GUIDE", language: "en" });
    expect(titles(await gql(server.url, LIBRARY, { slug: c.slug, kind: "GUIDE" }))).toEqual(["Guide IT"]);
    expect(titles(await gql(server.url, LIBRARY, { slug: c.slug, language: "en" }))).toEqual(["Toolkit EN"]);
    expect(titles(await gql(server.url, LIBRARY, { slug: c.slug, tag: "Welfare" }))).toEqual(["Guide IT"]);
    expect(
      titles(await gql(server.url, LIBRARY, { slug: c.slug, status: "PROPOSED" }, { token: facilitator.token })),
    ).toEqual(["Waiting"]);
    expect(
      errorCode(await gql(server.url, LIBRARY, { slug: c.slug, status: "PROPOSED" }, { token: alice.token })),
    ).toBe("FORBIDDEN");
    expect(errorCode(await gql(server.url, LIBRARY, { slug: c.slug, kind: "PODCAST" }))).toBe("BAD_USER_INPUT");
  });

  it("pages newest-first and featured-first without repeats", async () => {
    const c = await buildCommunity(server.db);
    for (let i = 0; i < 5; i++) {
      await buildResource(server.db, c, alice, {
        title: `R${i}`,
        status: i === 2 ? "FEATURED" : "PUBLISHED",
        helpfulCount: i,
        createdAt: new Date(Date.now() - i * 60_000),
      });
    }
    for (const sort of ["FEATURED_HELPFUL", "NEWEST"]) {
      const all = titles(await gql(server.url, LIBRARY, { slug: c.slug, sort }));
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 6; i++) {
        const res: GqlResult = await gql(server.url, LIBRARY, { slug: c.slug, sort, first: 2, after });
        seen.push(...titles(res));
        if (!res.data?.community.resources.pageInfo.hasNextPage) break;
        after = res.data?.community.resources.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
    }
    expect(titles(await gql(server.url, LIBRARY, { slug: c.slug, sort: "NEWEST" }))).toEqual([
      "R0",
      "R1",
      "R2",
      "R3",
      "R4",
    ]);
    expect(titles(await gql(server.url, LIBRARY, { slug: c.slug }))).toEqual(["R2", "R4", "R3", "R1", "R0"]);
  });
});

describe("search", () => {
  it("finds an Italian resource by an inflected word and ranks a title match first", async () => {
    const c = await buildCommunity(server.db);
    await buildResource(server.db, c, alice, {
      title: "Come misurare l'impatto",
      summary: "Una guida pratica per chi fa rendicontazione sociale.",
      body: "Ogni impresa sociale può usare questo metodo.",
      language: "it",
      status: "PUBLISHED",
    });
    await buildResource(server.db, c, alice, {
      title: "Impresa sociale: la guida",
      summary: "Tutto sulla forma giuridica, dalla nascita al bilancio.",
      language: "it",
      status: "PUBLISHED",
    });
    await buildResource(server.db, c, alice, {
      title: "Impresa nascosta",
      summary: "Non ancora pubblicata, resta fuori.",
      language: "it",
    });
    const res = await gql(server.url, SEARCH, { q: "imprese" });
    const found = res.data?.search.edges.filter(
      (e: { node: { __typename: string } }) => e.node.__typename === "Resource",
    );
    expect(found.map((e: { node: { title: string } }) => e.node.title)).toEqual([
      "Impresa sociale: la guida",
      "Come misurare l'impatto",
    ]);
    expect(found[0].snippet).toContain("\uE000Impresa\uE001");
  });

  it("finds threads and posts, never from communities the viewer may not read", async () => {
    const open = await buildCommunity(server.db);
    const closed = await buildCommunity(server.db, { visibility: "MEMBERS" });
    await addMember(server.db, closed, bob);
    const t = await buildThread(server.db, open, alice, {
      title: "Cooperative di comunità",
      body: "Parliamo di cooperative",
    });
    await buildPost(server.db, t, bob, "Le cooperative agricole fanno scuola");
    await buildThread(server.db, closed, bob, { title: "Cooperative riservate", body: "solo membri" });
    const kinds = async (token?: string) =>
      ((await gql(server.url, SEARCH, { q: "cooperativa" }, { token })).data?.search.edges ?? []).map(
        (e: { node: { __typename: string; title?: string } }) => e.node.title ?? e.node.__typename,
      );
    expect(await kinds()).toEqual(expect.arrayContaining(["Cooperative di comunità", "Post"]));
    expect(await kinds()).not.toContain("Cooperative riservate");
    expect(await kinds(bob.token)).toContain("Cooperative riservate");
  });

  it("narrows to one community and to some kinds, refusing a community the viewer may not read", async () => {
    const [here, there] = [await buildCommunity(server.db), await buildCommunity(server.db)];
    const closed = await buildCommunity(server.db, { visibility: "MEMBERS" });
    await addMember(server.db, closed, bob);
    for (const c of [here, there, closed]) {
      await buildResource(server.db, c, alice, { title: `Baratto di attrezzi ${c.slug}`, status: "PUBLISHED" });
      await buildThread(server.db, c, alice, { title: `Baratto in quartiere ${c.slug}`, body: "Chi partecipa?" });
    }
    const found = async (variables: Record<string, unknown>, token?: string) =>
      ((await gql(server.url, SEARCH, { q: "baratto", ...variables }, { token })).data?.search.edges ?? []).map(
        (e: { node: { __typename: string; title: string } }) => `${e.node.__typename}: ${e.node.title}`,
      );

    expect((await found({ communityId: here.id })).sort()).toEqual([
      `Resource: Baratto di attrezzi ${here.slug}`,
      `Thread: Baratto in quartiere ${here.slug}`,
    ]);
    expect(await found({ communityId: here.id, kinds: ["RESOURCE"] })).toEqual([
      `Resource: Baratto di attrezzi ${here.slug}`,
    ]);
    expect(await found({ kinds: ["THREAD", "THREAD"] })).not.toContain(`Resource: Baratto di attrezzi ${here.slug}`);
    expect(await found({ communityId: closed.id }, bob.token)).toHaveLength(2);

    const refusal = (variables: Record<string, unknown>, token?: string) =>
      gql(server.url, SEARCH, { q: "baratto", ...variables }, { token });
    expect(errorCode(await refusal({ communityId: closed.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await refusal({ communityId: closed.id }, alice.token))).toBe("FORBIDDEN");
    expect(errorCode(await refusal({ communityId: "not-an-id" }))).toBe("NOT_FOUND");
    const none = await refusal({ kinds: [] });
    expect(errorCode(none)).toBe("BAD_USER_INPUT");
    expect(none.errors?.[0]?.extensions?.field).toBe("kinds");
    expect(errorCode(await refusal({ kinds: ["EVERYTHING"] }))).toBe("BAD_USER_INPUT");
  });

  it("pages through results and refuses a too short query or a forged cursor", async () => {
    const c = await buildCommunity(server.db);
    for (let i = 0; i < 5; i++)
      await buildResource(server.db, c, alice, {
        title: `Welfare aziendale ${i}`,
        language: "it",
        status: "PUBLISHED",
      });
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const res: GqlResult = await gql(server.url, SEARCH, { q: "welfare aziendale", first: 2, after });
      seen.push(...(res.data?.search.edges ?? []).map((e: { node: { id: string } }) => e.node.id));
      if (!res.data?.search.pageInfo.hasNextPage) break;
      after = res.data?.search.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(errorCode(await gql(server.url, SEARCH, { q: "a" }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await gql(server.url, SEARCH, { q: "welfare", after: "forged" }))).toBe("BAD_USER_INPUT");
  });
});
