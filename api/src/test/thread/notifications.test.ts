import { notifications } from "@pratica/db";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { addMember, buildCommunity, buildPost, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { collect } from "../live.js";

const ADD = `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`;
const LIST = `query($unreadOnly: Boolean) { unreadNotificationCount notifications(unreadOnly: $unreadOnly) {
  totalCount edges { node { id kind excerpt read actor { id } thread { id } post { id } } } } }`;

const server = useTestServer();

async function setup() {
  const community = await buildCommunity(server.db);
  const [author, replier, mentioned, outsider] = await Promise.all([1, 2, 3, 4].map(() => buildUser(server.db)));
  for (const u of [author, replier, mentioned]) await addMember(server.db, community, u as TestUser);
  const thread = await buildThread(server.db, community, author as TestUser);
  return {
    community,
    thread,
    author: author as TestUser,
    replier: replier as TestUser,
    mentioned: mentioned as TestUser,
    outsider: outsider as TestUser,
  };
}
const kindsOf = async (user: TestUser) =>
  (await gql(server.url, LIST, {}, { token: user.token })).data?.notifications.edges.map(
    (e: { node: { kind: string } }) => e.node.kind,
  );

describe("notifications", () => {
  it("tells the thread's author about a reply, the quoted author about a reply to their post, and the mentioned", async () => {
    const { thread, author, replier, mentioned, outsider } = await setup();
    const quoted = await buildPost(server.db, thread, mentioned, "an earlier thought");
    await gql(
      server.url,
      ADD,
      {
        i: {
          threadId: thread.id,
          body: `Agree with @${mentioned.handle}; cc @${outsider.handle} and @nobody-here`,
          replyToId: quoted.id,
        },
      },
      { token: replier.token },
    );
    expect(await kindsOf(author)).toEqual(["REPLY_TO_THREAD"]);
    // Quoted and mentioned at once: one notification, the stronger reason.
    expect(await kindsOf(mentioned)).toEqual(["MENTION"]);
    // Not a member: mentions do not reach outside the community.
    expect(await kindsOf(outsider)).toEqual([]);
    // Nobody hears of their own post.
    expect(await kindsOf(replier)).toEqual([]);
  });

  it("ignores @handles inside code", async () => {
    const { thread, replier, mentioned } = await setup();
    await gql(
      server.url,
      ADD,
      { i: { threadId: thread.id, body: `Use \`@${mentioned.handle}\` in code` } },
      { token: replier.token },
    );
    expect(await kindsOf(mentioned)).toEqual([]);
  });

  it("counts unread, marks one and then all as read; someone else's is NOT_FOUND", async () => {
    const { thread, author, replier } = await setup();
    for (const body of ["one", "two"])
      await gql(server.url, ADD, { i: { threadId: thread.id, body } }, { token: replier.token });
    const list = await gql(server.url, LIST, {}, { token: author.token });
    expect(list.data?.unreadNotificationCount).toBe(2);
    const id = list.data?.notifications.edges[0].node.id;
    expect(
      errorCode(
        await gql(
          server.url,
          `mutation($id: ID!) { markNotificationRead(id: $id) { id } }`,
          { id },
          { token: replier.token },
        ),
      ),
    ).toBe("NOT_FOUND");
    expect(
      errorCode(await gql(server.url, `mutation($id: ID!) { markNotificationRead(id: $id) { id } }`, { id })),
    ).toBe("UNAUTHENTICATED");
    const marked = await gql(
      server.url,
      `mutation($id: ID!) { markNotificationRead(id: $id) { id read } }`,
      { id },
      { token: author.token },
    );
    expect(marked.data?.markNotificationRead).toEqual({ id, read: true });
    expect(
      (await gql(server.url, LIST, { unreadOnly: true }, { token: author.token })).data?.notifications.edges,
    ).toHaveLength(1);
    const all = await gql(server.url, `mutation { markAllNotificationsRead }`, {}, { token: author.token });
    expect(all.data?.markAllNotificationsRead).toBe(1);
    expect((await gql(server.url, LIST, {}, { token: author.token })).data?.unreadNotificationCount).toBe(0);
  });

  it("requires login to list and to mark all", async () => {
    expect(errorCode(await gql(server.url, LIST))).toBe("UNAUTHENTICATED");
    const before = (
      await server.db.select({ n: sql<number>`count(*) filter (where read_at is null)::int` }).from(notifications)
    )[0]?.n;
    expect(errorCode(await gql(server.url, `mutation { markAllNotificationsRead }`))).toBe("UNAUTHENTICATED");
    const after = (
      await server.db.select({ n: sql<number>`count(*) filter (where read_at is null)::int` }).from(notifications)
    )[0]?.n;
    expect(after).toBe(before);
  });

  it("arrives live through notificationAdded, only to its recipient", async () => {
    const { thread, author, replier, mentioned } = await setup();
    const [authorSocket, otherSocket] = [server.socketFor(author), server.socketFor(mentioned)];
    const q = `subscription { notificationAdded { kind excerpt actor { id } thread { id } } }`;
    const joined = Promise.all([server.subscribed("user", author.id), server.subscribed("user", mentioned.id)]);
    const [mine, theirs] = [collect<{ notificationAdded: unknown }>(authorSocket, q), collect(otherSocket, q)];
    await joined;
    await gql(
      server.url,
      ADD,
      { i: { threadId: thread.id, body: "A reply for the author" } },
      { token: replier.token },
    );
    await mine.until((d) => d.length >= 1);
    // A second reply that does concern them: when its notification arrives, one from the first
    // reply would have arrived before it.
    await gql(
      server.url,
      ADD,
      { i: { threadId: thread.id, body: `Now for @${mentioned.handle}` } },
      { token: replier.token },
    );
    await theirs.until((d) => d.length >= 1);
    expect(mine.data[0]?.notificationAdded).toEqual({
      kind: "REPLY_TO_THREAD",
      excerpt: "A reply for the author",
      actor: { id: replier.id },
      thread: { id: thread.id },
    });
    expect(theirs.data.map((d) => (d as { notificationAdded: { kind: string } }).notificationAdded.kind)).toEqual([
      "MENTION",
    ]);
    mine.stop();
    theirs.stop();
    await Promise.all([authorSocket.dispose(), otherSocket.dispose()]);
  });

  it("notificationAdded requires login", async () => {
    const socket = server.socketFor();
    const sub = collect(socket, `subscription { notificationAdded { id } }`);
    await sub.done;
    expect(sub.results[0]?.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    await socket.dispose();
  });
});

describe("mention suggestions", () => {
  it("suggests active members by handle or name prefix, to members only", async () => {
    const { community, author, outsider } = await setup();
    const q = `query($slug: String!, $p: String!) { community(slug: $slug) { mentionSuggestions(prefix: $p) { id handle } } }`;
    const prefix = author.handle.slice(0, 7);
    const res = await gql(server.url, q, { slug: community.slug, p: prefix }, { token: author.token });
    expect(res.data?.community.mentionSuggestions.map((u: { handle: string }) => u.handle)).toContain(author.handle);
    expect(
      (await gql(server.url, q, { slug: community.slug, p: prefix }, { token: outsider.token })).data?.community
        .mentionSuggestions,
    ).toEqual([]);
    expect(
      (await gql(server.url, q, { slug: community.slug, p: "%" }, { token: author.token })).data?.community
        .mentionSuggestions,
    ).toEqual([]);
  });
});
