import {
  type CommunityRow,
  caseMessages,
  communityMemberships,
  type ModerationCaseRow,
  type PostRow,
  posts,
} from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { gql } from "../client.js";
import { addMember, buildCommunity, buildPost, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { buildAppeal, buildCase } from "./case-factory.js";

const CASE = `query($id: ID!) { moderationCase(id: $id) {
  id state targetKind reason weight threshold targetExcerpt targetPath hidden hiddenBy
  target { __typename ... on Post { id } ... on User { id } }
  community { id } author { id }
  reasons { reason count }
  reports { id note reporter { id } case { id } }
  action message until scope decidedBy { id } decidedAt
  history { step from to actor { id } note message }
  appeal { id statement state case { id } } appealDeadline
  authorRecord { postsCount casesActioned warnings restrictions suspensions recentCases { id } }
  messages { body author { id } }
  viewerCanDecide viewerCanAppeal viewerCanDecideAppeal viewerCanMessage
} }`;

const server = useTestServer();
const DAY = 24 * 60 * 60 * 1000;

let admin: TestUser;
let facilitator: TestUser;
let second: TestUser;
let author: TestUser;
let reporter: TestUser;
let member: TestUser;
let outsider: TestUser;
let otherFacilitator: TestUser;
let community: CommunityRow;

// biome-ignore lint/suspicious/noExplicitAny: the shape asked for just above
const read = async (id: string, user?: TestUser): Promise<any> => {
  const res = await gql(server.url, CASE, { id }, { token: user?.token });
  expect(res.errors).toBeUndefined();
  return res.data?.moderationCase;
};

async function reportedPost(c: CommunityRow = community, by: TestUser = author): Promise<PostRow> {
  const thread = await buildThread(server.db, c, by);
  return buildPost(server.db, thread, by, "**Buy** cheap watches at [our shop](https://example.com)");
}

const hide = (post: PostRow, c: ModerationCaseRow) =>
  server.db.update(posts).set({ hiddenAt: new Date(), hiddenCaseId: c.id }).where(eq(posts.id, post.id));

beforeAll(async () => {
  [admin, facilitator, second, author, reporter, member, outsider, otherFacilitator] = await Promise.all([
    buildUser(server.db, { role: "ADMIN" }),
    buildUser(server.db),
    buildUser(server.db),
    buildUser(server.db),
    buildUser(server.db),
    buildUser(server.db),
    buildUser(server.db),
    buildUser(server.db),
  ]);
  community = await buildCommunity(server.db, { visibility: "MEMBERS" });
  await addMember(server.db, community, facilitator, "FACILITATOR");
  await addMember(server.db, community, second, "FACILITATOR");
  for (const u of [author, reporter, member]) await addMember(server.db, community, u);
  await addMember(server.db, await buildCommunity(server.db), otherFacilitator, "FACILITATOR");
});

describe("an open case, before anything was hidden", () => {
  let post: PostRow;
  let open: ModerationCaseRow;
  beforeAll(async () => {
    post = await reportedPost();
    open = await buildCase(server.db, {
      kind: "POST",
      targetId: post.id,
      authorId: author.id,
      communityId: community.id,
      reporters: [
        { id: reporter.id, reason: "SPAM", note: "same link in five threads" },
        { id: member.id, reason: "SPAM" },
      ],
    });
  });

  it("is the moderators' in full: reports with reporters and notes, reasons, weight, excerpt, author", async () => {
    for (const moderator of [facilitator, admin]) {
      const c = await read(open.id, moderator);
      expect(c.state).toBe("OPEN");
      expect(c.reports.map((r: { reporter: { id: string } }) => r.reporter.id)).toEqual([reporter.id, member.id]);
      expect(c.reports[0].note).toBe("same link in five threads");
      expect(c.reports[0].case.id).toBe(open.id);
      expect(c.reasons).toEqual([{ reason: "SPAM", count: 2 }]);
      expect(c.weight).toBe(2);
      expect(c.threshold).toBe(3);
      expect(c.targetExcerpt).toBe("Buy cheap watches at our shop");
      expect(c.targetPath).toBe(`/t/${post.threadId}#post-${post.id}`);
      expect(c.target).toEqual({ __typename: "Post", id: post.id });
      expect(c.author).toEqual({ id: author.id });
      expect(c.community).toEqual({ id: community.id });
      expect(c.history.map((t: { step: string }) => t.step)).toEqual(["REPORT", "REPORT"]);
      expect(c.hidden).toBe(false);
      expect(c.hiddenBy).toBeNull();
      expect(c.viewerCanDecide).toBe(true);
      expect(c.authorRecord.postsCount).toBe(await postsBy(author));
    }
  });

  it("tells a reporter its state only: no reports, excerpt, author, history or record", async () => {
    const c = await read(open.id, reporter);
    expect(c).toMatchObject({
      id: open.id,
      state: "OPEN",
      reports: [],
      reasons: [],
      weight: 0,
      threshold: null,
      targetExcerpt: "",
      author: null,
      history: [],
      authorRecord: null,
      messages: [],
      viewerCanDecide: false,
      viewerCanMessage: false,
    });
    // The reporter is a member: they still read the post they reported.
    expect(c.target).toEqual({ __typename: "Post", id: post.id });
  });

  it("is nobody else's: not the author's yet (nothing was hidden), a member's, an outsider's, another community's facilitator's, the anonymous'", async () => {
    const bystander = await buildUser(server.db);
    await addMember(server.db, community, bystander);
    for (const who of [author, outsider, bystander, otherFacilitator, undefined]) {
      expect(await read(open.id, who)).toBeNull();
    }
    // An unknown id answers the same: no existence leak.
    expect(await read("00000000-0000-4000-8000-000000000000", facilitator)).toBeNull();
  });

  it("leaves the target out for a reporter who may no longer read the community", async () => {
    const leaver = await buildUser(server.db);
    await addMember(server.db, community, leaver);
    const p = await reportedPost();
    const c = await buildCase(server.db, {
      kind: "POST",
      targetId: p.id,
      authorId: author.id,
      communityId: community.id,
      reporters: [{ id: leaver.id }],
    });
    await server.db
      .delete(communityMemberships)
      .where(and(eq(communityMemberships.userId, leaver.id), eq(communityMemberships.communityId, community.id)));
    const seen = await read(c.id, leaver);
    expect(seen.state).toBe("OPEN");
    expect(seen.target).toBeNull();
  });
});

describe("a decided case", () => {
  let post: PostRow;
  let hidden: ModerationCaseRow;
  beforeAll(async () => {
    post = await reportedPost();
    hidden = await buildCase(server.db, {
      kind: "POST",
      targetId: post.id,
      authorId: author.id,
      communityId: community.id,
      state: "ACTIONED",
      reporters: [{ id: reporter.id, note: "private note of the reporter" }, { id: member.id }],
      decision: {
        action: "HIDE",
        by: facilitator.id,
        note: "repeat spammer",
        message: "Links to shops are not allowed",
      },
    });
    await hide(post, hidden);
    await server.db.insert(caseMessages).values({ caseId: hidden.id, authorId: author.id, body: "Why?" });
  });

  it("shows the author the decision and the steps, without the note, the actor or the reporters", async () => {
    const c = await read(hidden.id, author);
    expect(c.state).toBe("ACTIONED");
    expect(c.action).toBe("HIDE");
    expect(c.message).toBe("Links to shops are not allowed");
    expect(c.hidden).toBe(true);
    expect(c.hiddenBy).toBe("MODERATORS");
    expect(c.reports).toEqual([]);
    expect(c.decidedBy).toBeNull();
    expect(c.authorRecord).toBeNull();
    expect(c.author).toEqual({ id: author.id });
    expect(c.targetExcerpt).not.toBe("");
    const decision = c.history.find((t: { step: string }) => t.step === "HIDE");
    expect(decision).toEqual({
      step: "HIDE",
      from: "OPEN",
      to: "ACTIONED",
      actor: null,
      note: null,
      message: "Links to shops are not allowed",
    });
    // The opening report, not each later one (their timing could point at the reporters).
    expect(c.history.map((t: { step: string }) => t.step)).toEqual(["REPORT", "HIDE"]);
    expect(JSON.stringify(c)).not.toContain("repeat spammer");
    expect(JSON.stringify(c)).not.toContain(reporter.id);
    expect(JSON.stringify(c)).not.toContain(member.id);
    expect(JSON.stringify(c)).not.toContain("private note of the reporter");
    expect(new Date(c.appealDeadline).getTime() - new Date(c.decidedAt).getTime()).toBe(20 * DAY);
    expect(c.viewerCanAppeal).toBe(true);
    expect(c.viewerCanDecide).toBe(false);
    expect(c.viewerCanMessage).toBe(true);
    expect(c.messages).toEqual([{ body: "Why?", author: { id: author.id } }]);
  });

  it("shows the moderators the note, the actor and who decided", async () => {
    const c = await read(hidden.id, second);
    const decision = c.history.find((t: { step: string }) => t.step === "HIDE");
    expect(decision.actor).toEqual({ id: facilitator.id });
    expect(decision.note).toBe("repeat spammer");
    expect(c.decidedBy).toEqual({ id: facilitator.id });
    expect(c.viewerCanAppeal).toBe(false);
    expect(c.messages).toHaveLength(1);
  });

  it("tells a reporter the outcome, not the message to the author", async () => {
    const c = await read(hidden.id, reporter);
    expect(c).toMatchObject({ state: "ACTIONED", action: "HIDE", message: null, decidedBy: null, history: [] });
  });

  it("puts the appeal before another moderator only, and shows it to the author and the moderators", async () => {
    const p = await reportedPost();
    const appealed = await buildCase(server.db, {
      kind: "POST",
      targetId: p.id,
      authorId: author.id,
      communityId: community.id,
      state: "APPEALED",
      reporters: [{ id: reporter.id }],
      decision: { action: "HIDE", by: facilitator.id, message: "Hidden" },
    });
    await buildAppeal(server.db, appealed, "It was a joke");
    const byDecider = await read(appealed.id, facilitator);
    expect(byDecider.viewerCanDecideAppeal).toBe(false);
    expect((await read(appealed.id, second)).viewerCanDecideAppeal).toBe(true);
    expect((await read(appealed.id, admin)).viewerCanDecideAppeal).toBe(true);
    const mine = await read(appealed.id, author);
    expect(mine.appeal).toMatchObject({ statement: "It was a joke", state: "OPEN", case: { id: appealed.id } });
    expect(mine.appealDeadline).toBeNull();
    expect(mine.viewerCanAppeal).toBe(false);
    expect((await read(appealed.id, reporter)).appeal).toBeNull();
  });

  it("shows the author a case once the system hid the content, as the system's", async () => {
    const p = await reportedPost();
    const auto = await buildCase(server.db, {
      kind: "POST",
      targetId: p.id,
      authorId: author.id,
      communityId: community.id,
      autoHidden: true,
      reporters: [{ id: reporter.id }],
    });
    await hide(p, auto);
    const c = await read(auto.id, author);
    expect(c).toMatchObject({ state: "OPEN", hidden: true, hiddenBy: "SYSTEM", viewerCanAppeal: false });
  });
});

describe("the author's record", () => {
  it("counts what stands against the author and lists up to 5 other cases the viewer moderates", async () => {
    const writer = await buildUser(server.db);
    await addMember(server.db, community, writer);
    const away = await buildCommunity(server.db);
    await addMember(server.db, away, writer);
    const decided = (action: "WARN" | "HIDE", c = community) => ({
      state: "ACTIONED" as const,
      decision: { action, by: admin.id, message: "No" },
      communityId: c.id,
    });
    const made: ModerationCaseRow[] = [];
    for (let i = 0; i < 7; i++) {
      const p = await reportedPost(community, writer);
      made.push(
        await buildCase(server.db, {
          kind: "POST",
          targetId: p.id,
          authorId: writer.id,
          communityId: community.id,
          reporters: [{ id: reporter.id }],
          createdAt: new Date(Date.now() - (10 - i) * DAY),
          ...(i < 2 ? decided("WARN") : i < 3 ? decided("HIDE") : {}),
        }),
      );
    }
    const awayPost = await reportedPost(away, writer);
    const awayCase = await buildCase(server.db, {
      kind: "POST",
      targetId: awayPost.id,
      authorId: writer.id,
      reporters: [{ id: reporter.id }],
      ...decided("WARN", away),
    });
    const current = made.at(-1) as ModerationCaseRow;
    const record = (await read(current.id, facilitator)).authorRecord;
    expect(record).toMatchObject({ casesActioned: 4, warnings: 3, restrictions: 0, suspensions: 0 });
    expect(record.postsCount).toBe(await postsBy(writer));
    const recent = record.recentCases.map((c: { id: string }) => c.id);
    expect(recent).toEqual(
      made
        .slice(1, 6)
        .reverse()
        .map((c) => c.id),
    );
    expect(recent).not.toContain(awayCase.id);
    // An admin moderates everywhere: the other community's case is the newest.
    expect((await read(current.id, admin)).authorRecord.recentCases[0].id).toBe(awayCase.id);
  });
});

describe("a profile's case", () => {
  it("is the admins' alone", async () => {
    const c = await buildCase(server.db, {
      kind: "USER",
      targetId: author.id,
      authorId: author.id,
      communityId: null,
      reporters: [{ id: reporter.id, reason: "OFFENSIVE" }],
    });
    const seen = await read(c.id, admin);
    expect(seen).toMatchObject({
      community: null,
      target: { __typename: "User", id: author.id },
      viewerCanDecide: true,
    });
    expect(seen.targetPath).toMatch(/^\/admin\/members/);
    expect(await read(c.id, facilitator)).toBeNull();
  });
});

describe("the lists that reach a case", () => {
  const MY_REPORTS = `{ myReports { totalCount edges { node { id reason reporter { id } case { id state action targetExcerpt reports { id } } } } } }`;
  const MY_CASES = `{ myModerationCases { totalCount edges { node { id state message } } } }`;

  it("myReports: the reporter's own, newest first, with the case's state and outcome only", async () => {
    const mine = await buildUser(server.db);
    await addMember(server.db, community, mine);
    const first = await buildCase(server.db, {
      kind: "POST",
      targetId: (await reportedPost()).id,
      authorId: author.id,
      communityId: community.id,
      reporters: [{ id: mine.id, reason: "SPAM" }],
      createdAt: new Date(Date.now() - DAY),
      state: "DISMISSED",
      decision: { action: "DISMISS", by: facilitator.id },
    });
    const second = await buildCase(server.db, {
      kind: "POST",
      targetId: (await reportedPost()).id,
      authorId: author.id,
      communityId: community.id,
      reporters: [{ id: mine.id, reason: "OFFENSIVE" }],
    });
    const res = await gql(server.url, MY_REPORTS, {}, { token: mine.token });
    expect(res.errors).toBeUndefined();
    expect(res.data?.myReports.totalCount).toBe(2);
    const nodes = res.data?.myReports.edges.map((e: { node: unknown }) => e.node);
    expect(nodes.map((n: { case: { id: string } }) => n.case.id)).toEqual([second.id, first.id]);
    expect(nodes[1]).toMatchObject({
      reason: "SPAM",
      reporter: null,
      case: { state: "DISMISSED", action: "DISMISS", targetExcerpt: "", reports: [] },
    });
    expect((await gql(server.url, MY_REPORTS, {})).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("myModerationCases: the author's cases that hid or sanctioned something, not the open or dismissed ones", async () => {
    const writer = await buildUser(server.db);
    await addMember(server.db, community, writer);
    const on = async (extra: Partial<Parameters<typeof buildCase>[1]>) =>
      buildCase(server.db, {
        kind: "POST",
        targetId: (await reportedPost(community, writer)).id,
        authorId: writer.id,
        communityId: community.id,
        reporters: [{ id: reporter.id }],
        ...extra,
      });
    await on({});
    await on({ state: "DISMISSED", decision: { action: "DISMISS", by: facilitator.id } });
    const auto = await on({ autoHidden: true, createdAt: new Date(Date.now() - 2 * DAY) });
    const warned = await on({
      state: "ACTIONED",
      decision: { action: "WARN", by: facilitator.id, message: "Mind the tone" },
      createdAt: new Date(Date.now() - DAY),
    });
    const res = await gql(server.url, MY_CASES, {}, { token: writer.token });
    expect(res.errors).toBeUndefined();
    expect(res.data?.myModerationCases.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
      warned.id,
      auto.id,
    ]);
    expect(res.data?.myModerationCases.edges[0].node.message).toBe("Mind the tone");
    expect((await gql(server.url, MY_CASES, {}, { token: reporter.token })).data?.myModerationCases.totalCount).toBe(0);
    expect((await gql(server.url, MY_CASES, {})).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

async function postsBy(user: TestUser): Promise<number> {
  return (await server.db.select().from(posts).where(eq(posts.authorId, user.id))).length;
}
