import type { CommunityRow } from "@pratica/db";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, type GqlResult, gql } from "../client.js";
import { addMember, buildCommunity, buildPost, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { buildCase, buildLogEntry } from "./case-factory.js";

const FULL = `query($id: ID!, $first: Int, $after: String) { communityModerationLog(communityId: $id, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id at step targetKind reason actor { id } note before after caseId } } } }`;
const PUBLIC = `query($id: ID!, $first: Int, $after: String) { publicModerationLog(communityId: $id, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id at step targetKind reason actor { id } note before after caseId } } } }`;

const server = useTestServer();
const MINUTE = 60 * 1000;

let admin: TestUser;
let facilitator: TestUser;
let member: TestUser;
let author: TestUser;
let reporter: TestUser;
let outsider: TestUser;
let community: CommunityRow;
let closed: CommunityRow;
let caseId: string;

// biome-ignore lint/suspicious/noExplicitAny: the shapes asked for just above
const nodes = (res: GqlResult, field: string): any[] => {
  expect(res.errors).toBeUndefined();
  return res.data?.[field].edges.map((e: { node: unknown }) => e.node);
};

beforeAll(async () => {
  [admin, facilitator, member, author, reporter, outsider] = await Promise.all([
    buildUser(server.db, { role: "ADMIN" }),
    buildUser(server.db),
    buildUser(server.db),
    buildUser(server.db),
    buildUser(server.db),
    buildUser(server.db),
  ]);
  community = await buildCommunity(server.db);
  closed = await buildCommunity(server.db, { visibility: "MEMBERS" });
  for (const c of [community, closed]) {
    await addMember(server.db, c, facilitator, "FACILITATOR");
    for (const u of [member, author, reporter]) await addMember(server.db, c, u);
  }
  const post = await buildPost(server.db, await buildThread(server.db, community, author), author);
  const c = await buildCase(server.db, {
    kind: "POST",
    targetId: post.id,
    authorId: author.id,
    communityId: community.id,
    reporters: [{ id: reporter.id, reason: "OFFENSIVE" }],
  });
  caseId = c.id;
  // The steps of one case as mod-core's services write them, a minute apart.
  const at = (i: number) => new Date(Date.UTC(2026, 11, 1, 9, 0) + i * MINUTE);
  const entry = (i: number, action: string, extra: Partial<Parameters<typeof buildLogEntry>[1]> = {}) =>
    buildLogEntry(server.db, {
      communityId: community.id,
      caseId,
      action,
      actorId: null,
      targetKind: "post",
      targetId: post.id,
      createdAt: at(i),
      ...extra,
    });
  await entry(0, "case.open", { after: { state: "OPEN", reason: "OFFENSIVE" } });
  await entry(1, "case.auto_hide", { before: { hidden: false, weight: 3 }, after: { hidden: true, threshold: 3 } });
  await entry(2, "case.hide", {
    actorId: facilitator.id,
    note: `reported by ${reporter.displayName}: insults`,
    before: { state: "OPEN", hidden: true },
    after: { state: "ACTIONED", hidden: true },
  });
  await entry(3, "case.warn", {
    actorId: facilitator.id,
    note: "second warning",
    before: { state: "OPEN", hidden: false },
    after: { state: "ACTIONED", hidden: false },
  });
  await entry(4, "case.restrict", {
    actorId: facilitator.id,
    note: "restricted",
    before: { state: "OPEN", hidden: false },
    after: { state: "ACTIONED", hidden: true },
  });
  await entry(5, "case.overturn", {
    actorId: admin.id,
    note: "too harsh",
    before: { state: "APPEALED", hidden: true },
    after: { state: "OVERTURNED", hidden: false },
  });
  // Another community's entry, and an admin action without a community: in no community's log.
  await entry(6, "case.hide", { communityId: closed.id, before: { hidden: false }, after: { hidden: true } });
  await buildLogEntry(server.db, {
    communityId: null,
    caseId: null,
    action: "community.archive",
    actorId: admin.id,
    targetKind: "community",
    targetId: community.id,
  });
});

describe("communityModerationLog", () => {
  it("refuses the anonymous, members, and another community's facilitator", async () => {
    expect(errorCode(await gql(server.url, FULL, { id: community.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(server.url, FULL, { id: community.id }, { token: member.token }))).toBe("FORBIDDEN");
    const elsewhere = await buildUser(server.db);
    await addMember(server.db, await buildCommunity(server.db), elsewhere, "FACILITATOR");
    expect(errorCode(await gql(server.url, FULL, { id: community.id }, { token: elsewhere.token }))).toBe("FORBIDDEN");
    expect(
      errorCode(await gql(server.url, FULL, { id: "00000000-0000-4000-8000-000000000000" }, { token: admin.token })),
    ).toBe("NOT_FOUND");
  });

  it("gives the facilitators and admins every step, newest first, in full", async () => {
    for (const reader of [facilitator, admin]) {
      const log = nodes(
        await gql(server.url, FULL, { id: community.id }, { token: reader.token }),
        "communityModerationLog",
      );
      expect(log.map((e) => e.step)).toEqual(["OVERTURN", "RESTRICT", "WARN", "HIDE", "AUTO_HIDE", "REPORT"]);
      expect(log[0]).toMatchObject({
        actor: { id: admin.id },
        note: "too harsh",
        caseId,
        targetKind: "POST",
        reason: "OFFENSIVE",
        before: { state: "APPEALED", hidden: true },
        after: { state: "OVERTURNED", hidden: false },
      });
      expect(log[4].actor).toBeNull();
    }
  });

  it("pages by keyset", async () => {
    const first = await gql(server.url, FULL, { id: community.id, first: 4 }, { token: facilitator.token });
    expect(first.data?.communityModerationLog.totalCount).toBe(6);
    const rest = await gql(
      server.url,
      FULL,
      { id: community.id, first: 4, after: first.data?.communityModerationLog.pageInfo.endCursor },
      { token: facilitator.token },
    );
    expect(nodes(rest, "communityModerationLog").map((e) => e.step)).toEqual(["AUTO_HIDE", "REPORT"]);
    expect(rest.data?.communityModerationLog.pageInfo.hasNextPage).toBe(false);
    expect(errorCode(await gql(server.url, FULL, { id: community.id, after: "x" }, { token: admin.token }))).toBe(
      "BAD_USER_INPUT",
    );
  });
});

describe("publicModerationLog", () => {
  it("shows anyone who reads the community what was hidden and shown again, and why, nothing more", async () => {
    for (const reader of [undefined, outsider, member]) {
      const res = await gql(server.url, PUBLIC, { id: community.id }, { token: reader?.token });
      const log = nodes(res, "publicModerationLog");
      // The warning hid nothing and the report is no decision: neither shows. The restriction shows as the hiding it was.
      expect(log.map((e) => e.step)).toEqual(["OVERTURN", "HIDE", "HIDE", "AUTO_HIDE"]);
      expect(res.data?.publicModerationLog.totalCount).toBe(4);
      for (const e of log) {
        expect(e).toMatchObject({ targetKind: "POST", reason: "OFFENSIVE", actor: null, note: null, before: null });
        expect(e.after).toBeNull();
        expect(e.caseId).toBeNull();
      }
      expect(JSON.stringify(res.data)).not.toContain(reporter.displayName);
      expect(JSON.stringify(res.data)).not.toContain(facilitator.id);
    }
  });

  it("is closed to those who may not read the community", async () => {
    expect(errorCode(await gql(server.url, PUBLIC, { id: closed.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(server.url, PUBLIC, { id: closed.id }, { token: outsider.token }))).toBe("FORBIDDEN");
    expect(
      nodes(await gql(server.url, PUBLIC, { id: closed.id }, { token: member.token }), "publicModerationLog"),
    ).toHaveLength(1);
  });
});
