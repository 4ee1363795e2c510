import { describe, expect, it } from "vitest";
import { gql, wsClient } from "../client.js";
import { addMember, buildCommunity, buildThread, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { collect } from "../live.js";

// CI sets TEST_REDIS_URL (and starts Redis); without it this part is skipped, loudly.
const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl) console.warn("TEST_REDIS_URL is not set: skipping the two-instance (Redis) tests");

describe.skipIf(!redisUrl)("two api instances on one database, events through Redis", () => {
  const env = { REDIS_URL: redisUrl as string };
  const a = useTestServer(env);
  const b = useTestServer(env, () => a.database);

  it("a post made through one instance reaches a subscriber of the other", async () => {
    const community = await buildCommunity(a.db);
    const [alice, bob] = [await buildUser(a.db), await buildUser(a.db)];
    await addMember(a.db, community, alice);
    await addMember(a.db, community, bob);
    const thread = await buildThread(a.db, community, alice);

    const socket = wsClient(b.wsUrl, { authorization: `Bearer ${alice.token}` });
    // In place on instance B once Redis confirmed B's channel subscription.
    const joined = b.subscribed("thread", thread.id);
    const sub = collect<{ threadEvents: { __typename: string; post: { body: string } } }>(
      socket,
      `subscription($id: ID!) { threadEvents(threadId: $id) { __typename ... on PostAdded { post { body } } } }`,
      { id: thread.id },
    );
    await joined;
    const res = await gql(
      a.url,
      `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`,
      { i: { threadId: thread.id, body: "via instance A" } },
      { token: bob.token },
    );
    expect(res.errors).toBeUndefined();
    await sub.until((d) => d.length >= 1);
    expect(sub.data[0]?.threadEvents).toEqual({ __typename: "PostAdded", post: { body: "via instance A" } });
    sub.stop();
    await socket.dispose();
  });
});
