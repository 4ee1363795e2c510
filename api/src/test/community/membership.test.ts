import { type CommunityRow, communityMemberships } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { addMember, buildCommunity, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

const JOIN = `mutation($id: ID!) { joinCommunity(communityId: $id) { id role status } }`;
const LEAVE = `mutation($id: ID!) { leaveCommunity(communityId: $id) }`;
const APPROVE = `mutation($id: ID!) { approveMembership(membershipId: $id) { id status } }`;
const REJECT = `mutation($id: ID!) { rejectMembership(membershipId: $id) }`;
const REMOVE = `mutation($id: ID!) { removeMember(membershipId: $id) }`;
const SET_ROLE = `mutation($id: ID!, $role: MembershipRole!) { setMembershipRole(membershipId: $id, role: $role) { id role } }`;

const server = useTestServer();

const membershipOf = async (community: CommunityRow, user: TestUser) =>
  (
    await server.db
      .select()
      .from(communityMemberships)
      .where(and(eq(communityMemberships.communityId, community.id), eq(communityMemberships.userId, user.id)))
  )[0];

/** A community with a facilitator, a member, a pending applicant, an outsider and an admin. */
async function cast(joinPolicy: "OPEN" | "APPROVAL" = "APPROVAL") {
  const community = await buildCommunity(server.db, { joinPolicy });
  const [facilitator, member, applicant, outsider] = await Promise.all([1, 2, 3, 4].map(() => buildUser(server.db)));
  const admin = await buildUser(server.db, { role: "ADMIN" });
  await addMember(server.db, community, facilitator as TestUser, "FACILITATOR");
  const memberRow = await addMember(server.db, community, member as TestUser);
  const pending = await addMember(server.db, community, applicant as TestUser, "MEMBER", "PENDING");
  return {
    community,
    facilitator: facilitator!,
    member: member!,
    applicant: applicant!,
    outsider: outsider!,
    admin,
    memberRow,
    pending,
  };
}

describe("joinCommunity", () => {
  it("makes the viewer an ACTIVE member of an OPEN community", async () => {
    const { community, outsider } = await cast("OPEN");
    const res = await gql(server.url, JOIN, { id: community.id }, { token: outsider.token });
    expect(res.data?.joinCommunity).toMatchObject({ role: "MEMBER", status: "ACTIVE" });
    expect((await membershipOf(community, outsider))?.status).toBe("ACTIVE");
  });

  it("queues a request as PENDING in an APPROVAL community", async () => {
    const { community, outsider } = await cast("APPROVAL");
    const res = await gql(server.url, JOIN, { id: community.id }, { token: outsider.token });
    expect(res.data?.joinCommunity).toMatchObject({ role: "MEMBER", status: "PENDING" });
  });

  it("joining twice changes nothing and returns the same membership", async () => {
    const { community, member, memberRow } = await cast();
    const res = await gql(server.url, JOIN, { id: community.id }, { token: member.token });
    expect(res.data?.joinCommunity).toMatchObject({ id: memberRow.id, status: "ACTIVE" });
  });

  it("requires login", async () => {
    const { community } = await cast();
    expect(errorCode(await gql(server.url, JOIN, { id: community.id }))).toBe("UNAUTHENTICATED");
  });

  it.each(["00000000-0000-0000-0000-000000000000", "not-a-uuid"])(
    "an unknown community id (%s) is NOT_FOUND",
    async (id) => {
      const user = await buildUser(server.db);
      expect(errorCode(await gql(server.url, JOIN, { id }, { token: user.token }))).toBe("NOT_FOUND");
    },
  );
});

describe("approveMembership / rejectMembership", () => {
  it("a facilitator approves a pending request", async () => {
    const { facilitator, pending, community, applicant } = await cast();
    const res = await gql(server.url, APPROVE, { id: pending.id }, { token: facilitator.token });
    expect(res.data?.approveMembership).toMatchObject({ id: pending.id, status: "ACTIVE" });
    expect((await membershipOf(community, applicant))?.decidedBy).toBe(facilitator.id);
  });

  it("an admin approves too", async () => {
    const { admin, pending } = await cast();
    expect(
      (await gql(server.url, APPROVE, { id: pending.id }, { token: admin.token })).data?.approveMembership.status,
    ).toBe("ACTIVE");
  });

  it.each(["member", "applicant", "outsider"] as const)(
    "a %s cannot approve or reject; nothing changes",
    async (who) => {
      const c = await cast();
      for (const op of [APPROVE, REJECT]) {
        expect(errorCode(await gql(server.url, op, { id: c.pending.id }, { token: c[who].token }))).toBe("FORBIDDEN");
      }
      expect((await membershipOf(c.community, c.applicant))?.status).toBe("PENDING");
    },
  );

  it("requires login", async () => {
    const { pending } = await cast();
    expect(errorCode(await gql(server.url, APPROVE, { id: pending.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(server.url, REJECT, { id: pending.id }))).toBe("UNAUTHENTICATED");
  });

  it("an unknown membership is NOT_FOUND", async () => {
    const { facilitator } = await cast();
    expect(errorCode(await gql(server.url, APPROVE, { id: "nope" }, { token: facilitator.token }))).toBe("NOT_FOUND");
  });

  it("deciding an already decided request is a CONFLICT (the stale case)", async () => {
    const { facilitator, admin, pending, memberRow } = await cast();
    await gql(server.url, APPROVE, { id: pending.id }, { token: facilitator.token });
    expect(errorCode(await gql(server.url, APPROVE, { id: pending.id }, { token: admin.token }))).toBe("CONFLICT");
    expect(errorCode(await gql(server.url, REJECT, { id: pending.id }, { token: admin.token }))).toBe("CONFLICT");
    expect(errorCode(await gql(server.url, REJECT, { id: memberRow.id }, { token: admin.token }))).toBe("CONFLICT");
  });

  it("rejecting removes the request", async () => {
    const { facilitator, pending, community, applicant } = await cast();
    expect(
      (await gql(server.url, REJECT, { id: pending.id }, { token: facilitator.token })).data?.rejectMembership,
    ).toBe(true);
    expect(await membershipOf(community, applicant)).toBeUndefined();
  });

  it("a facilitator of another community cannot decide here", async () => {
    const here = await cast();
    const elsewhere = await cast();
    const res = await gql(server.url, APPROVE, { id: here.pending.id }, { token: elsewhere.facilitator.token });
    expect(errorCode(res)).toBe("FORBIDDEN");
  });
});

describe("leaveCommunity", () => {
  it("a member leaves", async () => {
    const { community, member } = await cast();
    expect((await gql(server.url, LEAVE, { id: community.id }, { token: member.token })).data?.leaveCommunity).toBe(
      true,
    );
    expect(await membershipOf(community, member)).toBeUndefined();
  });

  it("a pending applicant withdraws the request", async () => {
    const { community, applicant } = await cast();
    await gql(server.url, LEAVE, { id: community.id }, { token: applicant.token });
    expect(await membershipOf(community, applicant)).toBeUndefined();
  });

  it("the only facilitator cannot leave (CONFLICT), and stays", async () => {
    const { community, facilitator } = await cast();
    expect(errorCode(await gql(server.url, LEAVE, { id: community.id }, { token: facilitator.token }))).toBe(
      "CONFLICT",
    );
    expect((await membershipOf(community, facilitator))?.role).toBe("FACILITATOR");
  });

  it("requires login, and membership", async () => {
    const { community, outsider } = await cast();
    expect(errorCode(await gql(server.url, LEAVE, { id: community.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(server.url, LEAVE, { id: community.id }, { token: outsider.token }))).toBe("NOT_FOUND");
  });
});

describe("removeMember", () => {
  it("a facilitator removes a member", async () => {
    const { facilitator, memberRow, community, member } = await cast();
    expect((await gql(server.url, REMOVE, { id: memberRow.id }, { token: facilitator.token })).data?.removeMember).toBe(
      true,
    );
    expect(await membershipOf(community, member)).toBeUndefined();
  });

  it("a member cannot remove anyone; a facilitator cannot remove a facilitator; nothing changes", async () => {
    const c = await cast();
    const second = await buildUser(server.db);
    const secondRow = await addMember(server.db, c.community, second, "FACILITATOR");
    expect(errorCode(await gql(server.url, REMOVE, { id: c.memberRow.id }, { token: c.member.token }))).toBe(
      "FORBIDDEN",
    );
    expect(errorCode(await gql(server.url, REMOVE, { id: secondRow.id }, { token: c.facilitator.token }))).toBe(
      "FORBIDDEN",
    );
    expect(errorCode(await gql(server.url, REMOVE, { id: c.memberRow.id }))).toBe("UNAUTHENTICATED");
    expect(await membershipOf(c.community, c.member)).toBeDefined();
    expect(await membershipOf(c.community, second)).toBeDefined();
  });
});

describe("setMembershipRole", () => {
  it("an admin appoints a facilitator", async () => {
    const { admin, memberRow } = await cast();
    const res = await gql(server.url, SET_ROLE, { id: memberRow.id, role: "FACILITATOR" }, { token: admin.token });
    expect(res.data?.setMembershipRole).toMatchObject({ id: memberRow.id, role: "FACILITATOR" });
  });

  it("a facilitator cannot change roles; nothing changes", async () => {
    const { facilitator, memberRow, community, member } = await cast();
    const res = await gql(
      server.url,
      SET_ROLE,
      { id: memberRow.id, role: "FACILITATOR" },
      { token: facilitator.token },
    );
    expect(errorCode(res)).toBe("FORBIDDEN");
    expect((await membershipOf(community, member))?.role).toBe("MEMBER");
  });

  it("requires login; refuses an unknown role and a pending membership", async () => {
    const { admin, memberRow, pending } = await cast();
    expect(errorCode(await gql(server.url, SET_ROLE, { id: memberRow.id, role: "FACILITATOR" }))).toBe(
      "UNAUTHENTICATED",
    );
    expect(
      errorCode(await gql(server.url, SET_ROLE, { id: memberRow.id, role: "OWNER" }, { token: admin.token })),
    ).toBe("BAD_USER_INPUT");
    expect(
      errorCode(await gql(server.url, SET_ROLE, { id: pending.id, role: "FACILITATOR" }, { token: admin.token })),
    ).toBe("CONFLICT");
  });
});
