import type { CommunityRow, ModerationCaseRow } from "@pratica/db";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, type GqlResult, gql } from "../client.js";
import { addMember, buildCommunity, buildPost, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { buildAppeal, buildCase } from "./case-factory.js";

const QUEUE = `query($first: Int, $after: String, $communityId: ID, $reason: ReportReason, $state: CaseState,
  $olderThanHours: Int, $newestFirst: Boolean) {
  moderationQueue(first: $first, after: $after, communityId: $communityId, reason: $reason, state: $state,
    olderThanHours: $olderThanHours, newestFirst: $newestFirst) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id state reason } } } }`;

const server = useTestServer();
const HOUR = 60 * 60 * 1000;

let admin: TestUser;
let facilitator: TestUser;
let member: TestUser;
let author: TestUser;
let reporter: TestUser;
let home: CommunityRow;
let elsewhere: CommunityRow;

const ids = (res: GqlResult): string[] => {
  expect(res.errors).toBeUndefined();
  return res.data?.moderationQueue.edges.map((e: { node: { id: string } }) => e.node.id) ?? [];
};

/** A case on a fresh post in `community`, opened `hoursAgo` ago. */
async function caseIn(
  community: CommunityRow,
  options: Partial<Parameters<typeof buildCase>[1]> & { hoursAgo?: number; by?: TestUser } = {},
): Promise<ModerationCaseRow> {
  const by = options.by ?? author;
  const thread = await buildThread(server.db, community, by);
  const post = await buildPost(server.db, thread, by, "Buy cheap watches at example.com");
  return buildCase(server.db, {
    kind: "POST",
    targetId: post.id,
    authorId: by.id,
    communityId: community.id,
    reporters: [{ id: reporter.id }],
    createdAt: new Date(Date.now() - (options.hoursAgo ?? 0) * HOUR),
    ...options,
  });
}

beforeAll(async () => {
  [admin, facilitator, member, author, reporter] = await Promise.all([
    buildUser(server.db, { role: "ADMIN" }),
    buildUser(server.db),
    buildUser(server.db),
    buildUser(server.db),
    buildUser(server.db),
  ]);
  [home, elsewhere] = [await buildCommunity(server.db), await buildCommunity(server.db)];
  await addMember(server.db, home, facilitator, "FACILITATOR");
  for (const c of [home, elsewhere]) {
    await addMember(server.db, c, member);
    await addMember(server.db, c, author);
    await addMember(server.db, c, reporter);
  }
});

describe("moderationQueue: who may read it", () => {
  it("refuses the anonymous, members, and a community one does not moderate", async () => {
    expect(errorCode(await gql(server.url, QUEUE, {}))).toBe("UNAUTHENTICATED");
    expect(errorCode(await gql(server.url, QUEUE, {}, { token: member.token }))).toBe("FORBIDDEN");
    // A reporter is no moderator either.
    expect(errorCode(await gql(server.url, QUEUE, {}, { token: reporter.token }))).toBe("FORBIDDEN");
    expect(errorCode(await gql(server.url, QUEUE, { communityId: elsewhere.id }, { token: facilitator.token }))).toBe(
      "FORBIDDEN",
    );
    // A pending facilitator membership moderates nothing.
    const pending = await buildUser(server.db);
    await addMember(server.db, home, pending, "FACILITATOR", "PENDING");
    expect(errorCode(await gql(server.url, QUEUE, {}, { token: pending.token }))).toBe("FORBIDDEN");
  });

  it("refuses bad arguments with the field named", async () => {
    const bad = async (vars: Record<string, unknown>, field: string) => {
      const res = await gql(server.url, QUEUE, vars, { token: facilitator.token });
      expect(errorCode(res)).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.extensions?.field).toBe(field);
    };
    await bad({ first: 101 }, "first");
    await bad({ first: 0 }, "first");
    await bad({ after: "forged" }, "after");
    await bad({ olderThanHours: -1 }, "olderThanHours");
    await bad({ olderThanHours: 100_000 }, "olderThanHours");
    // An id that is no id names nothing (the server's rule for every ID argument).
    expect(errorCode(await gql(server.url, QUEUE, { communityId: "not-an-id" }, { token: facilitator.token }))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("moderationQueue: what it holds", () => {
  it("shows a facilitator what awaits a decision in their communities only, oldest first", async () => {
    const c = await buildCommunity(server.db);
    const f = await buildUser(server.db);
    await addMember(server.db, c, f, "FACILITATOR");
    const open = await caseIn(c, { hoursAgo: 3 });
    const appealed = await caseIn(c, {
      hoursAgo: 2,
      state: "APPEALED",
      decision: { action: "HIDE", by: admin.id, message: "Spam" },
    });
    await buildAppeal(server.db, appealed);
    await caseIn(c, { hoursAgo: 1, state: "DISMISSED", decision: { action: "DISMISS", by: admin.id } });
    const actioned = await caseIn(c, { hoursAgo: 1, state: "ACTIONED", decision: { action: "HIDE", by: admin.id } });
    await caseIn(elsewhere, { hoursAgo: 4 });

    const res = await gql(server.url, QUEUE, {}, { token: f.token });
    expect(ids(res)).toEqual([open.id, appealed.id]);
    expect(res.data?.moderationQueue.totalCount).toBe(2);
    expect(ids(await gql(server.url, QUEUE, { communityId: c.id }, { token: f.token }))).toEqual([
      open.id,
      appealed.id,
    ]);
    expect(ids(await gql(server.url, QUEUE, { state: "ACTIONED" }, { token: f.token }))).toEqual([actioned.id]);
    expect(ids(await gql(server.url, QUEUE, { newestFirst: true }, { token: f.token }))).toEqual([
      appealed.id,
      open.id,
    ]);
  });

  it("filters by reason and by age", async () => {
    const c = await buildCommunity(server.db);
    const f = await buildUser(server.db);
    await addMember(server.db, c, f, "FACILITATOR");
    const old = await caseIn(c, { hoursAgo: 48, reporters: [{ id: reporter.id, reason: "OFFENSIVE" }] });
    const recent = await caseIn(c, { hoursAgo: 1, reporters: [{ id: reporter.id, reason: "SPAM" }] });
    expect(ids(await gql(server.url, QUEUE, { reason: "OFFENSIVE" }, { token: f.token }))).toEqual([old.id]);
    expect(ids(await gql(server.url, QUEUE, { reason: "SPAM" }, { token: f.token }))).toEqual([recent.id]);
    expect(ids(await gql(server.url, QUEUE, { olderThanHours: 24 }, { token: f.token }))).toEqual([old.id]);
    expect(ids(await gql(server.url, QUEUE, { olderThanHours: 0 }, { token: f.token }))).toEqual([old.id, recent.id]);
    expect(ids(await gql(server.url, QUEUE, { olderThanHours: 72 }, { token: f.token }))).toEqual([]);
  });

  it("pages by keyset, with the total on every page", async () => {
    const c = await buildCommunity(server.db);
    const f = await buildUser(server.db);
    await addMember(server.db, c, f, "FACILITATOR");
    const made: string[] = [];
    for (let i = 5; i > 0; i--) made.push((await caseIn(c, { hoursAgo: i })).id);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GqlResult = await gql(server.url, QUEUE, { first: 2, after }, { token: f.token });
      seen.push(...ids(res));
      expect(res.data?.moderationQueue.totalCount).toBe(5);
      if (!res.data?.moderationQueue.pageInfo.hasNextPage) break;
      after = res.data.moderationQueue.pageInfo.endCursor;
    }
    expect(seen).toEqual(made);
    const newest = await gql(server.url, QUEUE, { first: 2, newestFirst: true }, { token: f.token });
    const rest = await gql(
      server.url,
      QUEUE,
      { first: 10, newestFirst: true, after: newest.data?.moderationQueue.pageInfo.endCursor },
      { token: f.token },
    );
    expect([...ids(newest), ...ids(rest)]).toEqual([...made].reverse());
  });

  it("never shows moderators a case about their own content", async () => {
    const c = await buildCommunity(server.db);
    const f = await buildUser(server.db);
    const other = await buildUser(server.db);
    await addMember(server.db, c, f, "FACILITATOR");
    await addMember(server.db, c, other, "FACILITATOR");
    const own = await caseIn(c, { by: f });
    expect(ids(await gql(server.url, QUEUE, {}, { token: f.token }))).toEqual([]);
    expect(ids(await gql(server.url, QUEUE, {}, { token: other.token }))).toEqual([own.id]);
  });

  it("shows admins every community's cases and the profiles' cases, or one community's", async () => {
    const profile = await buildCase(server.db, {
      kind: "USER",
      targetId: author.id,
      authorId: author.id,
      communityId: null,
      reporters: [{ id: reporter.id, reason: "OFFENSIVE" }],
    });
    const inHome = await caseIn(home);
    const inElsewhere = await caseIn(elsewhere);
    const all = ids(await gql(server.url, QUEUE, { first: 100 }, { token: admin.token }));
    expect(all).toEqual(expect.arrayContaining([profile.id, inHome.id, inElsewhere.id]));
    const one = ids(await gql(server.url, QUEUE, { first: 100, communityId: elsewhere.id }, { token: admin.token }));
    expect(one).toContain(inElsewhere.id);
    expect(one).not.toContain(inHome.id);
    expect(one).not.toContain(profile.id);
    // The community's facilitator never sees a profile's case: those are the admins'.
    expect(ids(await gql(server.url, QUEUE, { first: 100 }, { token: facilitator.token }))).not.toContain(profile.id);
  });
});

describe("moderationQueue: cost", () => {
  const PAGE = `query($communityId: ID) { moderationQueue(first: 50, communityId: $communityId) { totalCount edges { node {
    id state reason weight threshold targetExcerpt targetPath hidden hiddenBy
    target { __typename ... on Post { id body thread { id } } ... on Thread { id title } }
    author { id displayName } community { id name }
    reasons { reason count } reports { id note reporter { id } }
    viewerCanDecide
  } } } }`;

  it("reads a page of 20 cases in as many statements as a page of 5", async () => {
    const statementsFor = async (n: number) => {
      const c = await buildCommunity(server.db);
      const f = await buildUser(server.db);
      await addMember(server.db, c, f, "FACILITATOR");
      for (let i = 0; i < n; i++) {
        const writer = await buildUser(server.db);
        const other = await buildUser(server.db);
        await addMember(server.db, c, writer);
        await caseIn(c, { by: writer, reporters: [{ id: reporter.id, note: "spam" }, { id: other.id }] });
      }
      const start = server.statements.length;
      const res = await gql(server.url, PAGE, { communityId: c.id }, { token: f.token });
      expect(res.errors).toBeUndefined();
      expect(res.data?.moderationQueue.edges).toHaveLength(n);
      const node = res.data?.moderationQueue.edges[0].node;
      expect(node.target.__typename).toBe("Post");
      expect(node.reports).toHaveLength(2);
      return server.statements.length - start;
    };
    expect(await statementsFor(20)).toBe(await statementsFor(5));
  });
});
