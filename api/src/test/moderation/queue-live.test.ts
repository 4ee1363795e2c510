import type { CommunityRow, ModerationCaseRow } from "@pratica/db";
import { beforeAll, describe, expect, it } from "vitest";
import { publishCaseChanged } from "../../modules/moderation/moderation.topics.js";
import { gql } from "../client.js";
import { addMember, buildCommunity, buildPost, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { collect } from "../live.js";
import { buildCase } from "./case-factory.js";

const EVENTS = `subscription($id: ID) { moderationQueueEvents(communityId: $id) {
  __typename ... on CaseChanged { case { id state targetExcerpt reports { id } } } } }`;
type Event = {
  moderationQueueEvents: { __typename: string; case: { id: string; state: string; targetExcerpt: string } };
};

const server = useTestServer();

let admin: TestUser;
let facilitator: TestUser;
let member: TestUser;
let author: TestUser;
let reporter: TestUser;
let otherFacilitator: TestUser;
let community: CommunityRow;
let other: CommunityRow;

/** A case opened in `c` and published as mod-core's writes publish it, after their commit. */
async function openCase(c: CommunityRow | null, by: TestUser = author): Promise<ModerationCaseRow> {
  const target = c ? (await buildPost(server.db, await buildThread(server.db, c, by), by, "Rude words")).id : by.id;
  const row = await buildCase(server.db, {
    kind: c ? "POST" : "USER",
    targetId: target,
    authorId: by.id,
    communityId: c?.id ?? null,
    reporters: [{ id: reporter.id, reason: "OFFENSIVE" }],
  });
  publishCaseChanged(server.bus, row);
  return row;
}

const caseIds = (data: Event[]) => data.map((d) => d.moderationQueueEvents.case.id);

beforeAll(async () => {
  [admin, facilitator, member, author, reporter, otherFacilitator] = await Promise.all([
    buildUser(server.db, { role: "ADMIN" }),
    buildUser(server.db),
    buildUser(server.db),
    buildUser(server.db),
    buildUser(server.db),
    buildUser(server.db),
  ]);
  [community, other] = [await buildCommunity(server.db), await buildCommunity(server.db)];
  await addMember(server.db, community, facilitator, "FACILITATOR");
  await addMember(server.db, other, otherFacilitator, "FACILITATOR");
  for (const c of [community, other]) {
    for (const u of [member, author, reporter]) await addMember(server.db, c, u);
  }
});

describe("moderationQueueEvents", () => {
  it("tells a community's facilitator of its cases, with the case as they may read it", async () => {
    const socket = server.socketFor(facilitator);
    const joined = server.subscribed("moderation", community.id);
    const sub = collect<Event>(socket, EVENTS, { id: community.id });
    await joined;
    const opened = await openCase(community);
    const [event] = await sub.until((d) => d.length >= 1);
    expect(event?.moderationQueueEvents).toMatchObject({
      __typename: "CaseChanged",
      case: { id: opened.id, state: "OPEN", targetExcerpt: "Rude words" },
    });
    sub.stop();
  });

  it("refuses the anonymous, a member, a facilitator without a community, and another community's facilitator", async () => {
    const refusals: [TestUser | undefined, string | null, string][] = [
      [undefined, community.id, "UNAUTHENTICATED"],
      [member, community.id, "FORBIDDEN"],
      [facilitator, null, "FORBIDDEN"],
      [otherFacilitator, community.id, "FORBIDDEN"],
    ];
    for (const [user, id, code] of refusals) {
      const sub = collect<Event>(server.socketFor(user), EVENTS, { id });
      await sub.done;
      expect(sub.results[0]?.errors?.[0]?.extensions?.code).toBe(code);
    }
  });

  it("tells another community's facilitator nothing of this one", async () => {
    const socket = server.socketFor(otherFacilitator);
    const joined = server.subscribed("moderation", other.id);
    const sub = collect<Event>(socket, EVENTS, { id: other.id });
    await joined;
    await openCase(community);
    const theirs = await openCase(other);
    // Their own case arrives; had this community's been delivered, it would have come first.
    expect(caseIds(await sub.until((d) => d.length >= 1))).toEqual([theirs.id]);
    sub.stop();
  });

  it("tells no facilitator of a case about their own content", async () => {
    const socket = server.socketFor(facilitator);
    const joined = server.subscribed("moderation", community.id);
    const sub = collect<Event>(socket, EVENTS, { id: community.id });
    await joined;
    await openCase(community, facilitator);
    const next = await openCase(community);
    // Had their own case been announced, it would have come first.
    expect(caseIds(await sub.until((d) => d.length >= 1))).toEqual([next.id]);
    sub.stop();
  });

  it("tells an admin with no community of every case, the profiles' included", async () => {
    const socket = server.socketFor(admin);
    const joined = server.subscribed("moderation", "all");
    const sub = collect<Event>(socket, EVENTS, { id: null });
    await joined;
    const made = [await openCase(community), await openCase(other), await openCase(null)];
    expect(caseIds(await sub.until((d) => d.length >= 3))).toEqual(made.map((c) => c.id));
    sub.stop();
  });

  it("stops at once for a facilitator who stepped down", async () => {
    const stepping = await buildUser(server.db);
    const membership = await addMember(server.db, community, stepping, "FACILITATOR");
    const socket = server.socketFor(stepping);
    const joined = server.subscribed("moderation", community.id);
    const sub = collect<Event>(socket, EVENTS, { id: community.id });
    await joined;
    const before = await openCase(community);
    await sub.until((d) => d.length >= 1);
    const stepped = await gql(
      server.url,
      `mutation($id: ID!) { setMembershipRole(membershipId: $id, role: MEMBER) { role } }`,
      { id: membership.id },
      { token: admin.token },
    );
    expect(stepped.errors).toBeUndefined();
    await sub.done;
    await openCase(community);
    expect(caseIds(sub.data)).toEqual([before.id]);
    expect(sub.results.at(-1)?.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
