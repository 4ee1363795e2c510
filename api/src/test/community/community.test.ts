import { describe, expect, it } from "vitest";
import { errorCode, type GqlResult, gql } from "../client.js";
import { addMember, buildCommunity, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

const COMMUNITY = `query($slug: String!, $first: Int, $after: String) {
  community(slug: $slug) {
    id name memberCount viewerMembership { role status }
    members(first: $first, after: $after) { totalCount edges { cursor node { user { id } } } pageInfo { hasNextPage endCursor } }
  }
}`;
const PENDING = `query($slug: String!) { community(slug: $slug) { pendingMembers { totalCount edges { node { id user { id } } } } } }`;

const server = useTestServer();

describe("communities", () => {
  it("lists communities with member counts and the viewer's membership", async () => {
    const community = await buildCommunity(server.db, { name: "AAA first by name" });
    const [a, b] = [await buildUser(server.db), await buildUser(server.db)];
    await addMember(server.db, community, a);
    await addMember(server.db, community, b, "MEMBER", "PENDING");
    const res = await gql(
      server.url,
      `{ communities { id memberCount viewerMembership { status } } }`,
      {},
      { token: b.token },
    );
    const row = res.data?.communities.find((c: { id: string }) => c.id === community.id);
    expect(row).toEqual({ id: community.id, memberCount: 1, viewerMembership: { status: "PENDING" } });
  });

  it("community(slug) is null for an unknown slug", async () => {
    expect((await gql(server.url, COMMUNITY, { slug: "no-such-community" })).data?.community).toBeNull();
  });
});

describe("members connection", () => {
  it("pages through active members with keyset cursors, no repeats, no gaps", async () => {
    const community = await buildCommunity(server.db);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const u = await buildUser(server.db);
      await addMember(server.db, community, u);
      ids.push(u.id);
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res: GqlResult = await gql(server.url, COMMUNITY, { slug: community.slug, first: 3, after });
      const members: {
        totalCount: number;
        edges: { node: { user: { id: string } } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      } = res.data?.community.members;
      expect(members.totalCount).toBe(7);
      seen.push(...members.edges.map((e: { node: { user: { id: string } } }) => e.node.user.id));
      if (!members.pageInfo.hasNextPage) break;
      after = members.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);
  });

  it.each([101, 0, -1])("refuses first: %i with BAD_USER_INPUT", async (first) => {
    const community = await buildCommunity(server.db);
    const res = await gql(server.url, COMMUNITY, { slug: community.slug, first });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.field).toBe("first");
  });

  it("refuses a forged cursor with BAD_USER_INPUT", async () => {
    const community = await buildCommunity(server.db);
    const res = await gql(server.url, COMMUNITY, { slug: community.slug, after: "garbage" });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.field).toBe("after");
  });

  it("a MEMBERS community hides its members from outsiders, not from members", async () => {
    const community = await buildCommunity(server.db, { visibility: "MEMBERS" });
    const [member, outsider] = [await buildUser(server.db), await buildUser(server.db)];
    await addMember(server.db, community, member);
    expect(errorCode(await gql(server.url, COMMUNITY, { slug: community.slug }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(server.url, COMMUNITY, { slug: community.slug }, { token: outsider.token }))).toBe(
      "FORBIDDEN",
    );
    const ok = await gql(server.url, COMMUNITY, { slug: community.slug }, { token: member.token });
    expect(ok.data?.community.members.totalCount).toBe(1);
  });

  it("pending requests are visible to facilitators and admins only", async () => {
    const community = await buildCommunity(server.db, { joinPolicy: "APPROVAL" });
    const [facilitator, member, applicant] = [
      await buildUser(server.db),
      await buildUser(server.db),
      await buildUser(server.db),
    ];
    const admin = await buildUser(server.db, { role: "ADMIN" });
    await addMember(server.db, community, facilitator, "FACILITATOR");
    await addMember(server.db, community, member);
    await addMember(server.db, community, applicant, "MEMBER", "PENDING");
    for (const who of [facilitator, admin]) {
      const res = await gql(server.url, PENDING, { slug: community.slug }, { token: who.token });
      expect(
        res.data?.community.pendingMembers.edges.map((e: { node: { user: { id: string } } }) => e.node.user.id),
      ).toEqual([applicant.id]);
    }
    expect(errorCode(await gql(server.url, PENDING, { slug: community.slug }, { token: member.token }))).toBe(
      "FORBIDDEN",
    );
    expect(errorCode(await gql(server.url, PENDING, { slug: community.slug }))).toBe("UNAUTHENTICATED");
  });
});
