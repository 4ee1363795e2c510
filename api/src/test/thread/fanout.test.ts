import { describe, expect, it } from "vitest";
import { gql } from "../client.js";
import { addMember, buildCommunity, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { collect } from "../live.js";

// No viewer-dependent field: one execution and one serialised text per event serve everyone.
const SHARED = `subscription($threadId: ID!, $after: String) { threadEvents(threadId: $threadId, after: $after) {
  __typename ... on PostAdded { cursor post { id body author { id } } }
} }`;
const ADD = `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`;
type Event = { threadEvents: { __typename: string; post?: { id: string; body: string } } };

const server = useTestServer();

const { socketFor } = server;
const post = (user: TestUser, threadId: string, body: string) =>
  gql(server.url, ADD, { i: { threadId, body } }, { token: user.token });
const bodies = (events: Event[]) => events.map((e) => e.threadEvents.post?.body);

describe("fan-out of one pre-serialised result", () => {
  it("still applies each subscriber's access: a removed member stops, the others go on", async () => {
    const community = await buildCommunity(server.db, { visibility: "MEMBERS" });
    const [alice, carol, bob, facilitator] = await Promise.all([1, 2, 3, 4].map(() => buildUser(server.db)));
    const aliceMembership = await addMember(server.db, community, alice as TestUser);
    for (const user of [carol, bob]) await addMember(server.db, community, user as TestUser);
    await addMember(server.db, community, facilitator as TestUser, "FACILITATOR");
    const thread = await buildThread(server.db, community, bob as TestUser);

    const [aliceSocket, carolSocket] = [socketFor(alice), socketFor(carol)];
    // Each subscriber watches its own membership after joining the thread: that is the signal.
    const joined = Promise.all([
      server.subscribed("user", (alice as TestUser).id),
      server.subscribed("user", (carol as TestUser).id),
    ]);
    const [forAlice, forCarol] = [
      collect<Event>(aliceSocket, SHARED, { threadId: thread.id }),
      collect<Event>(carolSocket, SHARED, { threadId: thread.id }),
    ];
    await joined;
    await post(bob as TestUser, thread.id, "for both");
    await forAlice.until((d) => d.length >= 1);
    await forCarol.until((d) => d.length >= 1);
    // The same text reached both.
    expect(forAlice.results[0]).toEqual(forCarol.results[0]);

    await gql(
      server.url,
      `mutation($id: ID!) { removeMember(membershipId: $id) }`,
      { id: aliceMembership.id },
      { token: (facilitator as TestUser).token },
    );
    // Alice's stream has ended: nothing can reach it any more.
    await forAlice.done;
    await post(bob as TestUser, thread.id, "members only");
    await forCarol.until((d) => d.length >= 2);

    expect(bodies(forCarol.data)).toEqual(["for both", "members only"]);
    expect(bodies(forAlice.data)).toEqual(["for both"]);
    expect(forAlice.results.at(-1)?.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(forAlice.results)).not.toContain("members only");
    forCarol.stop();
    await Promise.all([aliceSocket.dispose(), carolSocket.dispose()]);
  });

  it("stops sending to a subscriber that unsubscribed, and keeps serving the rest", async () => {
    const community = await buildCommunity(server.db);
    const bob = await buildUser(server.db);
    await addMember(server.db, community, bob);
    const thread = await buildThread(server.db, community, bob);
    const [one, two] = [socketFor(), socketFor()];
    // Anonymous subscribers watch nothing of their own: they replay from the thread's start
    // ("0", it is empty), so a post made while they join reaches them either way.
    const [first, second] = [
      collect<Event>(one, SHARED, { threadId: thread.id, after: "0" }),
      collect<Event>(two, SHARED, { threadId: thread.id, after: "0" }),
    ];
    await post(bob, thread.id, "a");
    await first.until((d) => d.length >= 1);
    await second.until((d) => d.length >= 1);
    const left = server.operationEnded();
    first.stop();
    await left;
    await post(bob, thread.id, "b");
    // A last post: when it arrives, anything else sent would have arrived before it.
    await post(bob, thread.id, "sentinel");
    await second.until((d) => d.length >= 3);
    expect(bodies(first.data)).toEqual(["a"]);
    expect(bodies(second.data)).toEqual(["a", "b", "sentinel"]);
    second.stop();
    await Promise.all([one.dispose(), two.dispose()]);
  });
});
