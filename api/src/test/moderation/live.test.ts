import { expect, it } from "vitest";
import { gql } from "../client.js";
import { useTestServer } from "../fixture.js";
import { collect } from "../live.js";
import { buildCast, buildReportedPost, DECIDE, reportPost } from "./support.js";

const EVENTS = `subscription($threadId: ID!) { threadEvents(threadId: $threadId) {
  __typename ... on PostHidden { cursor post { id } } ... on PostRestored { cursor post { id } } } }`;
type Event = { threadEvents: { __typename: string; post?: { id: string } } };

const server = useTestServer();

it("an open thread page hears its post hidden by a decision, then shown again when the decision is undone", async () => {
  const cast = await buildCast(server.db);
  const post = await buildReportedPost(server.db, cast);
  const caseId = await reportPost(server, post.id, cast.reporter);
  const socket = server.socketFor(cast.member);
  const joined = server.subscribed("thread", post.threadId);
  const sub = collect<Event>(socket, EVENTS, { threadId: post.threadId });
  await joined;
  const decide = (action: string, expectedState: string, by = cast.facilitator) =>
    gql(
      server.url,
      DECIDE,
      { i: { caseId, action, expectedState, reason: "note", message: "Hidden: advertising." } },
      { token: by.token },
    );
  expect((await decide("HIDE", "OPEN")).errors).toBeUndefined();
  await sub.until((d) => d.length >= 1);
  expect(sub.data[0]?.threadEvents).toMatchObject({ __typename: "PostHidden", post: { id: post.id } });
  expect((await decide("RESTORE", "ACTIONED", cast.facilitator2)).errors).toBeUndefined();
  await sub.until((d) => d.length >= 2);
  expect(sub.data[1]?.threadEvents).toMatchObject({ __typename: "PostRestored", post: { id: post.id } });
  sub.stop();
});
