import { expect, it } from "vitest";
import { gql } from "../client.js";
import { addMember, buildCommunity, buildPost, buildThread, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { collect } from "../live.js";
import { DECIDE, reportPost } from "./support.js";

const server = useTestServer();
const EVENTS = `subscription($threadId: ID!) { threadEvents(threadId: $threadId) {
  __typename ... on PostAdded { post { id body } } } }`;

it("a member suspended from a members-only community stops receiving its open thread at once", async () => {
  const community = await buildCommunity(server.db, { visibility: "MEMBERS" });
  const [author, reporter, facilitator] = [
    await buildUser(server.db),
    await buildUser(server.db),
    await buildUser(server.db),
  ];
  await addMember(server.db, community, author);
  await addMember(server.db, community, reporter);
  await addMember(server.db, community, facilitator, "FACILITATOR");
  const thread = await buildThread(server.db, community, facilitator);
  const reported = await buildPost(server.db, thread, author, "Rude words");
  const socket = server.socketFor(author);
  const joined = server.subscribed("thread", thread.id);
  const sub = collect(socket, EVENTS, { threadId: thread.id });
  await joined;
  const caseId = await reportPost(server, reported.id, reporter, "OFFENSIVE");
  const decided = await gql(
    server.url,
    DECIDE,
    {
      i: {
        caseId,
        action: "SUSPEND",
        reason: "Insults, again",
        message: "Suspended for a week for insulting members.",
        until: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
        expectedState: "OPEN",
      },
    },
    { token: facilitator.token },
  );
  expect(decided.errors).toBeUndefined();
  await sub.done;
  expect(sub.results.at(-1)?.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  await socket.dispose();
});
