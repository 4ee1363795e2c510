import { communityMemberships, postRevisions, posts, reactions, threadEvents, threads } from "@pratica/db";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { untilSomeoneWaitsOnALock } from "../database.js";
import { addMember, buildCommunity, buildPost, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

// Races between writes to one thread. On PostgreSQL the requests really overlap (the pool has
// several connections); on PGlite they run one after another and the same outcome must hold.

const ADD = `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`;
const EDIT = `mutation($i: EditPostInput!) { editPost(input: $i) { id } }`;
const REACT = `mutation($i: ToggleReactionInput!) { toggleReaction(input: $i) { id } }`;
const REACTIONS = `query($id: ID!) { thread(id: $id) { posts(first: 1) { edges { node { reactions { kind count viewerReacted } } } } } }`;

const server = useTestServer();
let community: Awaited<ReturnType<typeof buildCommunity>>;
let author: TestUser;
beforeAll(async () => {
  community = await buildCommunity(server.db);
  author = await buildUser(server.db);
  await addMember(server.db, community, author);
});

const eventsOf = (threadId: string, type: "POST_ADDED" | "POST_EDITED" | "REACTION_CHANGED") =>
  server.db
    .select()
    .from(threadEvents)
    .where(and(eq(threadEvents.threadId, threadId), eq(threadEvents.type, type)))
    .orderBy(asc(threadEvents.id));

describe("concurrent replies to one thread", () => {
  it("50 replies at once by 50 members: all accepted, one PostAdded each in post order, reply count 50", async () => {
    const thread = await buildThread(server.db, community, author);
    const members = await Promise.all(Array.from({ length: 50 }, () => buildUser(server.db)));
    for (const m of members) await addMember(server.db, community, m);

    const results = await Promise.all(
      members.map((m, i) =>
        gql(server.url, ADD, { i: { threadId: thread.id, body: `reply ${i}` } }, { token: m.token }),
      ),
    );

    // No deadlock, nor any other failure: every reply is accepted.
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const stored = await server.db.select().from(posts).where(eq(posts.threadId, thread.id)).orderBy(asc(posts.seq));
    expect(stored).toHaveLength(50);
    expect(new Set(stored.map((p) => p.id))).toEqual(new Set(results.map((r) => r.data?.addPost.id)));
    // Events commit in id order, and posts in seq order, both under the thread lock: they agree.
    const events = await eventsOf(thread.id, "POST_ADDED");
    expect(events.map((e) => e.postId)).toEqual(stored.map((p) => p.id));
    const [row] = await server.db.select().from(threads).where(eq(threads.id, thread.id));
    expect(row?.replyCount).toBe(50);
  });

  it("concurrent edits of one post: each replaced text is kept as a revision", async () => {
    const thread = await buildThread(server.db, community, author);
    const post = await buildPost(server.db, thread, author, "v0");
    const bodies = Array.from({ length: 8 }, (_, i) => `v${i + 1}`);

    const results = await Promise.all(
      bodies.map((body) => gql(server.url, EDIT, { i: { postId: post.id, body } }, { token: author.token })),
    );

    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const [final] = await server.db.select().from(posts).where(eq(posts.id, post.id));
    const revisions = await server.db
      .select()
      .from(postRevisions)
      .where(eq(postRevisions.postId, post.id))
      .orderBy(asc(postRevisions.createdAt), asc(postRevisions.id));
    // History holds every text the post had except the current one, each exactly once.
    expect(revisions.map((r) => r.body).sort()).toEqual(["v0", ...bodies.filter((b) => b !== final?.body)].sort());
    expect(await eventsOf(thread.id, "POST_EDITED")).toHaveLength(8);
  });
});

describe("a reply racing the thread being locked", () => {
  // Needs a second connection holding the thread's row lock while the reply runs: PostgreSQL only.
  it.runIf(process.env.TEST_DB === "postgres")(
    "a reply that waited while a facilitator locked the thread is refused, and nothing is stored",
    async () => {
      const thread = await buildThread(server.db, community, author);
      let reply: ReturnType<typeof gql> | undefined;
      await server.db.transaction(async (tx) => {
        // Stands for a facilitator's setThreadLocked that is holding the row at that moment.
        await tx.select({ id: threads.id }).from(threads).where(eq(threads.id, thread.id)).for("update");
        reply = gql(server.url, ADD, { i: { threadId: thread.id, body: "just in time?" } }, { token: author.token });
        await untilSomeoneWaitsOnALock(server.db);
        await tx.update(threads).set({ locked: true }).where(eq(threads.id, thread.id));
      });
      expect(errorCode((await reply) ?? {})).toBe("FORBIDDEN");
      expect(await server.db.select().from(posts).where(eq(posts.threadId, thread.id))).toEqual([]);
      expect(await eventsOf(thread.id, "POST_ADDED")).toEqual([]);
    },
  );

  it.runIf(process.env.TEST_DB === "postgres")(
    "20 replies racing the lock: none lands after the lock commits",
    async () => {
      const thread = await buildThread(server.db, community, author);
      const members = await Promise.all(Array.from({ length: 20 }, () => buildUser(server.db)));
      for (const m of members) await addMember(server.db, community, m);
      let replies: Promise<Awaited<ReturnType<typeof gql>>[]> | undefined;
      await server.db.transaction(async (tx) => {
        await tx.select({ id: threads.id }).from(threads).where(eq(threads.id, thread.id)).for("update");
        // Some wait on the row, the rest on the api's pool behind them: all after the lock.
        replies = Promise.all(
          members.map((m, i) =>
            gql(server.url, ADD, { i: { threadId: thread.id, body: `race ${i}` } }, { token: m.token }),
          ),
        );
        // Asked on this transaction's own connection: the waiting replies may hold all the others.
        await untilSomeoneWaitsOnALock(tx);
        await tx.update(threads).set({ locked: true }).where(eq(threads.id, thread.id));
      });
      expect(((await replies) ?? []).map((r) => errorCode(r))).toEqual(members.map(() => "FORBIDDEN"));
      expect(await server.db.select().from(posts).where(eq(posts.threadId, thread.id))).toEqual([]);
      expect(await eventsOf(thread.id, "POST_ADDED")).toEqual([]);
    },
  );
});

describe("a reply racing the member's removal", () => {
  // The reply waits on the thread behind another writer while a facilitator removes its author:
  // the membership it checks is the one read under the lock, so it is refused. PostgreSQL only.
  it.runIf(process.env.TEST_DB === "postgres")(
    "a reply that waited while its author was removed is refused, and nothing is stored",
    async () => {
      const thread = await buildThread(server.db, community, author);
      const leaving = await buildUser(server.db);
      const membership = await addMember(server.db, community, leaving);
      let reply: ReturnType<typeof gql> | undefined;
      await server.db.transaction(async (tx) => {
        // Stands for another reply to the thread, holding its row at that moment.
        await tx.select({ id: threads.id }).from(threads).where(eq(threads.id, thread.id)).for("update");
        reply = gql(server.url, ADD, { i: { threadId: thread.id, body: "still here?" } }, { token: leaving.token });
        await untilSomeoneWaitsOnALock(tx);
        // The removal commits on a connection of its own while the reply still waits.
        await server.db.delete(communityMemberships).where(eq(communityMemberships.id, membership.id));
      });
      const res = await reply;
      expect(errorCode(res ?? {})).toBe("FORBIDDEN");
      expect(res?.errors?.[0]?.message).toBe("Only active members of this community can reply.");
      expect(await server.db.select().from(posts).where(eq(posts.threadId, thread.id))).toEqual([]);
      expect(await eventsOf(thread.id, "POST_ADDED")).toEqual([]);
    },
  );
});

describe("concurrent reaction toggles by one user on one post", () => {
  it.each([
    [10, false],
    [11, true],
  ])("%i toggles at once leave the reaction on: %s, and one ReactionChanged per toggle", async (n, on) => {
    const thread = await buildThread(server.db, community, author);
    const post = await buildPost(server.db, thread, author);
    const fan = await buildUser(server.db);
    await addMember(server.db, community, fan);

    const results = await Promise.all(
      Array.from({ length: n }, () =>
        gql(server.url, REACT, { i: { postId: post.id, kind: "HEART" } }, { token: fan.token }),
      ),
    );

    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const stored = await server.db.select().from(reactions).where(eq(reactions.postId, post.id));
    expect(stored).toHaveLength(on ? 1 : 0);
    expect(await eventsOf(thread.id, "REACTION_CHANGED")).toHaveLength(n);
    const read = await gql(server.url, REACTIONS, { id: thread.id }, { token: fan.token });
    expect(read.data?.thread.posts.edges[0].node.reactions).toEqual(
      on ? [{ kind: "HEART", count: 1, viewerReacted: true }] : [],
    );
  });
});
