import { type CommunityRow, communityMemberships } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, type GqlResult, gql } from "../client.js";
import { addMember, buildCommunity, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

// The last-facilitator rule under concurrency: every change that can take a facilitator away
// locks the community first and counts the facilitators under that lock. On PostgreSQL the two
// requests of a round really overlap; on PGlite they run one after another, with the same outcome.

const LEAVE = `mutation($id: ID!) { leaveCommunity(communityId: $id) }`;
const REMOVE = `mutation($id: ID!) { removeMember(membershipId: $id) }`;
const SET_ROLE = `mutation($id: ID!, $role: MembershipRole!) { setMembershipRole(membershipId: $id, role: $role) { id role } }`;
const ROUNDS = 10;

const server = useTestServer();
let admin: TestUser;
beforeAll(async () => {
  admin = await buildUser(server.db, { role: "ADMIN" });
});

const facilitators = async (community: CommunityRow) =>
  server.db
    .select()
    .from(communityMemberships)
    .where(
      and(
        eq(communityMemberships.communityId, community.id),
        eq(communityMemberships.role, "FACILITATOR"),
        eq(communityMemberships.status, "ACTIVE"),
      ),
    );

/** A community with exactly two facilitators and one member. */
async function twoFacilitators() {
  const community = await buildCommunity(server.db);
  const first = await buildUser(server.db);
  const second = await buildUser(server.db);
  const firstRow = await addMember(server.db, community, first, "FACILITATOR");
  const secondRow = await addMember(server.db, community, second, "FACILITATOR");
  await addMember(server.db, community, await buildUser(server.db));
  return { community, first, second, firstRow, secondRow };
}

/** Exactly one of the two writes went through; the other got the documented refusal, CONFLICT. */
async function expectOneWins(community: CommunityRow, results: GqlResult[]) {
  const refused = results.filter((r) => r.errors);
  expect(refused.map(errorCode)).toEqual(["CONFLICT"]);
  expect(await facilitators(community)).toHaveLength(1);
}

describe("the last facilitator under concurrency", () => {
  it(`both facilitators leave at once: one leaves, the other is refused (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { community, first, second } = await twoFacilitators();
      const results = await Promise.all(
        [first, second].map((f) => gql(server.url, LEAVE, { id: community.id }, { token: f.token })),
      );
      await expectOneWins(community, results);
    }
  });

  it(`one leaves while an admin steps the other down: one wins (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { community, first, secondRow } = await twoFacilitators();
      const results = await Promise.all([
        gql(server.url, LEAVE, { id: community.id }, { token: first.token }),
        gql(server.url, SET_ROLE, { id: secondRow.id, role: "MEMBER" }, { token: admin.token }),
      ]);
      await expectOneWins(community, results);
    }
  });

  it(`one leaves while an admin removes the other: one wins (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { community, first, secondRow } = await twoFacilitators();
      const results = await Promise.all([
        gql(server.url, LEAVE, { id: community.id }, { token: first.token }),
        gql(server.url, REMOVE, { id: secondRow.id }, { token: admin.token }),
      ]);
      await expectOneWins(community, results);
    }
  });
});

describe("the last facilitator, one request at a time", () => {
  it("an admin can neither step down nor remove the only facilitator (CONFLICT), and nothing changes", async () => {
    const { community, first, secondRow } = await twoFacilitators();
    expect((await gql(server.url, LEAVE, { id: community.id }, { token: first.token })).errors).toBeUndefined();
    expect(
      errorCode(await gql(server.url, SET_ROLE, { id: secondRow.id, role: "MEMBER" }, { token: admin.token })),
    ).toBe("CONFLICT");
    expect(errorCode(await gql(server.url, REMOVE, { id: secondRow.id }, { token: admin.token }))).toBe("CONFLICT");
    expect((await facilitators(community)).map((m) => m.id)).toEqual([secondRow.id]);
  });

  it("an admin steps down one of two facilitators", async () => {
    const { community, firstRow, secondRow } = await twoFacilitators();
    const res = await gql(server.url, SET_ROLE, { id: firstRow.id, role: "MEMBER" }, { token: admin.token });
    expect(res.data?.setMembershipRole).toEqual({ id: firstRow.id, role: "MEMBER" });
    expect((await facilitators(community)).map((m) => m.id)).toEqual([secondRow.id]);
  });
});
