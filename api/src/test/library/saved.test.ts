import { resourceBookmarks, resources } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, type GqlResult, gql } from "../client.js";
import { addMember, buildCommunity, buildResource, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

const SAVED = `query($first: Int, $after: String) { savedResources(first: $first, after: $after) {
  totalCount edges { cursor node { id title viewerBookmarked } } pageInfo { hasNextPage endCursor } } }`;
const BOOKMARK = `mutation($id: ID!, $b: Boolean!) { setResourceBookmark(resourceId: $id, bookmarked: $b) { id viewerBookmarked } }`;
const LEAVE = `mutation($id: ID!) { leaveCommunity(communityId: $id) }`;

const server = useTestServer();
let member: TestUser;
let other: TestUser;
beforeAll(async () => {
  [member, other] = [await buildUser(server.db), await buildUser(server.db)];
});

const titles = (res: GqlResult): string[] =>
  res.data?.savedResources.edges.map((e: { node: { title: string } }) => e.node.title) ?? [];
const save = async (user: TestUser, id: string, b = true) => {
  const res = await gql(server.url, BOOKMARK, { id, b }, { token: user.token });
  expect(res.errors).toBeUndefined();
};

describe("savedResources", () => {
  it("refuses the anonymous, and bad paging, changing nothing", async () => {
    expect(errorCode(await gql(server.url, SAVED, {}))).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(server.url, SAVED, { after: "forged" }, { token: member.token }))).toBe(
      "BAD_USER_INPUT",
    );
    expect(errorCode(await gql(server.url, SAVED, { first: 101 }, { token: member.token }))).toBe("BAD_USER_INPUT");
    // A well-formed cursor whose id is not a uuid: refused before PostgreSQL's uuid cast would fail.
    const notAnId = Buffer.from(JSON.stringify([new Date().toISOString(), "x"])).toString("base64url");
    expect(errorCode(await gql(server.url, SAVED, { after: notAnId }, { token: member.token }))).toBe("BAD_USER_INPUT");
  });

  it("lists the viewer's saves, most recent first, page by page, and forgets an unsaved one", async () => {
    const c = await buildCommunity(server.db);
    await addMember(server.db, c, member);
    await addMember(server.db, c, other);
    const made = [];
    for (const title of ["First saved", "Second saved", "Third saved"]) {
      made.push(await buildResource(server.db, c, other, { title, status: "PUBLISHED" }));
    }
    for (const [i, r] of made.entries()) {
      await save(member, r.id);
      // Saved a minute apart, so the order does not hang on the clock's resolution.
      await server.db
        .update(resourceBookmarks)
        .set({ createdAt: new Date(Date.UTC(2026, 0, 1, 12, i)) })
        .where(and(eq(resourceBookmarks.userId, member.id), eq(resourceBookmarks.resourceId, r.id)));
    }
    await save(other, (made[0] as { id: string }).id);

    const first = await gql(server.url, SAVED, { first: 2 }, { token: member.token });
    expect(titles(first)).toEqual(["Third saved", "Second saved"]);
    expect(first.data?.savedResources.totalCount).toBe(3);
    expect(first.data?.savedResources.pageInfo.hasNextPage).toBe(true);
    expect(first.data?.savedResources.edges[0].node.viewerBookmarked).toBe(true);
    const rest = await gql(
      server.url,
      SAVED,
      { first: 2, after: first.data?.savedResources.pageInfo.endCursor },
      { token: member.token },
    );
    expect(titles(rest)).toEqual(["First saved"]);
    expect(rest.data?.savedResources.pageInfo.hasNextPage).toBe(false);

    await save(member, (made[1] as { id: string }).id, false);
    expect(titles(await gql(server.url, SAVED, {}, { token: member.token }))).toEqual(["Third saved", "First saved"]);
    // Someone else's saves never show.
    expect(titles(await gql(server.url, SAVED, {}, { token: other.token }))).toEqual(["First saved"]);
  });

  it("leaves out what the viewer may no longer read: archived material, a members-only community left", async () => {
    const viewer = await buildUser(server.db);
    const open = await buildCommunity(server.db);
    const closed = await buildCommunity(server.db, { visibility: "MEMBERS" });
    for (const c of [open, closed]) await addMember(server.db, c, viewer);
    const archived = await buildResource(server.db, open, other, { title: "Later archived", status: "PUBLISHED" });
    const kept = await buildResource(server.db, open, other, { title: "Still there", status: "FEATURED" });
    const inside = await buildResource(server.db, closed, other, { title: "Members only", status: "PUBLISHED" });
    for (const r of [archived, kept, inside]) await save(viewer, r.id);
    expect(titles(await gql(server.url, SAVED, {}, { token: viewer.token })).sort()).toEqual([
      "Later archived",
      "Members only",
      "Still there",
    ]);

    await server.db.update(resources).set({ status: "ARCHIVED" }).where(eq(resources.id, archived.id));
    expect(errorCode(await gql(server.url, LEAVE, { id: closed.id }, { token: viewer.token }))).toBeUndefined();
    const after = await gql(server.url, SAVED, {}, { token: viewer.token });
    expect(titles(after)).toEqual(["Still there"]);
    expect(after.data?.savedResources.totalCount).toBe(1);

    // The save itself was kept: published again, the material is back in its place.
    await server.db.update(resources).set({ status: "PUBLISHED" }).where(eq(resources.id, archived.id));
    expect(titles(await gql(server.url, SAVED, {}, { token: viewer.token })).sort()).toEqual([
      "Later archived",
      "Still there",
    ]);
  });
});

describe("savedResources cost", () => {
  const CARDS = `query { savedResources(first: 50) { edges { node {
    id title viewerBookmarked proposer { id displayName } community { id slug name } } } } }`;

  it("runs the same number of SQL statements for 2 and for 6 saves across communities (no N+1)", async () => {
    const statementsFor = async (n: number) => {
      const viewer = await buildUser(server.db);
      for (let i = 0; i < n; i++) {
        const c = await buildCommunity(server.db);
        await addMember(server.db, c, viewer);
        await save(viewer, (await buildResource(server.db, c, other, { status: "PUBLISHED" })).id);
      }
      const start = server.statements.length;
      const res = await gql(server.url, CARDS, {}, { token: viewer.token });
      expect(res.errors).toBeUndefined();
      expect(res.data?.savedResources.edges).toHaveLength(n);
      return server.statements.length - start;
    };
    const six = await statementsFor(6);
    expect(six).toBe(await statementsFor(2));
    expect(six).toBeLessThanOrEqual(8);
  });
});
