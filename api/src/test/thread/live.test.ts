import { describe, expect, it } from "vitest";
import { gql } from "../client.js";
import { addMember, buildCommunity, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { collect } from "../live.js";

const EVENTS = `subscription($threadId: ID!, $after: String) { threadEvents(threadId: $threadId, after: $after) {
  __typename
  ... on PostAdded { cursor post { id body author { id } } }
  ... on PostEdited { cursor post { id body edited } }
  ... on PostDeleted { cursor post { id deleted } }
  ... on ReactionChanged { cursor post { id reactions { kind count } } }
  ... on Typing { user { id } }
} }`;
const ADD = `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`;
type Event = { threadEvents: { __typename: string; cursor?: string; post?: { id: string; body?: string } } };

const server = useTestServer();

async function setup(visibility: "PUBLIC" | "MEMBERS" = "PUBLIC") {
  const community = await buildCommunity(server.db, { visibility });
  const [alice, bob, facilitator] = [
    await buildUser(server.db),
    await buildUser(server.db),
    await buildUser(server.db),
  ];
  const aliceMembership = await addMember(server.db, community, alice);
  await addMember(server.db, community, bob);
  await addMember(server.db, community, facilitator, "FACILITATOR");
  const thread = await buildThread(server.db, community, bob);
  return { community, alice, bob, facilitator, aliceMembership, thread };
}
const { socketFor } = server;
const post = (user: TestUser, threadId: string, body: string) =>
  gql(server.url, ADD, { i: { threadId, body } }, { token: user.token });
const bodies = (events: Event[]) =>
  events.filter((e) => e.threadEvents.__typename === "PostAdded").map((e) => e.threadEvents.post?.body);

describe("threadEvents", () => {
  it("delivers a post made by another user, and edits, deletes and reactions", async () => {
    const { alice, bob, thread } = await setup();
    const socket = socketFor(alice);
    const joined = server.subscribed("thread", thread.id);
    const sub = collect<Event>(socket, EVENTS, { threadId: thread.id });
    await joined;
    const added = await post(bob, thread.id, "Hello from Bob");
    const postId = added.data?.addPost.id;
    await sub.until((d) => d.length >= 1);
    expect(sub.data[0]?.threadEvents).toMatchObject({
      __typename: "PostAdded",
      post: { id: postId, body: "Hello from Bob" },
    });

    await gql(
      server.url,
      `mutation($i: EditPostInput!) { editPost(input: $i) { id } }`,
      { i: { postId, body: "Hello, edited" } },
      { token: bob.token },
    );
    await gql(
      server.url,
      `mutation($i: ToggleReactionInput!) { toggleReaction(input: $i) { id } }`,
      { i: { postId, kind: "LIKE" } },
      { token: alice.token },
    );
    await gql(
      server.url,
      `mutation($id: ID!) { deletePost(postId: $id) { id } }`,
      { id: postId },
      { token: bob.token },
    );
    await sub.until((d) => d.length >= 4);
    expect(sub.data.map((d) => d.threadEvents.__typename)).toEqual([
      "PostAdded",
      "PostEdited",
      "ReactionChanged",
      "PostDeleted",
    ]);
    const cursors = sub.data.map((d) => Number(d.threadEvents.cursor));
    expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
    sub.stop();
    await socket.dispose();
  });

  it("after a reconnect with `after`, replays exactly the missed posts once each, then goes live", async () => {
    const { alice, bob, thread } = await setup();
    const first = socketFor(alice);
    const joined = server.subscribed("thread", thread.id);
    const sub = collect<Event>(first, EVENTS, { threadId: thread.id });
    await joined;
    await post(bob, thread.id, "one");
    await sub.until((d) => d.length >= 1);
    const lastCursor = sub.data[0]?.threadEvents.cursor;
    sub.stop();
    await first.dispose();

    // Offline: three posts happen.
    for (const body of ["two", "three", "four"]) await post(bob, thread.id, body);

    const second = socketFor(alice);
    const resumed = collect<Event>(second, EVENTS, { threadId: thread.id, after: lastCursor });
    await resumed.until((d) => d.length >= 3);
    await post(bob, thread.id, "five");
    // A last post: when it arrives, anything sent twice would have arrived before it.
    await post(bob, thread.id, "sentinel");
    await resumed.until((d) => bodies(d).includes("sentinel"));
    expect(bodies(resumed.data)).toEqual(["two", "three", "four", "five", "sentinel"]);
    resumed.stop();
    await second.dispose();
  });

  it("has no gap and no duplicate at the seam between replay and live, under concurrent posting", async () => {
    const { alice, bob, thread } = await setup();
    await post(bob, thread.id, "before");
    const socket = socketFor(alice);
    // Posts keep arriving while the subscription replays from the very beginning.
    const writing = (async () => {
      for (let i = 0; i < 15; i++) await post(bob, thread.id, `p${i}`);
    })();
    const sub = collect<Event>(socket, EVENTS, { threadId: thread.id, after: "0" });
    await writing;
    await post(bob, thread.id, "sentinel");
    await sub.until((d) => bodies(d).includes("sentinel"), 10_000);
    expect(bodies(sub.data)).toEqual(["before", ...Array.from({ length: 15 }, (_, i) => `p${i}`), "sentinel"]);
    sub.stop();
    await socket.dispose();
  });

  it("relays typing live but never replays it", async () => {
    const { alice, bob, thread } = await setup();
    const socket = socketFor(alice);
    const joined = server.subscribed("thread", thread.id);
    const sub = collect<Event>(socket, EVENTS, { threadId: thread.id });
    await joined;
    await gql(server.url, `mutation($id: ID!) { sendTyping(threadId: $id) }`, { id: thread.id }, { token: bob.token });
    await sub.until((d) => d.some((e) => e.threadEvents.__typename === "Typing"));
    sub.stop();
    const replay = collect<Event>(socket, EVENTS, { threadId: thread.id, after: "0" });
    // A post made now comes after whatever the replay holds.
    await post(bob, thread.id, "sentinel");
    await replay.until((d) => bodies(d).includes("sentinel"));
    expect(replay.data.map((e) => e.threadEvents.__typename)).not.toContain("Typing");
    replay.stop();
    await socket.dispose();
  });

  it("refuses to subscribe to a MEMBERS community's thread for non-members", async () => {
    const { thread } = await setup("MEMBERS");
    const outsider = await buildUser(server.db);
    for (const user of [outsider, undefined]) {
      const socket = socketFor(user);
      const sub = collect<Event>(socket, EVENTS, { threadId: thread.id });
      await sub.done;
      expect(sub.results[0]?.errors?.[0]?.extensions?.code).toBe(user ? "FORBIDDEN" : "UNAUTHENTICATED");
      await socket.dispose();
    }
  });

  it("a member removed from a MEMBERS community stops receiving at once", async () => {
    const { alice, bob, facilitator, aliceMembership, thread } = await setup("MEMBERS");
    const socket = socketFor(alice);
    const joined = server.subscribed("thread", thread.id);
    const sub = collect<Event>(socket, EVENTS, { threadId: thread.id });
    await joined;
    await post(bob, thread.id, "visible to alice");
    await sub.until((d) => d.length >= 1);
    const removed = await gql(
      server.url,
      `mutation($id: ID!) { removeMember(membershipId: $id) }`,
      { id: aliceMembership.id },
      { token: facilitator.token },
    );
    expect(removed.data?.removeMember).toBe(true);
    await sub.done;
    // The stream has ended: nothing can reach it any more, whatever is posted.
    await post(bob, thread.id, "secret after removal");
    expect(bodies(sub.data)).toEqual(["visible to alice"]);
    expect(sub.results.at(-1)?.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await socket.dispose();
  });
});

describe("communityEvents", () => {
  it("announces new threads and new activity", async () => {
    const { community, alice, bob, thread } = await setup();
    const socket = socketFor(alice);
    const joined = server.subscribed("community", community.id);
    const sub = collect<{ communityEvents: { __typename: string; thread: { id: string; replyCount: number } } }>(
      socket,
      `subscription($id: ID!) { communityEvents(communityId: $id) { __typename ... on ThreadCreated { thread { id replyCount } } ... on ThreadUpdated { thread { id replyCount } } } }`,
      { id: community.id },
    );
    await joined;
    const created = await gql(
      server.url,
      `mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`,
      { i: { communityId: community.id, title: "Fresh topic", body: "..." } },
      { token: bob.token },
    );
    await post(bob, thread.id, "activity");
    await sub.until((d) => d.length >= 2);
    expect(sub.data.map((d) => d.communityEvents)).toEqual([
      { __typename: "ThreadCreated", thread: { id: created.data?.createThread.id, replyCount: 0 } },
      { __typename: "ThreadUpdated", thread: { id: thread.id, replyCount: 1 } },
    ]);
    sub.stop();
    await socket.dispose();
  });
});

describe("fan-out", () => {
  const SHARED = `subscription($threadId: ID!) { threadEvents(threadId: $threadId) { ... on PostAdded { post { id body author { displayName } reactions { kind count } } } } }`;
  const PERSONAL = `subscription($threadId: ID!) { threadEvents(threadId: $threadId) { ... on ReactionChanged { post { id reactions { kind count viewerReacted } } } } }`;

  async function statementsToDeliver(subscribers: number) {
    const { bob, thread } = await setup();
    const sockets = Array.from({ length: subscribers }, () => socketFor());
    // Each subscription joins the thread's topic after checking access, its last statement.
    const joined = Promise.all(sockets.map(() => server.subscribed("thread", thread.id)));
    const subs = sockets.map((s) => collect<Event>(s, SHARED, { threadId: thread.id }));
    await joined;
    const start = server.statements.length;
    await post(bob, thread.id, "to everyone");
    await Promise.all(subs.map((s) => s.until((d) => d.length >= 1)));
    const used = server.statements.length - start;
    for (const s of subs) s.stop();
    await Promise.all(sockets.map((s) => s.dispose()));
    return used;
  }

  it("loads an event's data once, however many subscribers receive it", async () => {
    expect(await statementsToDeliver(20)).toBe(await statementsToDeliver(2));
  });

  it("still answers viewer-dependent fields per subscriber", async () => {
    const { alice, bob, thread } = await setup();
    const p = await post(bob, thread.id, "react to me");
    const [aliceSocket, bobSocket] = [socketFor(alice), socketFor(bob)];
    type Reaction = { threadEvents: { post?: { reactions: { viewerReacted: boolean }[] } } };
    // Each subscriber watches its own membership after joining the thread: that is the signal.
    const joined = Promise.all([server.subscribed("user", alice.id), server.subscribed("user", bob.id)]);
    const [forAlice, forBob] = [
      collect<Reaction>(aliceSocket, PERSONAL, { threadId: thread.id }),
      collect<Reaction>(bobSocket, PERSONAL, { threadId: thread.id }),
    ];
    await joined;
    await gql(
      server.url,
      `mutation($i: ToggleReactionInput!) { toggleReaction(input: $i) { id } }`,
      { i: { postId: p.data?.addPost.id, kind: "LIKE" } },
      { token: alice.token },
    );
    await forAlice.until((d) => d.length >= 1);
    await forBob.until((d) => d.length >= 1);
    expect(forAlice.data[0]?.threadEvents.post?.reactions).toEqual([{ kind: "LIKE", count: 1, viewerReacted: true }]);
    expect(forBob.data[0]?.threadEvents.post?.reactions).toEqual([{ kind: "LIKE", count: 1, viewerReacted: false }]);
    forAlice.stop();
    forBob.stop();
    await Promise.all([aliceSocket.dispose(), bobSocket.dispose()]);
  });
});
