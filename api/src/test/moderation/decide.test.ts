import {
  auditLog,
  type CaseState,
  caseTransitions,
  communityMemberships,
  moderationCases,
  moderationReports,
  notifications,
  sanctions,
  threadEvents,
} from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { untilSomeoneWaitsOnALock } from "../database.js";
import type { TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { buildCast, buildReportedPost, type Cast, caseRow, DECIDE, postRow, reportPost, snapshot } from "./support.js";

const server = useTestServer();
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server.db);
});

const DAY = 24 * 60 * 60 * 1000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString();

const inputFor = (caseId: string, action: string, expectedState: string, extra: Record<string, unknown> = {}) => ({
  caseId,
  action,
  expectedState,
  reason: "Internal: checked the history",
  ...(action === "DISMISS" ? {} : { message: "Please keep to the topic." }),
  ...(action === "RESTRICT" || action === "SUSPEND" ? { until: inDays(7) } : {}),
  ...extra,
});
const decide = (input: Record<string, unknown>, by?: TestUser) =>
  gql(server.url, DECIDE, { i: input }, { token: by?.token });

/** A reported post's case, put straight into `state` (decided by facilitator2 when past OPEN). */
async function caseIn(state: CaseState, c: Cast = cast): Promise<{ caseId: string; postId: string }> {
  const post = await buildReportedPost(server.db, c);
  const caseId = await reportPost(server, post.id, c.reporter);
  if (state !== "OPEN") {
    await server.db
      .update(moderationCases)
      .set({ state, action: "HIDE", decidedBy: c.facilitator2.id, decidedAt: new Date() })
      .where(eq(moderationCases.id, caseId));
    await server.db
      .update(moderationReports)
      .set({ resolvedAt: new Date() })
      .where(eq(moderationReports.caseId, caseId));
  }
  return { caseId, postId: post.id };
}

const ACTIONS = ["DISMISS", "HIDE", "RESTORE", "WARN", "RESTRICT", "SUSPEND"] as const;
const STATES: CaseState[] = ["OPEN", "ACTIONED", "DISMISSED", "APPEALED", "UPHELD", "OVERTURNED"];
const ROLES = ["none", "member", "reporter", "author", "otherFacilitator", "facilitator", "admin"] as const;

/** The workflow's answer for a moderator (the table in docs/moderation.md); the open case here hides nothing. */
const OUTCOME: Record<(typeof ACTIONS)[number], Partial<Record<CaseState, CaseState>>> = {
  DISMISS: { OPEN: "DISMISSED" },
  HIDE: { OPEN: "ACTIONED" },
  RESTORE: { ACTIONED: "OVERTURNED" },
  WARN: { OPEN: "ACTIONED" },
  RESTRICT: { OPEN: "ACTIONED" },
  SUSPEND: { OPEN: "ACTIONED" },
};

function expected(role: (typeof ROLES)[number], action: (typeof ACTIONS)[number], state: CaseState): string {
  if (role === "none") return "UNAUTHENTICATED";
  if (role !== "facilitator" && role !== "admin") return "FORBIDDEN";
  return OUTCOME[action][state] ?? "CONFLICT";
}

describe("decideCase: every action × every state × every role", () => {
  // Refusals share one case per state (they change nothing, which each one asserts).
  const shared = new Map<CaseState, string>();
  beforeAll(async () => {
    for (const state of STATES) shared.set(state, (await caseIn(state)).caseId);
  });

  for (const state of STATES) {
    for (const action of ACTIONS) {
      it(`${action} on ${state}`, async () => {
        for (const role of ROLES) {
          const want = expected(role, action, state);
          const by = role === "none" ? undefined : cast[role];
          if (want === "UNAUTHENTICATED" || want === "FORBIDDEN" || want === "CONFLICT") {
            const caseId = shared.get(state) as string;
            const before = await snapshot(server.db);
            const res = await decide(inputFor(caseId, action, state), by);
            expect(errorCode(res), `${role}`).toBe(want);
            if (want === "CONFLICT") expect(res.errors?.[0]?.extensions?.current).toEqual({ state });
            expect(await snapshot(server.db), `${role} changed nothing`).toEqual(before);
          } else {
            const { caseId } = await caseIn(state);
            const res = await decide(inputFor(caseId, action, state), by);
            expect(res.errors, role).toBeUndefined();
            expect(res.data?.decideCase.state, role).toBe(want);
            expect((await caseRow(server.db, caseId)).state).toBe(want);
          }
        }
      });
    }
  }

  it("RESTORE of an open case the system hid: shown again, the case DISMISSED", async () => {
    const c = await buildCast(server.db, 2);
    const post = await buildReportedPost(server.db, c);
    const caseId = await reportPost(server, post.id, c.facilitator2);
    expect((await postRow(server.db, post.id)).hiddenAt).not.toBeNull();
    const res = await decide(inputFor(caseId, "RESTORE", "OPEN"), c.facilitator);
    expect(res.data?.decideCase.state).toBe("DISMISSED");
    expect((await postRow(server.db, post.id)).hiddenAt).toBeNull();
    const events = await server.db.select().from(threadEvents).where(eq(threadEvents.postId, post.id));
    expect(events.map((e) => e.type)).toEqual(["POST_HIDDEN", "POST_RESTORED"]);
  });

  it("DISMISS of what the system hid shows it again; the author is the one facilitator who may not decide", async () => {
    const c = await buildCast(server.db, 2);
    await server.db
      .update(communityMemberships)
      .set({ role: "FACILITATOR" })
      .where(and(eq(communityMemberships.userId, c.author.id), eq(communityMemberships.communityId, c.community.id)));
    const post = await buildReportedPost(server.db, c);
    const caseId = await reportPost(server, post.id, c.facilitator2);
    expect(errorCode(await decide(inputFor(caseId, "DISMISS", "OPEN"), c.author))).toBe("FORBIDDEN");
    expect((await decide(inputFor(caseId, "DISMISS", "OPEN"), c.facilitator)).data?.decideCase.state).toBe("DISMISSED");
    expect((await postRow(server.db, post.id)).hiddenAt).toBeNull();
  });
});

describe("decideCase: input and staleness", () => {
  it.each<[string, Record<string, unknown>]>([
    ["reason", { reason: "" }],
    ["reason", { reason: "x".repeat(2001) }],
    ["message", { action: "HIDE", message: undefined }],
    ["message", { action: "HIDE", message: "   " }],
    ["until", { action: "SUSPEND", until: undefined }],
    ["until", { action: "RESTRICT", until: inDays(-1) }],
    ["until", { action: "SUSPEND", until: inDays(366) }],
    ["until", { action: "HIDE", until: inDays(3) }],
    ["scope", { action: "WARN", scope: "COMMUNITY" }],
  ])("refuses a bad %s with BAD_USER_INPUT, changing nothing", async (field, change) => {
    const { caseId } = await caseIn("OPEN");
    const before = await snapshot(server.db);
    const res = await decide(
      { ...inputFor(caseId, (change.action as string) ?? "HIDE", "OPEN"), ...change },
      cast.facilitator,
    );
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(await snapshot(server.db)).toEqual(before);
  });

  it("a facilitator may not suspend platform-wide (FORBIDDEN); an admin may", async () => {
    const { caseId } = await caseIn("OPEN");
    const before = await snapshot(server.db);
    const input = inputFor(caseId, "SUSPEND", "OPEN", { scope: "PLATFORM" });
    expect(errorCode(await decide(input, cast.facilitator))).toBe("FORBIDDEN");
    expect(await snapshot(server.db)).toEqual(before);
  });

  it("a stale expectedState is CONFLICT with the current state, changing nothing", async () => {
    const { caseId } = await caseIn("ACTIONED");
    const before = await snapshot(server.db);
    const res = await decide(inputFor(caseId, "DISMISS", "OPEN"), cast.facilitator);
    expect(errorCode(res)).toBe("CONFLICT");
    expect(res.errors?.[0]?.extensions?.current).toEqual({ state: "ACTIONED" });
    expect(await snapshot(server.db)).toEqual(before);
  });

  it("an unknown case is NOT_FOUND", async () => {
    const input = inputFor("00000000-0000-0000-0000-000000000000", "DISMISS", "OPEN");
    expect(errorCode(await decide(input, cast.facilitator))).toBe("NOT_FOUND");
    expect(errorCode(await decide({ ...input, caseId: "nope" }, cast.facilitator))).toBe("NOT_FOUND");
  });
});

describe("decideCase: effects", () => {
  it("HIDE hides the post live, resolves the reports, tells reporters the outcome and the author the message, audits", async () => {
    const { caseId, postId } = await caseIn("OPEN");
    await reportPost(server, postId, cast.member);
    const res = await decide(inputFor(caseId, "HIDE", "OPEN"), cast.facilitator);
    expect(res.data?.decideCase.state).toBe("ACTIONED");
    const post = await postRow(server.db, postId);
    expect(post.hiddenCaseId).toBe(caseId);
    const events = await server.db.select().from(threadEvents).where(eq(threadEvents.postId, postId));
    expect(events.map((e) => [e.type, e.actorId])).toEqual([["POST_HIDDEN", cast.facilitator.id]]);
    const reports = await server.db.select().from(moderationReports).where(eq(moderationReports.caseId, caseId));
    expect(reports.every((r) => r.resolvedAt !== null)).toBe(true);
    const told = await server.db.select().from(notifications).where(eq(notifications.caseId, caseId));
    const byKind = (kind: string) => told.filter((n) => n.kind === kind);
    expect(
      byKind("REPORT_OUTCOME")
        .map((n) => n.userId)
        .sort(),
    ).toEqual([cast.reporter.id, cast.member.id].sort());
    // Reporters are never told who decided, nor the note.
    expect(byKind("REPORT_OUTCOME").every((n) => n.actorId === null && !n.excerpt.includes("Internal"))).toBe(true);
    expect(byKind("MODERATION_ACTION")).toMatchObject([
      { userId: cast.author.id, excerpt: "Please keep to the topic." },
    ]);
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, "case.hide")));
    expect(entry).toMatchObject({
      actorId: cast.facilitator.id,
      action: "case.hide",
      targetKind: "post",
      targetId: postId,
      communityId: cast.community.id,
      reason: "Internal: checked the history",
      before: { state: "OPEN", hidden: false },
      after: { state: "ACTIONED", hidden: true },
    });
    const [step] = await server.db
      .select()
      .from(caseTransitions)
      .where(and(eq(caseTransitions.caseId, caseId), eq(caseTransitions.action, "HIDE")));
    expect(step).toMatchObject({ fromState: "OPEN", toState: "ACTIONED", actorId: cast.facilitator.id });
  });

  it("WARN leaves the content and records a warning", async () => {
    const { caseId, postId } = await caseIn("OPEN");
    await decide(inputFor(caseId, "WARN", "OPEN"), cast.facilitator);
    expect((await postRow(server.db, postId)).hiddenAt).toBeNull();
    const [warning] = await server.db.select().from(sanctions).where(eq(sanctions.caseId, caseId));
    expect(warning).toMatchObject({ kind: "WARN", userId: cast.author.id, communityId: cast.community.id });
  });

  it("RESTRICT in the community mirrors on the membership and hides the post; RESTORE lifts both", async () => {
    // Its own cast: the matrix above left this file's author under other restrictions, which the mirror keeps.
    const c = await buildCast(server.db);
    const { caseId, postId } = await caseIn("OPEN", c);
    await decide(inputFor(caseId, "RESTRICT", "OPEN"), c.facilitator);
    const membership = async () =>
      (
        await server.db
          .select()
          .from(communityMemberships)
          .where(
            and(eq(communityMemberships.userId, c.author.id), eq(communityMemberships.communityId, c.community.id)),
          )
      )[0];
    expect((await membership())?.restrictedUntil).not.toBeNull();
    expect((await postRow(server.db, postId)).hiddenAt).not.toBeNull();
    const res = await decide(inputFor(caseId, "RESTORE", "ACTIONED"), c.facilitator2);
    expect(res.data?.decideCase.state).toBe("OVERTURNED");
    expect((await membership())?.restrictedUntil).toBeNull();
    expect((await postRow(server.db, postId)).hiddenAt).toBeNull();
    const [lifted] = await server.db.select().from(sanctions).where(eq(sanctions.caseId, caseId));
    expect(lifted?.liftedAt).not.toBeNull();
  });
});

describe("two moderators at once", () => {
  it.runIf(process.env.TEST_DB === "postgres")(
    "one wins; the other gets CONFLICT with the state the first left",
    async () => {
      const { caseId } = await caseIn("OPEN");
      let second: ReturnType<typeof decide> | undefined;
      await server.db.transaction(async (tx) => {
        // Stands for the first moderator's decision holding the case row at that moment.
        await tx.select().from(moderationCases).where(eq(moderationCases.id, caseId)).for("update");
        second = decide(inputFor(caseId, "DISMISS", "OPEN"), cast.facilitator2);
        await untilSomeoneWaitsOnALock(server.db);
        await tx
          .update(moderationCases)
          .set({ state: "ACTIONED", action: "HIDE", decidedBy: cast.facilitator.id, decidedAt: new Date() })
          .where(eq(moderationCases.id, caseId));
      });
      const res = await second;
      expect(errorCode(res ?? {})).toBe("CONFLICT");
      expect(res?.errors?.[0]?.extensions?.current).toEqual({ state: "ACTIONED" });
    },
  );

  it.runIf(process.env.TEST_DB === "postgres")("two real decisions racing: exactly one is applied", async () => {
    const { caseId } = await caseIn("OPEN");
    const results = await Promise.all([
      decide(inputFor(caseId, "HIDE", "OPEN"), cast.facilitator),
      decide(inputFor(caseId, "DISMISS", "OPEN"), cast.facilitator2),
    ]);
    const codes = results.map((r) => errorCode(r) ?? "OK").sort();
    expect(codes).toEqual(["CONFLICT", "OK"]);
    const steps = await server.db.select().from(caseTransitions).where(eq(caseTransitions.caseId, caseId));
    expect(steps.filter((s) => s.action !== "REPORT")).toHaveLength(1);
  });
});
