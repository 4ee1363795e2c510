import { appeals, auditLog, caseTransitions, notifications, sanctions, users } from "@pratica/db";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import type { TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { collect } from "../live.js";
import { closeWatch, connected, NOTIFICATIONS, socketOf } from "../server/ws-fixtures.js";
import {
  APPEAL,
  buildCast,
  buildReportedPost,
  type Cast,
  caseRow,
  DECIDE,
  DECIDE_APPEAL,
  MESSAGE,
  postRow,
  reportPost,
  snapshot,
} from "./support.js";

const DAY = 24 * 60 * 60 * 1000;
// The moderation clock: decisions, the appeal window and the sweeper read it.
let now = new Date("2026-12-01T10:00:00Z");
const server = useTestServer({}, undefined, { moderationClock: () => now });
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server.db);
});

const later = (days: number) => new Date(now.getTime() + days * DAY);
const call = (query: string, input: Record<string, unknown>, by?: TestUser) =>
  gql(server.url, query, { i: input }, { token: by?.token });

/** A post of the cast's author, hidden by `by` (facilitator unless said). */
async function hiddenCase(by: TestUser = cast.facilitator, c: Cast = cast) {
  const post = await buildReportedPost(server.db, c);
  const caseId = await reportPost(server, post.id, c.reporter);
  const res = await call(
    DECIDE,
    { caseId, action: "HIDE", reason: "spam", message: "This is advertising.", expectedState: "OPEN" },
    by,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return { caseId, postId: post.id };
}
const appeal = (caseId: string, by: TestUser = cast.author) =>
  call(APPEAL, { caseId, statement: "It was a genuine question about watches." }, by);
const decideAppeal = (caseId: string, decision: string, by: TestUser, expectedState = "APPEALED") =>
  call(DECIDE_APPEAL, { caseId, decision, reason: "second look", message: "We looked again.", expectedState }, by);

describe("appealAction", () => {
  it("the author appeals within 20 days (day 19): APPEALED, the other moderators told, not the decider", async () => {
    const { caseId } = await hiddenCase();
    const decidedAt = now;
    now = new Date(decidedAt.getTime() + 19 * DAY);
    const res = await appeal(caseId);
    expect(res.errors).toBeUndefined();
    expect(res.data?.appealAction).toMatchObject({ state: "OPEN" });
    expect((await caseRow(server.db, caseId)).state).toBe("APPEALED");
    const told = await server.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.caseId, caseId), eq(notifications.kind, "APPEAL_OPENED")));
    expect(told.map((n) => n.userId)).toEqual([cast.facilitator2.id]);
    now = decidedAt;
  });

  it("day 21 is too late: CONFLICT, nothing changed", async () => {
    const { caseId } = await hiddenCase();
    const decidedAt = now;
    now = new Date(decidedAt.getTime() + 21 * DAY);
    const before = await snapshot(server.db);
    const res = await appeal(caseId);
    expect(errorCode(res)).toBe("CONFLICT");
    expect(res.errors?.[0]?.message).toMatch(/20 days/);
    expect(await snapshot(server.db)).toEqual(before);
    now = decidedAt;
  });

  it("refuses the missing login, others than the author, a second appeal and an open case, changing nothing", async () => {
    const { caseId } = await hiddenCase();
    const open = await reportPost(server, (await buildReportedPost(server.db, cast)).id, cast.reporter);
    const before = await snapshot(server.db);
    expect(errorCode(await call(APPEAL, { caseId, statement: "x" }))).toBe("UNAUTHENTICATED");
    for (const who of [cast.reporter, cast.member, cast.facilitator, cast.admin])
      expect(errorCode(await appeal(caseId, who))).toBe("FORBIDDEN");
    expect(errorCode(await call(APPEAL, { caseId, statement: "" }, cast.author))).toBe("BAD_USER_INPUT");
    expect(errorCode(await call(APPEAL, { caseId, statement: "x".repeat(2001) }, cast.author))).toBe("BAD_USER_INPUT");
    expect(errorCode(await appeal(open))).toBe("CONFLICT");
    expect(await snapshot(server.db)).toEqual(before);
    expect((await appeal(caseId)).errors).toBeUndefined();
    const after = await snapshot(server.db);
    expect(errorCode(await appeal(caseId))).toBe("CONFLICT");
    expect(await snapshot(server.db)).toEqual(after);
  });
});

describe("decideAppeal", () => {
  it("the moderator who decided may not decide the appeal (FORBIDDEN, SAME_MODERATOR); nor the author or a member", async () => {
    const { caseId } = await hiddenCase(cast.facilitator);
    await appeal(caseId);
    const before = await snapshot(server.db);
    const same = await decideAppeal(caseId, "OVERTURN", cast.facilitator);
    expect(errorCode(same)).toBe("FORBIDDEN");
    expect(same.errors?.[0]?.extensions?.reason).toBe("SAME_MODERATOR");
    expect(errorCode(await decideAppeal(caseId, "OVERTURN", cast.author))).toBe("FORBIDDEN");
    expect(errorCode(await decideAppeal(caseId, "OVERTURN", cast.member))).toBe("FORBIDDEN");
    expect(errorCode(await decideAppeal(caseId, "OVERTURN", cast.otherFacilitator))).toBe("FORBIDDEN");
    expect(errorCode(await call(DECIDE_APPEAL, { caseId, decision: "UPHOLD" }))).toBe("BAD_USER_INPUT");
    const stale = await decideAppeal(caseId, "UPHOLD", cast.facilitator2, "ACTIONED");
    expect(errorCode(stale)).toBe("CONFLICT");
    expect(stale.errors?.[0]?.extensions?.current).toEqual({ state: "APPEALED" });
    expect(await snapshot(server.db)).toEqual(before);
  });

  it("OVERTURN by another moderator lifts the sanction and shows the content again; the author is told", async () => {
    const c = await buildCast(server.db);
    const post = await buildReportedPost(server.db, c);
    const caseId = await reportPost(server, post.id, c.reporter);
    await call(
      DECIDE,
      {
        caseId,
        action: "SUSPEND",
        reason: "repeat spam",
        message: "Suspended for a week.",
        until: later(7).toISOString(),
        expectedState: "OPEN",
      },
      c.facilitator,
    );
    expect((await postRow(server.db, post.id)).hiddenAt).not.toBeNull();
    await appeal(caseId, c.author);
    const res = await decideAppeal(caseId, "OVERTURN", c.facilitator2);
    expect(res.data?.decideAppeal.state).toBe("OVERTURNED");
    expect((await postRow(server.db, post.id)).hiddenAt).toBeNull();
    const [sanction] = await server.db.select().from(sanctions).where(eq(sanctions.caseId, caseId));
    expect(sanction?.liftedAt).not.toBeNull();
    const [row] = await server.db.select().from(appeals).where(eq(appeals.caseId, caseId));
    expect(row).toMatchObject({ state: "OVERTURNED", decidedBy: c.facilitator2.id });
    const told = await server.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.caseId, caseId), eq(notifications.kind, "APPEAL_DECIDED")));
    expect(told).toMatchObject([{ userId: c.author.id, excerpt: "We looked again." }]);
    // The case keeps who made the decision appealed.
    expect((await caseRow(server.db, caseId)).decidedBy).toBe(c.facilitator.id);
  });

  it("UPHOLD keeps the content hidden", async () => {
    const { caseId, postId } = await hiddenCase(cast.facilitator);
    await appeal(caseId);
    expect((await decideAppeal(caseId, "UPHOLD", cast.admin)).data?.decideAppeal.state).toBe("UPHELD");
    expect((await postRow(server.db, postId)).hiddenAt).not.toBeNull();
  });
});

describe("sendCaseMessage", () => {
  it("the author and the moderators write; the other side is told; others are refused", async () => {
    const { caseId } = await hiddenCase();
    const fromAuthor = await call(MESSAGE, { caseId, body: "Why?" }, cast.author);
    expect(fromAuthor.errors).toBeUndefined();
    const fromModerator = await call(MESSAGE, { caseId, body: "Because." }, cast.facilitator2);
    expect(fromModerator.errors).toBeUndefined();
    const told = await server.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.caseId, caseId), eq(notifications.kind, "CASE_MESSAGE")));
    expect(told.map((n) => n.userId).sort()).toEqual([cast.facilitator.id, cast.author.id].sort());
    const before = await snapshot(server.db);
    expect(errorCode(await call(MESSAGE, { caseId, body: "Me too" }, cast.reporter))).toBe("FORBIDDEN");
    expect(errorCode(await call(MESSAGE, { caseId, body: "Me too" }, cast.otherFacilitator))).toBe("FORBIDDEN");
    expect(errorCode(await call(MESSAGE, { caseId, body: "Me too" }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await call(MESSAGE, { caseId, body: " " }, cast.author))).toBe("BAD_USER_INPUT");
    expect(await snapshot(server.db)).toEqual(before);
  });

  it("before the author was told, the conversation is closed (CONFLICT); a suspended author still writes", async () => {
    const c = await buildCast(server.db);
    const post = await buildReportedPost(server.db, c);
    const caseId = await reportPost(server, post.id, c.reporter);
    expect(errorCode(await call(MESSAGE, { caseId, body: "Hello" }, c.author))).toBe("CONFLICT");
    await call(
      DECIDE,
      {
        caseId,
        action: "SUSPEND",
        reason: "r",
        message: "m",
        until: later(3).toISOString(),
        expectedState: "OPEN",
      },
      c.facilitator,
    );
    expect((await call(MESSAGE, { caseId, body: "Please reconsider" }, c.author)).errors).toBeUndefined();
  });
});

describe("platform suspension and the sweeper", () => {
  it("revokes every session of the user (an open socket closes); the sweeper lifts it at its end", async () => {
    const c = await buildCast(server.db);
    const post = await buildReportedPost(server.db, c);
    const caseId = await reportPost(server, post.id, c.reporter);
    const socket = socketOf(server, c.author);
    const watch = closeWatch(socket);
    const isConnected = connected(socket);
    collect(socket, NOTIFICATIONS);
    await isConnected;
    const until = later(10);
    const before = await snapshot(server.db);
    // A facilitator may not; an admin may.
    const input = {
      caseId,
      action: "SUSPEND",
      scope: "PLATFORM",
      reason: "r",
      message: "Suspended from the platform.",
      until: until.toISOString(),
      expectedState: "OPEN",
    };
    expect(errorCode(await call(DECIDE, input, c.facilitator))).toBe("FORBIDDEN");
    expect(await snapshot(server.db)).toEqual(before);
    expect((await call(DECIDE, input, c.admin)).errors).toBeUndefined();
    expect(await watch.closed).toBe(4403);
    const userRow = async () => (await server.db.select().from(users).where(eq(users.id, c.author.id)))[0];
    expect((await userRow())?.suspendedUntil?.toISOString()).toBe(until.toISOString());

    // Other tests of this file left shorter sanctions: the sweeper lifts those first.
    await server.services.sanctionSweeper.liftExpired(later(9));
    expect((await userRow())?.suspendedUntil?.toISOString()).toBe(until.toISOString());
    expect(await server.services.sanctionSweeper.liftExpired(later(10))).toBe(1);
    expect((await userRow())?.suspendedUntil).toBeNull();
    const steps = await server.db.select().from(caseTransitions).where(eq(caseTransitions.caseId, caseId));
    expect(steps.at(-1)).toMatchObject({ action: "LIFT", actorId: null, fromState: "ACTIONED", toState: "ACTIONED" });
    const lifts = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, "case.lift")));
    expect(lifts).toHaveLength(1);
    // Twice is once.
    expect(await server.services.sanctionSweeper.liftExpired(later(11))).toBe(0);
  });
});

describe("the audit log", () => {
  it("refuses to update or delete a moderation entry (the trigger), on this database", async () => {
    const { caseId } = await hiddenCase();
    const [entry] = await server.db.select().from(auditLog).where(eq(auditLog.caseId, caseId));
    expect(entry).toBeDefined();
    await expect(
      server.db
        .update(auditLog)
        .set({ reason: "rewritten" })
        .where(eq(auditLog.id, entry?.id ?? "")),
    ).rejects.toThrow();
    await expect(server.db.delete(auditLog).where(eq(auditLog.caseId, caseId))).rejects.toThrow();
    const [count] = await server.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(eq(auditLog.caseId, caseId));
    expect(count?.n).toBeGreaterThanOrEqual(2);
  });
});
