import { communities, communityMemberships } from "@pratica/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { gql } from "../client.js";
import { addMember, buildResource, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import {
  buildCast,
  type Cast,
  type Data,
  expectAgreement,
  nodeIn,
  type Probe,
  VIEWERS,
  type Who,
} from "../viewer-can.js";

const server = useTestServer();

const membershipOf = async (cast: Cast, user: TestUser) =>
  (await server.db.select().from(communityMemberships).where(eq(communityMemberships.userId, user.id))).find(
    (m) => m.communityId === cast.community.id,
  )!;

const COMMUNITY = (field: string) => `query($slug: String!) { community(slug: $slug) { id ${field} } }`;
const MEMBERS = (connection: "members" | "pendingMembers", field: string) =>
  `query($slug: String!) { community(slug: $slug) { ${connection}(first: 50) { edges { node { id ${field} } } } } }`;
const nodeSaid = (connection: string, id: string, field: string) => (data: Data) =>
  nodeIn(data.community?.[connection], id)?.[field];

/** A community-level field: read it on the community, try the mutation it announces. */
const onCommunity =
  (field: string, write: string, vars: (cast: Cast) => Promise<Record<string, unknown>> | Record<string, unknown>) =>
  async (cast: Cast): Promise<Probe> => ({
    read: COMMUNITY(field),
    readVars: { slug: cast.community.slug },
    said: (data) => data.community?.[field],
    write,
    writeVars: await vars(cast),
  });

/** A membership-level field, on a fresh target membership in that role and status. */
const onMembership =
  (field: string, write: string, target: { role?: "MEMBER" | "FACILITATOR"; status?: "ACTIVE" | "PENDING" }) =>
  async (cast: Cast): Promise<Probe> => {
    const user = await buildUser(server.db);
    const m = await addMember(server.db, cast.community, user, target.role, target.status);
    const connection = target.status === "PENDING" ? "pendingMembers" : "members";
    return {
      read: MEMBERS(connection, field),
      readVars: { slug: cast.community.slug },
      said: nodeSaid(connection, m.id, field),
      write,
      writeVars: { id: m.id },
    };
  };

/** The viewer's own membership as the target (removing yourself is `leave`). */
const onOwnMembership =
  (field: string, write: string) =>
  async (cast: Cast, who: Who): Promise<Probe> => {
    const m = who === "anonymous" || who === "admin" || who === "outsider" ? null : await membershipOf(cast, cast[who]);
    const connection = m?.status === "PENDING" ? "pendingMembers" : "members";
    const id = m?.id ?? "00000000-0000-0000-0000-000000000000";
    return {
      read: MEMBERS(connection, field),
      readVars: { slug: cast.community.slug },
      said: nodeSaid(connection, id, field),
      write,
      writeVars: { id },
    };
  };

const APPROVE = `mutation($id: ID!) { approveMembership(membershipId: $id) { id } }`;
const REJECT = `mutation($id: ID!) { rejectMembership(membershipId: $id) }`;
const REMOVE = `mutation($id: ID!) { removeMember(membershipId: $id) }`;
const TO_FACILITATOR = `mutation($id: ID!) { setMembershipRole(membershipId: $id, role: FACILITATOR) { id } }`;
const TO_MEMBER = `mutation($id: ID!) { setMembershipRole(membershipId: $id, role: MEMBER) { id } }`;

const MODERATORS: Who[] = ["facilitator", "admin"];
const ACTIVE: Who[] = ["member", "otherMember", "facilitator"];

const table: [string, (cast: Cast, who: Who) => Promise<Probe>, Who[]][] = [
  [
    "Community.viewerCanRead, MEMBERS ↔ reading its threads",
    async (cast) => {
      await server.db.update(communities).set({ visibility: "MEMBERS" }).where(eq(communities.id, cast.community.id));
      return onCommunity(
        "viewerCanRead",
        `query($slug: String!) { community(slug: $slug) { threads(first: 1) { totalCount } } }`,
        (c) => ({ slug: c.community.slug }),
      )(cast);
    },
    ["member", "otherMember", "facilitator", "admin"],
  ],
  [
    "Community.viewerCanRead, PUBLIC ↔ reading its threads",
    onCommunity(
      "viewerCanRead",
      `query($slug: String!) { community(slug: $slug) { threads(first: 1) { totalCount } } }`,
      (c) => ({ slug: c.community.slug }),
    ),
    [...VIEWERS],
  ],
  [
    "Community.viewerCanModerate ↔ approveMembership",
    async (cast) => {
      const m = await addMember(server.db, cast.community, await buildUser(server.db), "MEMBER", "PENDING");
      return onCommunity("viewerCanModerate", APPROVE, () => ({ id: m.id }))(cast);
    },
    MODERATORS,
  ],
  [
    "Community.viewerCanCurate ↔ decideResource",
    async (cast) => {
      const r = await buildResource(server.db, cast.community, cast.member);
      return onCommunity(
        "viewerCanCurate",
        `mutation($i: DecideResourceInput!) { decideResource(input: $i) { id } }`,
        () => ({ i: { resourceId: r.id, decision: "PUBLISH" } }),
      )(cast);
    },
    MODERATORS,
  ],
  [
    "Community.viewerCanCreateThread ↔ createThread",
    onCommunity(
      "viewerCanCreateThread",
      `mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`,
      (c) => ({
        i: { communityId: c.community.id, title: "A question", body: "What do you think?" },
      }),
    ),
    ACTIVE,
  ],
  [
    "Community.viewerCanProposeResource ↔ proposeResource",
    onCommunity(
      "viewerCanProposeResource",
      `mutation($i: ProposeResourceInput!) { proposeResource(input: $i) { id } }`,
      (c) => ({
        i: {
          communityId: c.community.id,
          title: "A guide",
          summary: "What it covers.",
          kind: "GUIDE",
          language: "en",
          url: "https://example.org/guide",
        },
      }),
    ),
    ACTIVE,
  ],
  [
    "Community.viewerCanCreateDeliverable ↔ createDeliverable",
    onCommunity(
      "viewerCanCreateDeliverable",
      `mutation($i: CreateDeliverableInput!) { createDeliverable(input: $i) { id } }`,
      (c) => ({ i: { communityId: c.community.id, title: "A manifesto" } }),
    ),
    ACTIVE,
  ],
  [
    "Community.viewerCanCreateLearningPath ↔ createLearningPath",
    onCommunity(
      "viewerCanCreateLearningPath",
      `mutation($i: CreateLearningPathInput!) { createLearningPath(input: $i) { id } }`,
      (c) => ({ i: { communityId: c.community.id, title: "First steps" } }),
    ),
    MODERATORS,
  ],
  [
    "Membership.viewerCanApprove ↔ approveMembership",
    onMembership("viewerCanApprove", APPROVE, { status: "PENDING" }),
    MODERATORS,
  ],
  [
    "Membership.viewerCanApprove ↔ rejectMembership",
    onMembership("viewerCanApprove", REJECT, { status: "PENDING" }),
    MODERATORS,
  ],
  [
    "Membership.viewerCanApprove, decided already ↔ approveMembership",
    onMembership("viewerCanApprove", APPROVE, {}),
    [],
  ],
  ["Membership.viewerCanRemove, a member ↔ removeMember", onMembership("viewerCanRemove", REMOVE, {}), MODERATORS],
  [
    "Membership.viewerCanRemove, a facilitator ↔ removeMember",
    onMembership("viewerCanRemove", REMOVE, { role: "FACILITATOR" }),
    ["admin"],
  ],
  [
    "Membership.viewerCanRemove, an applicant ↔ removeMember",
    onMembership("viewerCanRemove", REMOVE, { status: "PENDING" }),
    MODERATORS,
  ],
  ["Membership.viewerCanRemove, their own ↔ removeMember", onOwnMembership("viewerCanRemove", REMOVE), []],
  [
    "Membership.viewerCanChangeRole, a member ↔ setMembershipRole",
    onMembership("viewerCanChangeRole", TO_FACILITATOR, {}),
    ["admin"],
  ],
  [
    "Membership.viewerCanChangeRole, a facilitator ↔ setMembershipRole",
    onMembership("viewerCanChangeRole", TO_MEMBER, { role: "FACILITATOR" }),
    ["admin"],
  ],
  [
    "Membership.viewerCanChangeRole, an applicant ↔ setMembershipRole",
    onMembership("viewerCanChangeRole", TO_FACILITATOR, { status: "PENDING" }),
    [],
  ],
];

describe.each(table)("%s", (_, probeFor, allowed) => {
  it.each(VIEWERS)("as %s", async (who) => {
    const cast = await buildCast(server.db, { joinPolicy: "APPROVAL", coFacilitator: true });
    const probe = await probeFor(cast, who);
    await expectAgreement(server, who === "anonymous" ? undefined : cast[who].token, probe, allowed.includes(who));
  });
});

describe("the membership fields cost no query per row", () => {
  it("a page of 3 members and one of 12 take the same statements", async () => {
    const statementsFor = async (n: number) => {
      const cast = await buildCast(server.db, { joinPolicy: "APPROVAL", coFacilitator: true });
      for (let i = 0; i < n; i++) await addMember(server.db, cast.community, await buildUser(server.db));
      const start = server.statements.length;
      const res = await gql(
        server.url,
        `query($slug: String!) { community(slug: $slug) { viewerCanModerate viewerCanCreateThread
          members(first: 50) { edges { node { id viewerCanRemove viewerCanChangeRole viewerCanApprove } } } } }`,
        { slug: cast.community.slug },
        { token: cast.facilitator.token },
      );
      expect(res.errors).toBeUndefined();
      return server.statements.length - start;
    };
    expect(await statementsFor(12)).toBe(await statementsFor(3));
  });
});
