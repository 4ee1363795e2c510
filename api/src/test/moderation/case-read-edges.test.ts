import { communityMemberships } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { gql } from "../client.js";
import { useTestServer } from "../fixture.js";
import { collect } from "../live.js";
import { buildCast, buildReportedPost, DECIDE } from "./support.js";

// The read side through the write side's real mutations: every edge that reaches a case
// (the report, the notification, the queue, the live queue, the logs) under its read rule.

const server = useTestServer();

const NOTIFIED = `{ notifications(first: 50) { edges { node { kind case { id state reports { id } targetExcerpt message } } } } }`;
const QUEUE = `query($c: ID, $s: CaseState) { moderationQueue(communityId: $c, state: $s) { edges { node { id state } } } }`;
const LOG = `query($c: ID!) { communityModerationLog(communityId: $c) { edges { node { step actor { id } note } } } }`;
const PUBLIC_LOG = `query($c: ID!) { publicModerationLog(communityId: $c) { edges { node { step reason actor { id } note } } } }`;
const LIVE = `subscription($c: ID) { moderationQueueEvents(communityId: $c) { ... on CaseChanged { case { id state } } } }`;

type Notified = {
  kind: string;
  case: { id: string; state: string; reports: unknown[]; targetExcerpt: string; message: string | null } | null;
};
const notified = async (token: string): Promise<Notified[]> => {
  const res = await gql(server.url, NOTIFIED, {}, { token });
  expect(res.errors).toBeUndefined();
  return res.data?.notifications.edges.map((e: { node: Notified }) => e.node);
};

describe("a report, followed to its decision, along every edge that reaches the case", () => {
  it("shows each person the case as their standing allows", async () => {
    const cast = await buildCast(server.db);
    const post = await buildReportedPost(server.db, cast, "Rude **words** here");

    // The facilitator follows the queue live from before the report.
    const socket = server.socketFor(cast.facilitator);
    const joined = server.subscribed("moderation", cast.community.id);
    const live = collect<{ moderationQueueEvents: { case: { id: string; state: string } } }>(socket, LIVE, {
      c: cast.community.id,
    });
    await joined;

    const reported = await gql(
      server.url,
      `mutation($i: ReportContentInput!) { reportContent(input: $i) { id reporter { id } case { id state targetExcerpt reports { id } author { id } } } }`,
      { i: { postId: post.id, reason: "OFFENSIVE", note: "insults" } },
      { token: cast.reporter.token },
    );
    expect(reported.errors).toBeUndefined();
    const report = reported.data?.reportContent;
    // The reporter reads the case's state, not its reports, its excerpt or its author, nor their own name back.
    expect(report).toMatchObject({
      reporter: null,
      case: { state: "OPEN", targetExcerpt: "", reports: [], author: null },
    });
    const caseId: string = report.case.id;

    // Live: the facilitator hears of the case opened.
    const [heard] = await live.until((d) => d.length >= 1);
    expect(heard?.moderationQueueEvents.case).toEqual({ id: caseId, state: "OPEN" });

    // The facilitator's notification leads to the case, in full.
    const opened = (await notified(cast.facilitator.token)).find((n) => n.kind === "CASE_OPENED");
    expect(opened?.case).toMatchObject({ id: caseId, state: "OPEN", targetExcerpt: "Rude words here" });
    expect(opened?.case?.reports).toHaveLength(1);
    expect(
      (await gql(server.url, QUEUE, { c: cast.community.id }, { token: cast.facilitator.token })).data?.moderationQueue
        .edges,
    ).toEqual([{ node: { id: caseId, state: "OPEN" } }]);
    // The author was told nothing yet: the case is not theirs to read.
    expect(
      (
        await gql(
          server.url,
          `query($id: ID!) { moderationCase(id: $id) { id } }`,
          { id: caseId },
          { token: cast.author.token },
        )
      ).data?.moderationCase,
    ).toBeNull();

    const decided = await gql(
      server.url,
      DECIDE,
      {
        i: {
          caseId,
          action: "HIDE",
          reason: "insults in the first line",
          message: "Please keep it civil",
          expectedState: "OPEN",
        },
      },
      { token: cast.facilitator.token },
    );
    expect(decided.errors).toBeUndefined();
    await live.until((d) => d.some((e) => e.moderationQueueEvents.case.state === "ACTIONED"));
    live.stop();

    // The queue no longer holds it; asked for, it is there as actioned.
    const queue = (s?: string) =>
      gql(server.url, QUEUE, { c: cast.community.id, s }, { token: cast.facilitator2.token }).then(
        (r) => r.data?.moderationQueue.edges,
      );
    expect(await queue()).toEqual([]);
    expect(await queue("ACTIONED")).toEqual([{ node: { id: caseId, state: "ACTIONED" } }]);

    // The author's notification leads to the case with the message, not the reports.
    const told = (await notified(cast.author.token)).find((n) => n.case?.id === caseId);
    expect(told?.case).toMatchObject({ state: "ACTIONED", message: "Please keep it civil", reports: [] });

    // The logs: the facilitators in full, everyone else the hiding and its reason only.
    const log = await gql(server.url, LOG, { c: cast.community.id }, { token: cast.facilitator2.token });
    expect(log.data?.communityModerationLog.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { step: "HIDE", actor: { id: cast.facilitator.id }, note: "insults in the first line" },
      { step: "REPORT", actor: null, note: null },
    ]);
    const open = await gql(server.url, PUBLIC_LOG, { c: cast.community.id });
    expect(open.data?.publicModerationLog.edges).toEqual([
      { node: { step: "HIDE", reason: "OFFENSIVE", actor: null, note: null } },
    ]);

    // A facilitator who stepped down keeps the notification, not the case behind it.
    await server.db
      .update(communityMemberships)
      .set({ role: "MEMBER" })
      .where(
        and(
          eq(communityMemberships.userId, cast.facilitator.id),
          eq(communityMemberships.communityId, cast.community.id),
        ),
      );
    const after = (await notified(cast.facilitator.token)).find((n) => n.kind === "CASE_OPENED");
    expect(after).toMatchObject({ kind: "CASE_OPENED", case: null });
  });
});
