import { type CommunityRow, notifications, resourceDecisions, resources } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { addMember, buildCommunity, buildResource, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { collect } from "../live.js";

const PROPOSE = `mutation($i: ProposeResourceInput!) { proposeResource(input: $i) { id status title url host kind language tags proposer { id } } }`;
const DECIDE = `mutation($i: DecideResourceInput!) { decideResource(input: $i) { id status } }`;
const EDIT = `mutation($i: EditResourceInput!) { editResource(input: $i) { id status title } }`;
const RESOURCE = `query($id: ID!) { resource(id: $id) { id status decisions { decision fromStatus toStatus reason actor { id } } } }`;

const server = useTestServer();
let community: CommunityRow;
let proposer: TestUser;
let member: TestUser;
let facilitator: TestUser;
let admin: TestUser;
let outsider: TestUser;
beforeAll(async () => {
  community = await buildCommunity(server.db);
  [proposer, member, facilitator, outsider] = [
    await buildUser(server.db),
    await buildUser(server.db),
    await buildUser(server.db),
    await buildUser(server.db),
  ];
  admin = await buildUser(server.db, { role: "ADMIN" });
  await addMember(server.db, community, proposer);
  await addMember(server.db, community, member);
  await addMember(server.db, community, facilitator, "FACILITATOR");
});

const validInput = () => ({
  communityId: community.id,
  title: "Impact report template",
  summary: "A template for the annual impact report of a benefit corporation.",
  body: "## How to use it\n\nFill in each section.",
  url: "https://example.org/template.docx",
  kind: "TEMPLATE",
  language: "en",
  tags: ["Impact-Report", "template"],
});
const resourceCount = async () => (await server.db.select({ n: sql<number>`count(*)::int` }).from(resources))[0]?.n;
const statusOf = async (id: string) =>
  (await server.db.select().from(resources).where(eq(resources.id, id)))[0]?.status;

describe("proposeResource", () => {
  it("an active member proposes: PROPOSED, link shown with its host, tags normalised", async () => {
    const res = await gql(server.url, PROPOSE, { i: validInput() }, { token: proposer.token });
    expect(res.data?.proposeResource).toMatchObject({
      status: "PROPOSED",
      host: "example.org",
      tags: ["impact-report", "template"],
      proposer: { id: proposer.id },
    });
  });

  it.each([
    ["UNAUTHENTICATED", undefined],
    ["FORBIDDEN", "outsider"],
  ])("refuses %s callers and creates nothing", async (code, who) => {
    const before = await resourceCount();
    const token = who === "outsider" ? outsider.token : undefined;
    expect(errorCode(await gql(server.url, PROPOSE, { i: validInput() }, { token }))).toBe(code);
    expect(await resourceCount()).toBe(before);
  });

  it.each([
    ["url", { url: "javascript:alert(1)" }],
    ["url", { url: "ftp://example.org/file" }],
    ["url", { url: "not a url" }],
    ["title", { title: "x".repeat(201) }],
    ["summary", { summary: "short" }],
    ["tags", { tags: Array.from({ length: 9 }, (_, i) => `t${i}`) }],
    ["body", { body: "x".repeat(50_001) }],
  ])("refuses a bad %s with BAD_USER_INPUT and creates nothing", async (field, change) => {
    const before = await resourceCount();
    const res = await gql(server.url, PROPOSE, { i: { ...validInput(), ...change } }, { token: proposer.token });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(await resourceCount()).toBe(before);
  });

  it("refuses an unknown kind", async () => {
    expect(
      errorCode(await gql(server.url, PROPOSE, { i: { ...validInput(), kind: "PODCAST" } }, { token: proposer.token })),
    ).toBe("BAD_USER_INPUT");
  });
});

describe("the curation workflow", () => {
  // decision × starting status → resulting status, or CONFLICT.
  const MATRIX: [string, string, string][] = [
    ["PUBLISH", "PROPOSED", "PUBLISHED"],
    ["FEATURE", "PROPOSED", "FEATURED"],
    ["REQUEST_CHANGES", "PROPOSED", "CHANGES_REQUESTED"],
    ["REJECT", "PROPOSED", "REJECTED"],
    ["ARCHIVE", "PROPOSED", "CONFLICT"],
    ["PUBLISH", "CHANGES_REQUESTED", "PUBLISHED"],
    ["REJECT", "CHANGES_REQUESTED", "REJECTED"],
    ["FEATURE", "PUBLISHED", "FEATURED"],
    ["ARCHIVE", "PUBLISHED", "ARCHIVED"],
    ["REQUEST_CHANGES", "PUBLISHED", "CONFLICT"],
    ["UNFEATURE", "FEATURED", "PUBLISHED"],
    ["ARCHIVE", "FEATURED", "ARCHIVED"],
    ["PUBLISH", "ARCHIVED", "PUBLISHED"],
    ["PUBLISH", "REJECTED", "CONFLICT"],
    ["FEATURE", "REJECTED", "CONFLICT"],
    ["UNFEATURE", "PUBLISHED", "CONFLICT"],
  ];
  it.each(MATRIX)("%s on a %s resource → %s", async (decision, from, expected) => {
    const r = await buildResource(server.db, community, proposer, { status: from as "PROPOSED" });
    const res = await gql(
      server.url,
      DECIDE,
      { i: { resourceId: r.id, decision, reason: "Because." } },
      { token: facilitator.token },
    );
    if (expected === "CONFLICT") {
      expect(errorCode(res)).toBe("CONFLICT");
      expect(await statusOf(r.id)).toBe(from);
    } else {
      expect(res.data?.decideResource.status).toBe(expected);
    }
  });

  it.each(["member", "proposer", "outsider", "anonymous"] as const)(
    "a %s cannot decide; nothing changes",
    async (who) => {
      const r = await buildResource(server.db, community, proposer);
      const token = { member: member.token, proposer: proposer.token, outsider: outsider.token, anonymous: undefined }[
        who
      ];
      const res = await gql(server.url, DECIDE, { i: { resourceId: r.id, decision: "PUBLISH" } }, { token });
      // Unpublished material does not exist for anyone but its proposer and the curators.
      expect(errorCode(res)).toBe(
        who === "anonymous" ? "UNAUTHENTICATED" : who === "proposer" ? "FORBIDDEN" : "NOT_FOUND",
      );
      expect(await statusOf(r.id)).toBe("PROPOSED");
    },
  );

  it("an admin may curate", async () => {
    const r = await buildResource(server.db, community, proposer);
    expect(
      (await gql(server.url, DECIDE, { i: { resourceId: r.id, decision: "PUBLISH" } }, { token: admin.token })).data
        ?.decideResource.status,
    ).toBe("PUBLISHED");
  });

  it("asking for changes or rejecting needs a reason", async () => {
    const r = await buildResource(server.db, community, proposer);
    for (const decision of ["REQUEST_CHANGES", "REJECT"]) {
      const res = await gql(server.url, DECIDE, { i: { resourceId: r.id, decision } }, { token: facilitator.token });
      expect(errorCode(res)).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.extensions?.field).toBe("reason");
    }
    expect(await statusOf(r.id)).toBe("PROPOSED");
  });

  it("keeps every decision with who, when and why; the proposer sees it and is notified", async () => {
    const r = await buildResource(server.db, community, proposer);
    await gql(
      server.url,
      DECIDE,
      { i: { resourceId: r.id, decision: "REQUEST_CHANGES", reason: "Add the Italian version" } },
      { token: facilitator.token },
    );
    // The proposer edits, which resubmits it.
    const edited = await gql(
      server.url,
      EDIT,
      { i: { resourceId: r.id, title: "Impact report template (IT/EN)" } },
      { token: proposer.token },
    );
    expect(edited.data?.editResource).toMatchObject({ status: "PROPOSED", title: "Impact report template (IT/EN)" });
    await gql(server.url, DECIDE, { i: { resourceId: r.id, decision: "PUBLISH" } }, { token: facilitator.token });
    const seen = await gql(server.url, RESOURCE, { id: r.id }, { token: proposer.token });
    expect(seen.data?.resource.decisions).toEqual([
      {
        decision: "REQUEST_CHANGES",
        fromStatus: "PROPOSED",
        toStatus: "CHANGES_REQUESTED",
        reason: "Add the Italian version",
        actor: { id: facilitator.id },
      },
      {
        decision: "RESUBMIT",
        fromStatus: "CHANGES_REQUESTED",
        toStatus: "PROPOSED",
        reason: null,
        actor: { id: proposer.id },
      },
      {
        decision: "PUBLISH",
        fromStatus: "PROPOSED",
        toStatus: "PUBLISHED",
        reason: null,
        actor: { id: facilitator.id },
      },
    ]);
    const rows = await server.db.select().from(resourceDecisions).where(eq(resourceDecisions.resourceId, r.id));
    expect(rows.every((d) => d.actorId && d.createdAt)).toBe(true);
    const told = await server.db.select().from(notifications).where(eq(notifications.resourceId, r.id));
    expect(told.map((n) => [n.userId, n.kind])).toEqual([
      [proposer.id, "RESOURCE_DECIDED"],
      [proposer.id, "RESOURCE_DECIDED"],
    ]);
    const listed = await gql(
      server.url,
      `{ notifications { edges { node { kind excerpt resource { id } community { id } } } } }`,
      {},
      { token: proposer.token },
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.notifications.edges[0].node).toMatchObject({
      kind: "RESOURCE_DECIDED",
      resource: { id: r.id },
      community: { id: community.id },
    });
    // Others do not see the curation history.
    expect((await gql(server.url, RESOURCE, { id: r.id }, { token: member.token })).data?.resource.decisions).toEqual(
      [],
    );
  });

  it("the proposer edits only while PROPOSED or CHANGES_REQUESTED; nobody else edits", async () => {
    const r = await buildResource(server.db, community, proposer);
    expect(
      errorCode(await gql(server.url, EDIT, { i: { resourceId: r.id, title: "Mine now" } }, { token: member.token })),
    ).toBe("NOT_FOUND");
    expect(
      errorCode(
        await gql(server.url, EDIT, { i: { resourceId: r.id, title: "Mine now" } }, { token: facilitator.token }),
      ),
    ).toBe("FORBIDDEN");
    await gql(server.url, DECIDE, { i: { resourceId: r.id, decision: "PUBLISH" } }, { token: facilitator.token });
    expect(
      errorCode(
        await gql(server.url, EDIT, { i: { resourceId: r.id, title: "Late change" } }, { token: proposer.token }),
      ),
    ).toBe("CONFLICT");
    expect(
      errorCode(
        await gql(server.url, EDIT, { i: { resourceId: r.id, url: "javascript:x" } }, { token: proposer.token }),
      ),
    ).toBe("BAD_USER_INPUT");
  });

  it("unpublished material is invisible to other members (NOT_FOUND), visible to the proposer and facilitators", async () => {
    const r = await buildResource(server.db, community, proposer);
    expect(errorCode(await gql(server.url, RESOURCE, { id: r.id }, { token: member.token }))).toBe("NOT_FOUND");
    expect((await gql(server.url, RESOURCE, { id: r.id }, { token: proposer.token })).data?.resource.id).toBe(r.id);
    expect((await gql(server.url, RESOURCE, { id: r.id }, { token: facilitator.token })).data?.resource.id).toBe(r.id);
  });

  it("announces a publication live on communityEvents", async () => {
    const r = await buildResource(server.db, community, proposer);
    const socket = server.socketFor(member);
    const joined = server.subscribed("community", community.id);
    const sub = collect<{ communityEvents: { __typename: string; resource?: { id: string; status: string } } }>(
      socket,
      `subscription($id: ID!) { communityEvents(communityId: $id) { __typename ... on ResourcePublished { resource { id status } } } }`,
      { id: community.id },
    );
    await joined;
    await gql(server.url, DECIDE, { i: { resourceId: r.id, decision: "FEATURE" } }, { token: facilitator.token });
    await sub.until((d) => d.length >= 1);
    expect(sub.data[0]?.communityEvents).toEqual({
      __typename: "ResourcePublished",
      resource: { id: r.id, status: "FEATURED" },
    });
    sub.stop();
    await socket.dispose();
  });
});
