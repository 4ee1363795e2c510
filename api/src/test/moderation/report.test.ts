import { caseTransitions, moderationCases, moderationReports, notifications, posts, threadEvents } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { addMember, buildCommunity, buildResource, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import {
  buildCast,
  buildDocumentContent,
  buildReportedPost,
  type Cast,
  caseRow,
  postRow,
  REPORT,
  reportPost,
  snapshot,
  THRESHOLD,
} from "./support.js";

const server = useTestServer();
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server.db);
});

const report = (input: Record<string, unknown>, by?: TestUser) =>
  gql(server.url, REPORT, { i: { reason: "OFFENSIVE", ...input } }, { token: by?.token });

describe("reportContent: each kind of target", () => {
  it("opens one case per target kind, with the community (none for a profile) and the author", async () => {
    const post = await buildReportedPost(server.db, cast);
    const thread = await buildThread(server.db, cast.community, cast.author);
    const resource = await buildResource(server.db, cast.community, cast.author, { status: "PUBLISHED" });
    const { comment, amendment } = await buildDocumentContent(server.db, cast.community, cast.author);
    const targets: [string, string, string][] = [
      ["postId", post.id, "POST"],
      ["threadId", thread.id, "THREAD"],
      ["resourceId", resource.id, "RESOURCE"],
      ["commentId", comment.id, "COMMENT"],
      ["amendmentId", amendment.id, "AMENDMENT"],
      ["userId", cast.author.id, "USER"],
    ];
    for (const [field, id, kind] of targets) {
      const res = await report({ [field]: id, note: "not ok" }, cast.reporter);
      expect(res.errors, field).toBeUndefined();
      expect(res.data?.reportContent).toMatchObject({ reason: "OFFENSIVE", note: "not ok" });
      const [row] = await server.db
        .select()
        .from(moderationCases)
        .where(and(eq(moderationCases.targetKind, kind as "POST"), eq(moderationCases.targetId, id)));
      expect(row).toMatchObject({
        state: "OPEN",
        reason: "OFFENSIVE",
        targetAuthorId: cast.author.id,
        communityId: kind === "USER" ? null : cast.community.id,
        weight: 1,
      });
    }
  });

  it("an unreadable target is NOT_FOUND (never FORBIDDEN), and nothing is stored", async () => {
    const closed = await buildCommunity(server.db, { visibility: "MEMBERS" });
    const insider = await buildUser(server.db);
    await addMember(server.db, closed, insider);
    const thread = await buildThread(server.db, closed, insider);
    const draft = await buildResource(server.db, cast.community, cast.author); // PROPOSED: only its proposer and curators
    const before = await snapshot(server.db);
    expect(errorCode(await report({ threadId: thread.id }, cast.reporter))).toBe("NOT_FOUND");
    expect(errorCode(await report({ resourceId: draft.id }, cast.reporter))).toBe("NOT_FOUND");
    expect(errorCode(await report({ postId: "00000000-0000-0000-0000-000000000000" }, cast.reporter))).toBe(
      "NOT_FOUND",
    );
    expect(errorCode(await report({ postId: "not-an-id" }, cast.reporter))).toBe("NOT_FOUND");
    expect(await snapshot(server.db)).toEqual(before);
  });

  it("refuses the missing login, bad input, yourself and deleted content, changing nothing", async () => {
    const post = await buildReportedPost(server.db, cast);
    const deleted = await buildReportedPost(server.db, cast);
    await server.db.update(posts).set({ deletedAt: new Date() }).where(eq(posts.id, deleted.id));
    const before = await snapshot(server.db);
    expect(errorCode(await report({ postId: post.id }))).toBe("UNAUTHENTICATED");
    const two = await report({ postId: post.id, userId: cast.author.id }, cast.reporter);
    expect(errorCode(two)).toBe("BAD_USER_INPUT");
    expect(errorCode(await report({}, cast.reporter))).toBe("BAD_USER_INPUT");
    const long = await report({ postId: post.id, note: "x".repeat(1001) }, cast.reporter);
    expect(errorCode(long)).toBe("BAD_USER_INPUT");
    expect(long.errors?.[0]?.extensions?.field).toBe("note");
    expect(errorCode(await report({ postId: post.id, reason: "BORING" }, cast.reporter))).toBe("BAD_USER_INPUT");
    expect(errorCode(await report({ postId: post.id }, cast.author))).toBe("BAD_USER_INPUT");
    expect(errorCode(await report({ userId: cast.reporter.id }, cast.reporter))).toBe("BAD_USER_INPUT");
    expect(errorCode(await report({ postId: deleted.id }, cast.reporter))).toBe("CONFLICT");
    expect(await snapshot(server.db)).toEqual(before);
  });

  it("one unresolved report per reporter and target (CONFLICT); others merge into the one case", async () => {
    const post = await buildReportedPost(server.db, cast);
    const caseId = await reportPost(server, post.id, cast.reporter);
    const before = await snapshot(server.db);
    const again = await report({ postId: post.id }, cast.reporter);
    expect(errorCode(again)).toBe("CONFLICT");
    expect(await snapshot(server.db)).toEqual(before);
    expect(await reportPost(server, post.id, cast.member, "OFF_TOPIC")).toBe(caseId);
    const row = await caseRow(server.db, caseId);
    // The first report's reason names the case; a facilitator's report weighs 2.
    expect(row).toMatchObject({ reason: "SPAM", weight: 2 });
    expect(await reportPost(server, post.id, cast.facilitator)).toBe(caseId);
    expect((await caseRow(server.db, caseId)).weight).toBe(4);
    const steps = await server.db.select().from(caseTransitions).where(eq(caseTransitions.caseId, caseId));
    expect(steps.map((s) => [s.action, s.actorId])).toEqual([
      ["REPORT", null],
      ["REPORT", null],
      ["REPORT", null],
    ]);
  });

  it("tells the community's moderators once per case (CASE_OPENED), not per report, never the author", async () => {
    const post = await buildReportedPost(server.db, cast);
    const caseId = await reportPost(server, post.id, cast.reporter);
    await reportPost(server, post.id, cast.member);
    const told = await server.db.select().from(notifications).where(eq(notifications.caseId, caseId));
    expect(told.map((n) => [n.kind, n.userId]).sort()).toEqual(
      [
        ["CASE_OPENED", cast.facilitator.id],
        ["CASE_OPENED", cast.facilitator2.id],
      ].sort(),
    );
  });
});

describe("automatic hiding at the community's threshold", () => {
  it("hides by the system once the weights reach it: recorded, the author told, a thread event", async () => {
    const c = await buildCast(server.db, 3);
    const post = await buildReportedPost(server.db, c);
    const caseId = await reportPost(server, post.id, c.reporter);
    await reportPost(server, post.id, c.member);
    expect((await postRow(server.db, post.id)).hiddenAt).toBeNull();
    // A facilitator's report weighs 2: 1 + 1 + 2 = 4 ≥ 3.
    await reportPost(server, post.id, c.facilitator);
    const hidden = await postRow(server.db, post.id);
    expect(hidden.hiddenAt).not.toBeNull();
    expect(hidden.hiddenCaseId).toBe(caseId);
    const moderated = await caseRow(server.db, caseId);
    expect(moderated.state).toBe("OPEN");
    expect(moderated.autoHiddenAt).not.toBeNull();
    const steps = await server.db.select().from(caseTransitions).where(eq(caseTransitions.caseId, caseId));
    expect(steps.filter((s) => s.action === "AUTO_HIDE")).toMatchObject([{ actorId: null, toState: "OPEN" }]);
    const told = await server.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.caseId, caseId), eq(notifications.userId, c.author.id)));
    expect(told.map((n) => n.kind)).toEqual(["MODERATION_ACTION"]);
    const events = await server.db.select().from(threadEvents).where(eq(threadEvents.postId, post.id));
    expect(events.map((e) => [e.type, e.actorId])).toEqual([["POST_HIDDEN", null]]);
  });

  it("never hides when the threshold is null", async () => {
    const c = await buildCast(server.db, null);
    const post = await buildReportedPost(server.db, c);
    for (const who of [c.reporter, c.member, c.facilitator, c.facilitator2, c.admin]) {
      await reportPost(server, post.id, who);
    }
    expect((await postRow(server.db, post.id)).hiddenAt).toBeNull();
  });

  it("setAutoHideThreshold: facilitators of it and admins, 1..50 or null", async () => {
    const c = await buildCast(server.db, 3);
    const set = (t: number | null, by?: TestUser) =>
      gql(server.url, THRESHOLD, { c: c.community.id, t }, { token: by?.token });
    const before = await snapshot(server.db);
    expect(errorCode(await set(5))).toBe("UNAUTHENTICATED");
    expect(errorCode(await set(5, c.member))).toBe("FORBIDDEN");
    expect(errorCode(await set(5, c.otherFacilitator))).toBe("FORBIDDEN");
    expect(errorCode(await set(0.5, c.facilitator))).toBe("BAD_USER_INPUT");
    expect(errorCode(await set(51, c.facilitator))).toBe("BAD_USER_INPUT");
    expect(await snapshot(server.db)).toEqual(before);
    expect((await set(5, c.facilitator)).errors).toBeUndefined();
    expect((await set(null, c.admin)).errors).toBeUndefined();
  });
});

describe("concurrent first reports", () => {
  it.runIf(process.env.TEST_DB === "postgres")("two first reports on a profile at once make one case", async () => {
    const target = await buildUser(server.db);
    const [a, b] = await Promise.all([
      report({ userId: target.id }, cast.reporter),
      report({ userId: target.id }, cast.member),
    ]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const cases = await server.db.select().from(moderationCases).where(eq(moderationCases.targetId, target.id));
    expect(cases).toHaveLength(1);
    const reports = await server.db.select().from(moderationReports).where(eq(moderationReports.targetId, target.id));
    expect(reports.map((r) => r.caseId)).toEqual([cases[0]?.id, cases[0]?.id]);
    expect(cases[0]?.weight).toBe(2);
  });

  it.runIf(process.env.TEST_DB === "postgres")("ten first reports on a post at once make one case", async () => {
    const post = await buildReportedPost(server.db, cast);
    const reporters = await Promise.all(Array.from({ length: 10 }, () => buildUser(server.db)));
    for (const r of reporters) await addMember(server.db, cast.community, r);
    const results = await Promise.all(reporters.map((r) => report({ postId: post.id }, r)));
    expect(results.map((r) => r.errors)).toEqual(results.map(() => undefined));
    const cases = await server.db.select().from(moderationCases).where(eq(moderationCases.targetId, post.id));
    expect(cases).toHaveLength(1);
    expect(cases[0]?.weight).toBe(10);
  });
});
